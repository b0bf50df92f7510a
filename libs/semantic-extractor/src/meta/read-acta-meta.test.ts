import { describe, expect, it } from 'vitest';
import { findMunicipality, findSessionType, readActaMeta } from './read-acta-meta';

describe('findMunicipality', () => {
  it.each([
    ['ACTA DEL AYUNTAMIENTO PLENO DE VILLANUEVA DEL RÍO EL DÍA 25', 'Villanueva del Río'],
    ['Sesión del Ayuntamiento de Alcalá de Henares, celebrada el día', 'Alcalá de Henares'],
    ['EXCMO. AYUNTAMIENTO DE EL ESPINAR', 'El Espinar'],
    ['Pleno del Ayuntamiento de San Martín de la Vega en sesión ordinaria', 'San Martín de la Vega'],
    ['En la Casa Consistorial de Castrillo de Duero, siendo las doce horas', 'Castrillo de Duero'],
    ['Ajuntament de Sant Joan d’Alacant', 'Sant Joan d’Alacant'],
    ['HONORABLE CONCEJO DELIBERANTE DE BAHÍA BLANCA', 'Bahía Blanca'],
    ['CONCEJO MUNICIPAL DE PASTO', 'Pasto'],
    ['H. AYUNTAMIENTO CONSTITUCIONAL DE ZAPOPAN, JALISCO', 'Zapopan'],
    ['ILUSTRE MUNICIPALIDAD DE VALDIVIA', 'Valdivia'],
    ['MUNICIPALIDAD PROVINCIAL DE CAJAMARCA', 'Cajamarca'],
    ['JUNTA DEPARTAMENTAL DE MALDONADO', 'Maldonado'],
    ['Intendencia de Montevideo', 'Montevideo'],
    ['CONCELLO DE LUGO', 'Lugo'],
  ])('%s → %s', (text, name) => {
    expect(findMunicipality(text)).toBe(name);
  });

  it('is undefined when no council is named', () => {
    expect(findMunicipality('Acta de la sesión de la Junta de Gobierno')).toBeUndefined();
  });
});

describe('findSessionType', () => {
  it.each([
    ['SESIÓN ORDINARIA DEL PLENO', 'ordinaria'],
    ['sesión extraordinaria celebrada', 'extraordinaria'],
    ['sesión extraordinaria y urgente', 'urgente'],
    ['Sesión extraordinaria de carácter urgente', 'urgente'],
    ['sesión constitutiva', 'constitutiva'],
    ['Pleno ordinario de marzo', 'ordinaria'],
  ])('%s → %s', (text, type) => {
    expect(findSessionType(text)).toBe(type);
  });
});

describe('readActaMeta', () => {
  it('reads the title first and then the preamble', () => {
    expect(
      readActaMeta('ACTA DE LA SESIÓN ORDINARIA', [
        'ASISTENTES:',
        'En Castrillo de Duero, siendo las doce horas del día catorce de febrero de dos mil veinticuatro, en la Casa Consistorial de Castrillo de Duero.',
      ]),
    ).toEqual({
      title: 'ACTA DE LA SESIÓN ORDINARIA',
      date: '2024-02-14',
      municipality: 'Castrillo de Duero',
      sessionType: 'ordinaria',
    });
  });

  it('leaves out what it cannot find', () => {
    expect(readActaMeta('Notas varias', ['Texto sin datos.'])).toEqual({ title: 'Notas varias' });
  });
});
