import { describe, expect, it } from 'vitest';
import { fillerPhraseAt, spokenWordClass, type SpokenWordClass } from './spoken-word-class';

describe('spokenWordClass', () => {
  it.each<[string, SpokenWordClass]>([
    ['eh', 'filler'],
    ['este', 'filler'],
    ['bueno', 'filler'],
    ['pues', 'filler'],
    ['de', 'function'],
    ['uno', 'function'],
    ['que', 'function'],
    ['mediante', 'function'],
    ['han', 'function'],
    ['sus', 'function'],
    ['nuestro', 'function'],
    ['vuestras', 'function'],
    ['no', 'content'],
    ['nunca', 'content'],
    ['tampoco', 'content'],
    ['tecnicos', 'content'],
    ['veintitres', 'content'],
    ['estabilidad', 'content'],
  ])('%s is a %s word', (form, expected) => {
    expect(spokenWordClass(form, 'es')).toBe(expected);
  });

  it('counts every word as content outside Spanish (no word lists there)', () => {
    expect(spokenWordClass('eh', 'en')).toBe('content');
    expect(spokenWordClass('de', 'ca')).toBe('content');
  });
});

describe('fillerPhraseAt', () => {
  const at = (words: string[]) => (k: number) => words[k];
  it.each<[string[], number, boolean]>([
    [['o', 'sea', 'que'], 0, true],
    [['o', 'sea', 'que'], 1, true],
    [['o', 'sea', 'que'], 2, false],
    [['rojo', 'o', 'verde'], 1, false],
    [['es', 'decir', 'el'], 1, true],
    [['a', 'ver', 'si'], 0, true],
    [['vamos', 'a', 'votar'], 1, false],
  ])('%j at %i → %s', (words, index, expected) => {
    expect(fillerPhraseAt(at(words), index, 'es')).toBe(expected);
  });
});
