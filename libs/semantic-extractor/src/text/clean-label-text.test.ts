import { describe, expect, it } from 'vitest';
import { cleanLabelText } from './clean-label-text';
import { normalizeText } from './normalize-text';

describe('cleanLabelText', () => {
  it.each([
    ['«Buenas tardes a todos.»', 'Buenas tardes a todos.'],
    ['“Gracias, señor alcalde”', 'Gracias, señor alcalde'],
    ['"Votaremos en contra"', 'Votaremos en contra'],
    ['lo que llaman ‘la nueva política’', 'lo que llaman la nueva política'],
    ['el Ayuntamiento d’Alcoi y O’Donnell', 'el Ayuntamiento d’Alcoi y O’Donnell'],
    ['la palabra- \nsiguiente', 'la palabrasiguiente'],
    ['pre\u00adsu\u00adpues\u00adto municipal', 'presupuesto municipal'],
    ['  varias   líneas\n\ny\tespacios\u00a0raros ', 'varias líneas y espacios raros'],
    ['la Ley 7/1985 (de Bases de Régimen Local).', 'la Ley 7/1985 de Bases de Régimen Local.'],
    ['como dije [sic] ayer', 'como dije ayer'],
    ['y entonces [inaudible] el proyecto', 'y entonces el proyecto'],
    ['Gracias. (Aplausos) Seguimos.', 'Gracias. Seguimos.'],
    ['Gracias (se producen aplausos), seguimos.', 'Gracias, seguimos.'],
    ['no es así (inaudible) y lo sabe', 'no es así y lo sabe'],
    ['¿ Qué opina ?', '¿Qué opina?'],
    ['El 3,5 % de 2024: 1.200 €', 'El 3,5 % de 2024: 1.200 €'],
    ['SR. ALCALDE', 'SR. ALCALDE'],
    ['{nota}', 'nota'],
  ])('%j → %j', (text, clean) => {
    expect(cleanLabelText(text)).toBe(clean);
  });

  it('keeps case, numbers and abbreviations as written', () => {
    const text = 'El Sr. Pérez votó el 25/03/2024 a favor del art. 3 de la LRBRL.';
    expect(cleanLabelText(text)).toBe(text);
  });
});

describe('normalizeText', () => {
  it.each([
    ['a  b', 'a b'],
    ['a\nb', 'a b'],
    ['pala-\nbra', 'palabra'],
    ['Madrid-\nBarcelona', 'Madrid- Barcelona'],
    ['\u200bcero\u00ad', 'cero'],
    ['«Texto» (nota)', '«Texto» (nota)'],
  ])('%j → %j', (text, normalized) => {
    expect(normalizeText(text)).toBe(normalized);
  });
});
