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
  ])('%s is a note (reaction: %s)', (text, reaction) => {
    expect(readStenographicNote(text)).toEqual({ reaction });
  });

  it.each([
    ['Sr. Presidente (Fernández).- Tiene la palabra la concejala Gómez.'],
    ['- Que se arregle el camino de la depuradora.'],
    ['Se vota y resulta aprobado por unanimidad.'],
    ['El concejal (PSOE) pide la palabra.'],
  ])('%s is not a note', (text) => {
    expect(readStenographicNote(text)).toBeUndefined();
  });
});
