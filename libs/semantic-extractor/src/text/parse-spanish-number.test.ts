import { describe, expect, it } from 'vitest';
import { parseRomanNumeral, parseSpanishCardinal, parseSpanishOrdinal } from './parse-spanish-number';

describe('Spanish numbers', () => {
  it.each([
    ['primero', 1],
    ['PRIMERA', 1],
    ['tercer', 3],
    ['Séptimo', 7],
    ['setimo', 7],
    ['noveno', 9],
    ['décimo', 10],
    ['undécimo', 11],
    ['duodécima', 12],
    ['decimotercero', 13],
    ['Décimo Cuarto', 14],
    ['vigésimo', 20],
    ['vigésimo primero', 21],
    ['trigésimo quinto', 35],
  ])('ordinal %s = %i', (word, value) => {
    expect(parseSpanishOrdinal(word)).toBe(value);
  });

  it.each([['primerísimo'], ['octogésimo'], ['segundero'], ['']])('%j is not an ordinal', (word) => {
    expect(parseSpanishOrdinal(word)).toBeUndefined();
  });

  it.each([
    ['uno', 1],
    ['veinticinco', 25],
    ['treinta y uno', 31],
    ['dos mil veinticuatro', 2024],
    ['mil novecientos noventa y nueve', 1999],
    ['primero', 1],
  ])('cardinal %s = %i', (words, value) => {
    expect(parseSpanishCardinal(words)).toBe(value);
  });

  it('rejects words that are not numbers', () => {
    expect(parseSpanishCardinal('dos mil casas')).toBeUndefined();
  });

  it.each([
    ['I', 1],
    ['IV', 4],
    ['IX', 9],
    ['XIV', 14],
    ['XL', 40],
  ])('roman %s = %i', (text, value) => {
    expect(parseRomanNumeral(text)).toBe(value);
  });

  it.each([['IIII'], ['iv'], ['VX'], ['']])('%j is not a roman numeral', (text) => {
    expect(parseRomanNumeral(text)).toBeUndefined();
  });
});
