import { describe, expect, it } from 'vitest';
import { containsPersonalData, findPersonalData } from './find-personal-data';

describe('findPersonalData', () => {
  it.each([
    ['D. Juan Pérez García, DNI ***4567**, titular', 'national_id', '***4567**'],
    ['Vocal 1º: MARÍA LÓPEZ RUIZ ***4567**', 'masked_id', '***4567**'],
    ['con DNI 12345678Z', 'national_id', '12345678Z'],
    ['NIE X1234567L', 'national_id', 'X1234567L'],
    ['provisto de D.N.I. nº 12.345.678-Z', 'national_id', '12.345.678-Z'],
    ['escribir a juan.perez@gmail.com', 'email', 'juan.perez@gmail.com'],
    ['Telf. 924366001', 'phone', '924366001'],
    ['llame al 600 123 456', 'phone', '600 123 456'],
    ['celular +57 310 555 1234', 'phone', '+57 310 555 1234'],
    ['identificado con C.C. 1.234.567.890 de Bogotá', 'national_id', '1.234.567.890'],
    ['RUT 12.345.678-5', 'national_id', '12.345.678-5'],
  ])('finds personal data in %j', (text, kind, value) => {
    expect(findPersonalData(text)).toEqual([expect.objectContaining({ kind, text: value })]);
    expect(containsPersonalData(text)).toBe(true);
  });

  it.each([
    'un presupuesto de 370.000,00 euros',
    'importe 1.253.795,65 €',
    'código CPV 45316100-6',
    'Ley 9/2017, de 8 de noviembre',
    'el expediente 1045/2023',
    'un DNI inventado 12345678A con la letra mal',
    'a las 20.10 horas del 25/04/2025',
  ])('finds none in %j', (text) => {
    expect(findPersonalData(text)).toEqual([]);
  });
});
