import { describe, expect, it } from 'vitest';
import { computeCer, computeWer, editDistance, stringEditDistance } from './compute-error-rates';

describe('stringEditDistance (bit-parallel)', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
    ['flaw', 'lawn', 2],
    ['presupuesto', 'presupuestos', 1],
    ['a'.repeat(70), `${'a'.repeat(35)}b${'a'.repeat(34)}`, 1],
    ['señor', 'senor', 1],
  ])('%j vs %j = %d', (a, b, distance) => {
    expect(stringEditDistance(a, b)).toBe(distance);
    expect(stringEditDistance(b, a)).toBe(distance);
  });

  it('agrees with the plain DP on random strings across block sizes', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const randomText = (length: number): string =>
      Array.from({ length }, () => 'abcd ñ'[Math.floor(next() * 6)]).join('');
    for (let k = 0; k < 300; k += 1) {
      const a = randomText(Math.floor(next() * 140));
      const b = randomText(Math.floor(next() * 140));
      expect(stringEditDistance(a, b)).toBe(editDistance(a, b));
    }
  });
});

describe('computeCer / computeWer', () => {
  it('normalises both sides first: digits and words, case, accents, punctuation', () => {
    expect(computeCer('Son 25.000 €.', 'son veinticinco mil euros')).toBe(0);
    expect(computeWer('El Sr. Ruiz.', 'el señor ruiz')).toBe(0);
  });

  it('counts edits over the reference length', () => {
    expect(computeCer('abcd', 'abxd', { normalize: false })).toBe(0.25);
    expect(computeWer('uno dos tres cuatro', 'uno tres cuatro cinco')).toBe(0.5);
  });

  it('is 1 against an empty reference unless both are empty', () => {
    expect(computeCer('', 'algo')).toBe(1);
    expect(computeCer('', '')).toBe(0);
    expect(computeWer('', '')).toBe(0);
  });
});
