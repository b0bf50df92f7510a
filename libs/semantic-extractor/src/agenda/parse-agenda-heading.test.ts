import { describe, expect, it } from 'vitest';
import { parseAgendaHeading } from './parse-agenda-heading';

describe('parseAgendaHeading', () => {
  it.each([
    ['1.- Aprobación del acta de la sesión anterior.', 1, 'Aprobación del acta de la sesión anterior.', 'digits'],
    ['1. Aprobación del acta', 1, 'Aprobación del acta', 'digits'],
    ['12) Mociones de urgencia', 12, 'Mociones de urgencia', 'digits'],
    ['3.– Ruegos y preguntas', 3, 'Ruegos y preguntas', 'digits'],
    ['1º.- Aprobación del acta', 1, 'Aprobación del acta', 'digits'],
    ['1.º Aprobación del acta', 1, 'Aprobación del acta', 'digits'],
    ['2o.- Dación de cuenta', 2, 'Dación de cuenta', 'digits'],
    ['PUNTO PRIMERO.- APROBACIÓN DEL ACTA', 1, 'APROBACIÓN DEL ACTA', 'ordinal'],
    ['Punto 3. Ruegos y preguntas', 3, 'Ruegos y preguntas', 'digits'],
    ['Punto nº 3 Ruegos y preguntas', 3, 'Ruegos y preguntas', 'digits'],
    ['PUNTO Nº 4.- Moción', 4, 'Moción', 'digits'],
    ['PUNTO TRES: Ruegos', 3, 'Ruegos', 'cardinal'],
    ['Punto cuarto del orden del día. Moción sobre vivienda', 4, 'Moción sobre vivienda', 'ordinal'],
    ['PRIMERO.- APROBACIÓN DEL ACTA', 1, 'APROBACIÓN DEL ACTA', 'ordinal'],
    ['PRIMER PUNTO: APROBACIÓN DEL ACTA', 1, 'APROBACIÓN DEL ACTA', 'ordinal'],
    ['Segundo punto.- Ordenanza', 2, 'Ordenanza', 'ordinal'],
    ['2', 2, '', 'digits'],
    [' 14 ', 14, '', 'digits'],
    ['Primero.- Aprobación del acta', 1, 'Aprobación del acta', 'ordinal'],
    ['Segundo: Presupuesto', 2, 'Presupuesto', 'ordinal'],
    ['SÉPTIMO.- Moción', 7, 'Moción', 'ordinal'],
    ['DÉCIMO TERCERO.- Moción', 13, 'Moción', 'ordinal'],
    ['Decimotercero.- Moción', 13, 'Moción', 'ordinal'],
    ['Undécimo.- Moción', 11, 'Moción', 'ordinal'],
    ['VIGÉSIMO PRIMERO.- Moción', 21, 'Moción', 'ordinal'],
    ['IV.- Ruegos y preguntas', 4, 'Ruegos y preguntas', 'roman'],
    ['PRIMERO.-', 1, '', 'ordinal'],
  ])('%s → item %i', (text, index, title, numbering) => {
    expect(parseAgendaHeading(text)).toMatchObject({ index, title, numbering });
  });

  it.each([
    ['1.1.- Subapartado del punto'],
    ['Primero, el Sr. Alcalde agradece la asistencia'],
    ['2024. Año de la vivienda'],
    ['25 de marzo de 2024'],
    ['En primer lugar interviene el Sr. Ruiz'],
    ['El punto 3 se retira'],
    ['Primeramente se informa'],
    ['Punto 12.1 del anexo'],
    [''],
  ])('%j is not an agenda heading', (text) => {
    expect(parseAgendaHeading(text)).toBeUndefined();
  });

  it('marks headings introduced by Punto/Asunto', () => {
    expect(parseAgendaHeading('Asunto 5.- Licencias')?.prefixed).toBe(true);
    expect(parseAgendaHeading('5.- Licencias')?.prefixed).toBe(false);
  });
});
