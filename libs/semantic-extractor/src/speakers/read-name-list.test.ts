import { describe, expect, it } from 'vitest';
import { readNameList, readPersonName } from './read-name-list';

describe('readPersonName', () => {
  it.each([
    ['Ana Luisa Ramírez Ramírez', 'Ana Luisa Ramírez Ramírez'],
    ['SANDRA PATRICIA ROJAS', 'Sandra Patricia Rojas'],
    ['D. Juan de la Torre Gil (PP)', 'Juan de la Torre Gil'],
    ['SR. D. FRANCISCO JOSÉ FARRONA NAVAS.', 'Francisco José Farrona Navas'],
  ])('%s → %s', (text, name) => {
    expect(readPersonName(text)).toBe(name);
  });

  it.each([
    ['APERTURA DE LA SESIÓN'],
    ['Recinto del Concejo Municipal'],
    ['Salón de Plenos de la Casa Consistorial'],
    ['En San Martín de la Vega'],
    ['VERSIÓN TAQUIGRÁFICA'],
    ['Presidente Municipal Juan Pérez'],
    ['Ruiz'],
    ['Expediente 123 de 2024'],
  ])('%s is not a name', (text) => {
    expect(readPersonName(text)).toBeUndefined();
  });
});

describe('readNameList', () => {
  it.each([
    ['Gómez, Laura; Ríos, Martín; Acosta, Julieta.', ['Laura Gómez', 'Martín Ríos', 'Julieta Acosta']],
    [
      'Ana Luisa Ramírez Ramírez, Omar Antonio Borboa Becerra e Iván Chávez Gómez',
      ['Ana Luisa Ramírez Ramírez', 'Omar Antonio Borboa Becerra', 'Iván Chávez Gómez'],
    ],
    [
      'Pedro Muñoz Leiva, Paula Castro Vera y Alejandro Kohler Vargas',
      ['Pedro Muñoz Leiva', 'Paula Castro Vera', 'Alejandro Kohler Vargas'],
    ],
    ['C. Presidente Municipal Juan Pérez; Regidores', []],
    ['Ana Castro, Pablo Dutra, quienes firman la presente', ['Ana Castro', 'Pablo Dutra']],
    ['los vecinos del barrio', []],
  ])('%s → %j', (text, names) => {
    expect(readNameList(text)).toEqual(names);
  });
});
