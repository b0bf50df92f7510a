import { describe, expect, it } from 'vitest';
import { splitOf } from './build-dataset';

describe('splitOf', () => {
  const ids = Array.from({ length: 2000 }, (_, i) => `00000000-0000-5000-8000-${String(i).padStart(12, '0')}`);

  it('is deterministic and depends only on tenant and session', () => {
    expect(ids.map((id) => splitOf('t', id, 0.1, 0.1))).toEqual(ids.map((id) => splitOf('t', id, 0.1, 0.1)));
  });

  it('gives roughly the requested shares', () => {
    const counts = { train: 0, dev: 0, test: 0 };
    for (const id of ids) counts[splitOf('t', id, 0.1, 0.1)] += 1;
    expect(counts.dev / ids.length).toBeGreaterThan(0.07);
    expect(counts.dev / ids.length).toBeLessThan(0.13);
    expect(counts.test / ids.length).toBeGreaterThan(0.07);
    expect(counts.test / ids.length).toBeLessThan(0.13);
  });

  it('never moves a session out of test when the dev share grows', () => {
    const testBefore = ids.filter((id) => splitOf('t', id, 0.1, 0.1) === 'test');
    expect(testBefore.every((id) => splitOf('t', id, 0.3, 0.1) === 'test')).toBe(true);
  });

  it('puts everything in train with zero shares', () => {
    expect(new Set(ids.map((id) => splitOf('t', id, 0, 0)))).toEqual(new Set(['train']));
  });
});
