import { describe, expect, it } from 'vitest';
import { parseSpanishDate } from './parse-spanish-date';

describe('parseSpanishDate', () => {
  it.each([
    ['En Villanueva, a 25 de marzo de 2024, siendo las 19 horas', '2024-03-25'],
    ['SESIÓN DEL DÍA 25 DE MARZO DE 2024', '2024-03-25'],
    ['lunes, 1 de julio del 2024', '2024-07-01'],
    ['el 3 de Setiembre de 2023', '2023-09-03'],
    ['el día 25 de marzo de 2.024', '2024-03-25'],
    ['el día 1º de abril de 2024', '2024-04-01'],
    ['siendo las doce horas del día veinticinco de marzo de dos mil veinticuatro', '2024-03-25'],
    ['a treinta y uno de diciembre de dos mil veintitrés', '2023-12-31'],
    ['el primero de junio de dos mil veinte', '2020-06-01'],
    ['Fecha: 25/03/2024', '2024-03-25'],
    ['Fecha: 7-11-23', '2023-11-07'],
    ['Fecha: 07.11.2023', '2023-11-07'],
    ['2024-03-25', '2024-03-25'],
    ['aprobada el 2 de enero de 2024 y publicada el 15/02/2024', '2024-01-02'],
  ])('%s → %s', (text, iso) => {
    expect(parseSpanishDate(text)).toBe(iso);
  });

  it.each([
    ['sin fecha'],
    ['el 31 de febrero de 2024'],
    ['el 30/02/2024'],
    ['el expediente 12/2024'],
    ['la Ley 7/1985'],
  ])('%s has no valid date', (text) => {
    expect(parseSpanishDate(text)).toBeUndefined();
  });

  it('skips an impossible date and takes the next one', () => {
    expect(parseSpanishDate('el 31 de febrero de 2024, es decir, el 2 de marzo de 2024')).toBe('2024-03-02');
  });
});
