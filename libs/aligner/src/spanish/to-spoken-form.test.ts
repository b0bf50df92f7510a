import { describe, expect, it } from 'vitest';
import { toSpokenForm } from './to-spoken-form';

describe('toSpokenForm', () => {
  it.each<[string, string]>([
    ['El Sr. Ruiz propone 25.000 € (un 15%).', 'el señor ruiz propone veinticinco mil euros un quince por ciento'],
    ['D. Juan y Dña. María, nº 5 del art. 3.', 'don juan y doña maría número cinco del artículo tres'],
    ['21 personas y 21 votos, 1 €, 200 viviendas', 'veintiuna personas y veintiún votos un euro doscientas viviendas'],
    ['el 1º y la 2ª; el 1er premio', 'el primero y la segunda el primer premio'],
    ['3,50 €', 'tres euros con cincuenta céntimos'],
    ['Votos a favor: 21 (PSOE).', 'votos a favor veintiuno psoe'],
    ['¡Muchas gracias!', 'muchas gracias'],
  ])('%j → %j', (written, spoken) => {
    expect(toSpokenForm(written)).toBe(spoken);
  });
});
