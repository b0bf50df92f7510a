import { describe, expect, it } from 'vitest';
import { canonicalHonorific, genderOfHonorific, splitHonorific } from './honorifics';

describe('canonicalHonorific', () => {
  it.each([
    ['SRA.', 'Sra.'],
    ['Señor', 'Sr.'],
    ['DOÑA', 'Dña.'],
    ['Dª', 'Dña.'],
    ['Excmo. Sr. D.', 'D.'],
    ['doctor', 'Dr.'],
    ['Dra.', 'Dra.'],
    ['ingeniera', 'Ing.'],
    ['Lic.', 'Lic.'],
    ['licenciada', 'Lic.'],
    ['Arq.', 'Arq.'],
    ['maestra', 'Mtra.'],
    ['Profa.', 'Profa.'],
    ['contador', 'Cdor.'],
    ['C.', 'C.'],
    ['H. C.', 'H.C.'],
    ['Honorable Concejala', 'H.C.'],
    ['Hon.', 'H.C.'],
    ['Sres.', 'Sres.'],
  ])('%s → %s', (written, canonical) => {
    expect(canonicalHonorific(written)).toBe(canonical);
  });
});

describe('splitHonorific and genderOfHonorific', () => {
  it.each([
    ['Sra. Gómez', 'Sra.', 'Gómez', 'f'],
    ['Dr. Carlos Andrés Muñoz', 'Dr.', 'Carlos Andrés Muñoz', 'm'],
    ['Lic. Carmen Medina', 'Lic.', 'Carmen Medina', undefined],
    ['H.C. Marta Ríos', 'H.C.', 'Marta Ríos', undefined],
    ['Alcalde', undefined, 'Alcalde', undefined],
    ['Leonor Corbacho Tejada', undefined, 'Leonor Corbacho Tejada', undefined],
  ])('%s → %s + %s (%s)', (speaker, honorific, name, gender) => {
    const split = splitHonorific(speaker);
    expect(split).toEqual({ ...(honorific ? { honorific } : {}), name });
    expect(genderOfHonorific(split.honorific)).toBe(gender);
  });
});
