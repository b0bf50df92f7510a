import { describe, expect, it } from 'vitest';
import { isNameList, parseDialogueLine, parseSpeechFormula } from './parse-speech-formula';

describe('parseSpeechFormula', () => {
  it.each([
    [
      'El Sr. Ruiz Sánchez, Portavoz del Grupo Municipal Socialista, manifiesta:',
      {
        speaker: 'Sr. Ruiz Sánchez',
        role: 'Portavoz del Grupo Municipal Socialista',
        kind: 'intervention',
        formulaOnly: true,
        introducesSpeech: true,
      },
    ],
    [
      'Interviene la Sra. García, Concejala de Hacienda, para explicar que el presupuesto crece un 3 %.',
      {
        speaker: 'Sra. García',
        role: 'Concejala de Hacienda',
        kind: 'intervention',
        formulaOnly: false,
        introducesSpeech: false,
      },
    ],
    [
      'Toma la palabra D. José Fernández, quien señala que su grupo votará en contra.',
      { speaker: 'D. José Fernández', kind: 'intervention', formulaOnly: false, introducesSpeech: false },
    ],
    [
      'Por el Sr. Secretario se da lectura al dictamen de la Comisión Informativa, que dice literalmente:',
      { speaker: 'Secretario', role: 'Secretario', kind: 'reading', introducesSpeech: true },
    ],
    ['EL SR. RUIZ SÁNCHEZ MANIFIESTA:', { speaker: 'Sr. Ruiz Sánchez', formulaOnly: true, introducesSpeech: true }],
    [
      'La Sra. Alcaldesa concede la palabra a Dña. Mª José López, quien manifiesta:',
      { speaker: 'Dña. Mª José López', formulaOnly: true, introducesSpeech: true },
    ],
    ['Responde el Sr. Alcalde que se estudiará la propuesta.', { speaker: 'Alcalde', formulaOnly: false }],
    ['Por Secretaría se da cuenta del expediente.', { speaker: 'Secretaría', kind: 'reading' }],
    [
      'A continuación, el Sr. Alcalde dice literalmente:',
      { speaker: 'Alcalde', formulaOnly: true, introducesSpeech: true },
    ],
    ['El Sr. Ruiz, en nombre de su grupo, manifiesta lo siguiente:', { speaker: 'Sr. Ruiz', formulaOnly: true }],
    [
      'Abierto el turno de intervenciones, toma la palabra el Sr. Gómez Ruiz (PP) y dice:',
      { speaker: 'Sr. Gómez Ruiz', role: 'PP', formulaOnly: true, introducesSpeech: true },
    ],
    ['Se da lectura a la propuesta de la Alcaldía:', { kind: 'reading', introducesSpeech: true }],
  ])('%s', (text, expected) => {
    expect(parseSpeechFormula(text)).toMatchObject(expected);
  });

  it('takes the agent of "Por el Sr. X se …" and not a person mentioned after a preposition', () => {
    expect(parseSpeechFormula('El Sr. Ruiz responde al Sr. Alcalde que no.')?.speaker).toBe('Sr. Ruiz');
    expect(parseSpeechFormula('Por la Sra. Gil se explica el informe.')?.speaker).toBe('Sra. Gil');
  });

  it.each([
    [
      'Sometido el asunto a votación, con los votos a favor del Sr. Alcalde y de los concejales del PSOE, queda aprobado.',
    ],
    ['El Pleno toma conocimiento de los decretos.'],
    ['El Sr. Alcalde somete a votación la propuesta.'],
    ['Se incorpora a la sesión la Sra. Gil.'],
    ['Visto el informe de Secretaría de fecha 3 de marzo.'],
  ])('%s is not a speech formula', (text) => {
    expect(parseSpeechFormula(text)).toBeUndefined();
  });
});

describe('parseDialogueLine', () => {
  it.each([
    ['SR. ALCALDE: Buenas tardes.', { speaker: 'Alcalde', role: 'Alcalde', speech: 'Buenas tardes.' }],
    ['Sr. Pérez (PSOE): Gracias.', { speaker: 'Sr. Pérez', role: 'PSOE', speech: 'Gracias.' }],
    [
      'SRA. GARCÍA LÓPEZ (Portavoz del Grupo Popular): Bien.',
      { speaker: 'Sra. García López', role: 'Portavoz del Grupo Popular', speech: 'Bien.' },
    ],
    ['SECRETARIO: Se da lectura.', { speaker: 'Secretario', speech: 'Se da lectura.' }],
    ['PÉREZ GARCÍA (PSOE): Sí.', { speaker: 'Pérez García', role: 'PSOE', speech: 'Sí.' }],
    ['Sr. Alcalde.- Pasamos al punto.', { speaker: 'Alcalde', speech: 'Pasamos al punto.' }],
    ['— La Sra. Alcaldesa: Comenzamos.', { speaker: 'Alcaldesa', speech: 'Comenzamos.' }],
  ])('%s', (text, expected) => {
    expect(parseDialogueLine(text)).toMatchObject(expected);
  });

  it.each([
    ['Alcalde-Presidente: D. Juan Pérez García'],
    ['Secretario: D. Luis Gil Moreno'],
    ['El Sr. Alcalde manifiesta: hola'],
    ['ASISTENTES: D. Juan Pérez'],
    ['El presupuesto: una vergüenza.'],
    ['Votos a favor: 7'],
  ])('%s is not a dialogue line', (text) => {
    expect(parseDialogueLine(text)).toBeUndefined();
  });
});

describe('isNameList', () => {
  it.each([
    ['D. Juan Pérez García (PSOE)', true],
    ['D. Juan Pérez y Dña. Ana Gil', true],
    ['Dña. Ana Gil, D. Luis Gil Moreno, Sr. Ruiz', true],
    ['El Sr. Ruiz manifiesta que no', false],
    ['Sin nombres aquí', false],
  ])('%s → %s', (text, expected) => {
    expect(isNameList(text)).toBe(expected);
  });
});
