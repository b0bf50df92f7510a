import { describe, expect, it } from 'vitest';
import { foldForMatch, normalizeForMatch } from './normalize-for-match';

describe('normalizeForMatch', () => {
  it.each<[string, string]>([
    ['25.000 €', 'veinticinco mil euros'],
    ['25.000€', 'veinticinco mil euros'],
    ['2024', 'dos mil veinticuatro'],
    ['1.500.000', 'un millón quinientos mil'],
    ['8.000.000 €', 'ocho millones de euros'],
    ['3,5', 'tres coma cinco'],
    ['0,25', 'cero coma veinticinco'],
    ['1.234,56 €', 'mil doscientos treinta y cuatro euros con cincuenta y seis céntimos'],
    ['15%', 'quince por ciento'],
    ['15 %', 'quince por ciento'],
    ['1º', 'primero'],
    ['1.º', 'primero'],
    ['1ª', 'primera'],
    ['1.er trimestre', 'primer trimestre'],
    ['21 personas', 'veintiuna personas'],
    ['21 votos', 'veintiún votos'],
    ['200 viviendas', 'doscientas viviendas'],
    ['Sr. Ruiz', 'señor ruiz'],
    ['Sra. López', 'señora lópez'],
    ['D. Juan', 'don juan'],
    ['Dña. María', 'doña maría'],
    ['Dª María', 'doña maría'],
    ['nº 5', 'número cinco'],
    ['n.º 5', 'número cinco'],
    ['art. 3', 'artículo tres'],
    ['Excmo. Ayuntamiento', 'excelentísimo ayuntamiento'],
    ['a las 18:30 horas', 'a las dieciocho treinta horas'],
    ['el 12/03/2024', 'el doce de marzo de dos mil veinticuatro'],
    ['Ley 7/1985', 'ley siete barra mil novecientos ochenta y cinco'],
    ['COVID-19', 'covid diecinueve'],
    ['ex-alcalde', 'ex alcalde'],
    ['presu-\npuesto', 'presupuesto'],
    ['¿Está aquí?', 'esta aqui'],
    ['«Muchas gracias», dijo.', 'muchas gracias dijo'],
    ['PRIMERO.- Aprobar', 'primero aprobar'],
  ])('%j ≡ %j', (written, spoken) => {
    expect(normalizeForMatch(written)).toEqual(normalizeForMatch(spoken));
  });

  it('gives the canonical tokens: lower case, no accents, numbers in words, genders folded', () => {
    expect(normalizeForMatch('El Sr. Núñez aprobó 21 mociones y 1 €.')).toEqual([
      'el',
      'senor',
      'nunez',
      'aprobo',
      'veintiuno',
      'mociones',
      'y',
      'uno',
      'euro',
    ]);
  });

  it('keeps "D." as an initial when no capitalised name follows', () => {
    expect(normalizeForMatch('la opción d. siguiente')).toEqual(['la', 'opcion', 'd', 'siguiente']);
  });

  it('reads digits one by one beyond 999 999 999 999', () => {
    expect(normalizeForMatch('1234567890123')).toHaveLength(13);
  });

  it('only splits and lower-cases for languages other than Spanish', () => {
    expect(normalizeForMatch('Bon dia, 25.000 €', 'ca')).toEqual(['bon', 'dia', '25', '000']);
  });
});

describe('foldForMatch', () => {
  it.each<[string, string]>([
    ['Señor', 'senor'],
    ['una', 'uno'],
    ['veintiún', 'veintiuno'],
    ['doscientas', 'doscientos'],
    ['primera', 'primero'],
    ['—', ''],
  ])('%s → %s', (token, folded) => {
    expect(foldForMatch(token)).toBe(folded);
  });
});
