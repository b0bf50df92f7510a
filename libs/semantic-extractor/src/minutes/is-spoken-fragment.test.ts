import { describe, expect, it } from 'vitest';
import { isSpokenFragment } from './is-spoken-fragment';
import type { FragmentKind } from '@astra/contracts';

describe('isSpokenFragment', () => {
  it.each([
    ['intervention', true],
    ['reading', true],
    ['vote', true],
    ['procedural', true],
    ['heading', false],
    ['attendance', false],
    ['other', false],
  ] as [FragmentKind, boolean][])('%s → %s', (kind, spoken) => {
    for (const verbatim of [true, false]) {
      expect(isSpokenFragment({ id: 'f1', itemIndex: 0, kind, verbatim, text: 'x' })).toBe(spoken);
    }
  });
});
