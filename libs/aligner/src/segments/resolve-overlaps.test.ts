import { describe, expect, it } from 'vitest';
import type { Segment } from '../model';
import { resolveOverlaps } from './resolve-overlaps';

function segment(offset: number, duration: number, score: number, fragmentId: string): Segment {
  return {
    offset,
    duration,
    text: fragmentId,
    textOriginal: fragmentId,
    asrText: '',
    cer: 0,
    wer: 0,
    score,
    fragmentId,
    wordRange: [0, 1],
  };
}

describe('resolveOverlaps', () => {
  it('keeps the better-scored of overlapping segments and returns both lists in time order', () => {
    const result = resolveOverlaps([
      segment(10, 5, 0.9, 'b'),
      segment(0, 5, 0.8, 'a'),
      segment(12, 5, 0.95, 'c'),
      segment(20, 2, 0.5, 'd'),
    ]);
    expect(result.kept.map((s) => s.fragmentId)).toEqual(['a', 'c', 'd']);
    expect(result.dropped.map((s) => s.fragmentId)).toEqual(['b']);
  });

  it('lets segments touch end to start', () => {
    const result = resolveOverlaps([segment(0, 5, 0.9, 'a'), segment(5, 5, 0.9, 'b')]);
    expect(result.dropped).toEqual([]);
  });
});
