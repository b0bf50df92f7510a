import { describe, expect, it } from 'vitest';
import { AlignError } from '../errors';
import {
  isNumberWord,
  numberToSpanishWords,
  ordinalToSpanishWords,
  type NumberGender,
} from './number-to-spanish-words';

describe('numberToSpanishWords', () => {
  it.each<[number, string]>([
    [0, 'cero'],
    [1, 'uno'],
    [9, 'nueve'],
    [15, 'quince'],
    [16, 'dieciséis'],
    [20, 'veinte'],
    [21, 'veintiuno'],
    [22, 'veintidós'],
    [29, 'veintinueve'],
    [30, 'treinta'],
    [31, 'treinta y uno'],
    [45, 'cuarenta y cinco'],
    [99, 'noventa y nueve'],
    [100, 'cien'],
    [101, 'ciento uno'],
    [115, 'ciento quince'],
    [200, 'doscientos'],
    [555, 'quinientos cincuenta y cinco'],
    [999, 'novecientos noventa y nueve'],
    [1000, 'mil'],
    [1001, 'mil uno'],
    [1985, 'mil novecientos ochenta y cinco'],
    [2024, 'dos mil veinticuatro'],
    [21_000, 'veintiún mil'],
    [25_000, 'veinticinco mil'],
    [100_000, 'cien mil'],
    [101_000, 'ciento un mil'],
    [1_000_000, 'un millón'],
    [1_500_000, 'un millón quinientos mil'],
    [2_000_000, 'dos millones'],
    [21_000_000, 'veintiún millones'],
    [201_000_000, 'doscientos un millones'],
    [1_000_000_000, 'mil millones'],
    [2_500_000_000, 'dos mil quinientos millones'],
    [
      999_999_999_999,
      'novecientos noventa y nueve mil novecientos noventa y nueve millones novecientos noventa y nueve mil novecientos noventa y nueve',
    ],
  ])('%d → %s', (value, words) => {
    expect(numberToSpanishWords(value)).toBe(words);
  });

  it.each<[number, NumberGender, string]>([
    [1, 'masculine', 'un'],
    [1, 'feminine', 'una'],
    [21, 'masculine', 'veintiún'],
    [21, 'feminine', 'veintiuna'],
    [31, 'feminine', 'treinta y una'],
    [200, 'feminine', 'doscientas'],
    [561, 'feminine', 'quinientas sesenta y una'],
    [200_000, 'feminine', 'doscientas mil'],
    [21_000, 'feminine', 'veintiuna mil'],
    [2_200_000, 'feminine', 'dos millones doscientas mil'],
    [300_000_000, 'feminine', 'trescientos millones'],
  ])('%d (%s) → %s', (value, gender, words) => {
    expect(numberToSpanishWords(value, { gender })).toBe(words);
  });

  it.each([-1, 1.5, Number.NaN, 1_000_000_000_000, Number.POSITIVE_INFINITY])(
    'rejects %d with invalid_number',
    (value) => {
      expect(() => numberToSpanishWords(value)).toThrowError(
        expect.objectContaining({ code: 'invalid_number', name: 'AlignError' }) as AlignError,
      );
    },
  );
});

describe('ordinalToSpanishWords', () => {
  it.each<[number, { feminine?: boolean; apocope?: boolean }, string]>([
    [1, {}, 'primero'],
    [1, { feminine: true }, 'primera'],
    [1, { apocope: true }, 'primer'],
    [3, { apocope: true }, 'tercer'],
    [4, {}, 'cuarto'],
    [10, {}, 'décimo'],
    [11, {}, 'undécimo'],
    [12, {}, 'duodécimo'],
    [15, {}, 'decimoquinto'],
    [17, { feminine: true }, 'decimoséptima'],
    [21, {}, 'vigésimo primero'],
    [23, { feminine: true }, 'vigésima tercera'],
    [100, {}, 'centésimo'],
  ])('%d %j → %s', (value, options, words) => {
    expect(ordinalToSpanishWords(value, options)).toBe(words);
  });

  it('rejects ordinals outside 1 … 100', () => {
    expect(() => ordinalToSpanishWords(0)).toThrow(AlignError);
    expect(() => ordinalToSpanishWords(101)).toThrow(/1 … 100/u);
  });
});

describe('isNumberWord', () => {
  it.each(['dos', 'diez', 'cuarenta', 'veintisiete', 'doscientas', 'mil', 'millones', 'cien'])('%s is a figure', (w) =>
    expect(isNumberWord(w)).toBe(true),
  );
  it.each(['un', 'una', 'uno', 'y', 'euros', 'meses', 'de'])('%s is not (articles count as no figure)', (w) =>
    expect(isNumberWord(w)).toBe(false),
  );
});
