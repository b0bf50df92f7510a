import { describe, expect, it } from 'vitest';
import { describeExtra } from './describe-extra';

describe('describeExtra', () => {
  it.each([
    [
      'a flat count object keeps its non-zero entries',
      { overlaps: 3, inversions: 0, reordered: 1 },
      'x: overlaps 3, reordered 1',
    ],
    ['an all-zero object says nothing', { overlaps: 0 }, undefined],
    ['a string', 'diarised', 'x: diarised'],
    ['a number', 2, 'x: 2'],
    ['a boolean', true, 'x: true'],
    ['an array gives its length', [1, 2, 3], 'x: 3 entries'],
    ['null says nothing', null, undefined],
    ['nested objects are skipped', { a: { b: 1 } }, undefined],
    ['a mapping of names', { 'Sr. Ruiz': 'speaker 2', 'Sra. Gil': '' }, 'x: Sr. Ruiz speaker 2'],
  ])('%s', (_name, value, expected) => {
    expect(describeExtra('x', value)).toBe(expected);
  });

  it('bounds the length of a note', () => {
    const note = describeExtra('x', 'y'.repeat(1000));
    expect(note).toHaveLength(300);
    expect(note?.endsWith('…')).toBe(true);
  });
});
