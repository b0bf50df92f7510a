import { describe, expect, it } from 'vitest';
import { spreadWords, tokenizeWords } from './spread-words';

describe('tokenizeWords', () => {
  it('keeps words with punctuation attached and drops pure symbols', () => {
    expect(tokenizeWords(' ¿Qué  tal? - >> ♪ 2025 ')).toEqual(['¿Qué', 'tal?', '2025']);
  });
});

describe('spreadWords', () => {
  it('shares the span by character length and sets the given confidence', () => {
    expect(spreadWords('ab abcd ab', 10, 18, 0.5)).toEqual([
      { text: 'ab', start: 10, end: 12, confidence: 0.5 },
      { text: 'abcd', start: 12, end: 16, confidence: 0.5 },
      { text: 'ab', start: 16, end: 18, confidence: 0.5 },
    ]);
  });

  it('counts characters, not UTF-16 units, and omits confidence when not given', () => {
    const words = spreadWords('ñú 😀x', 0, 4);
    expect(words).toEqual([
      { text: 'ñú', start: 0, end: 2 },
      { text: '😀x', start: 2, end: 4 },
    ]);
  });

  it('returns nothing for text without words and zero-length words for an empty span', () => {
    expect(spreadWords(' - ', 0, 1)).toEqual([]);
    expect(spreadWords('a b', 5, 5)).toEqual([
      { text: 'a', start: 5, end: 5 },
      { text: 'b', start: 5, end: 5 },
    ]);
  });
});
