import { describe, expect, it } from 'vitest';
import { readStenographicNote } from './read-stenographic-note';

describe('readStenographicNote', () => {
  it.each([
    ['-Se vota y resulta aprobado por unanimidad.', false],
    ['-Así se hace.', false],
    ['-Es la hora 21 y 15.', false],
    ['—Ocupa la Presidencia el vicepresidente 1º, concejal Paz.', false],
    ['- Se vota: 27 en 29. Afirmativa.', false],
    ['(Aplausos)', true],
    ['(Aplausos en la barra)', true],
    ['[Se retira el concejal Paz]', false],
    ['-Murmullos en la sala.', true],
    ['-El señor concejal Paz se retira del recinto.', false],
    ['-Varios señores concejales hablan a la vez.', true],
  ])('%s is a note (reaction: %s)', (text, reaction) => {
    expect(readStenographicNote(text)).toEqual({ reaction });
  });

  it('a dash paragraph in italics is a note whatever its words, a plain one is not', () => {
    expect(readStenographicNote('-Entra al recinto el concejal Paz.', true)).toEqual({ reaction: false });
    expect(readStenographicNote('-Arreglar el camino de la depuradora.')).toBeUndefined();
  });

  it.each([
    ['Sr. Presidente (Fernández).- Tiene la palabra la concejala Gómez.'],
    ['- Que se arregle el camino de la depuradora.'],
    ['-Arreglar el alumbrado de la calle Mayor.'],
    ['Se vota y resulta aprobado por unanimidad.'],
    ['El concejal (PSOE) pide la palabra.'],
  ])('%s is not a note', (text) => {
    expect(readStenographicNote(text)).toBeUndefined();
  });
});
