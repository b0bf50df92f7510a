import { describe, expect, it } from 'vitest';
import { cleanWrittenLabel } from './clean-written-label';

describe('cleanWrittenLabel', () => {
  it.each<[string, string]>([
    ['«Muchas gracias,   señor alcalde.»', 'Muchas gracias, señor alcalde.'],
    ['— Buenas tardes.\nEmpezamos.', 'Buenas tardes. Empezamos.'],
    ['“El importe es de 25.000 €.”', 'El importe es de 25.000 €.'],
  ])('%j → %j', (written, label) => {
    expect(cleanWrittenLabel(written)).toBe(label);
  });
});
