import { describe, expect, it } from 'vitest';
import { findSpeakerReferences, titleCase } from './find-speaker';

describe('findSpeakerReferences', () => {
  it.each([
    [
      'El Sr. Ruiz Sánchez, Portavoz del Grupo Municipal Socialista, manifiesta:',
      'Sr. Ruiz Sánchez',
      'Portavoz del Grupo Municipal Socialista',
    ],
    [
      'Interviene la Sra. García de la Torre, Concejala de Hacienda, para explicar',
      'Sra. García de la Torre',
      'Concejala de Hacienda',
    ],
    ['Toma la palabra D. José María Fernández-Pacheco, quien señala', 'D. José María Fernández-Pacheco', undefined],
    ['Dña. Mª José López interviene', 'Dña. Mª José López', undefined],
    ['Doña Ana Gil pregunta', 'Dña. Ana Gil', undefined],
    ['SRA. NAVARRO ORTIZ (PSOE): Gracias.', 'Sra. Navarro Ortiz', 'PSOE'],
    ['EL SR. RUIZ SÁNCHEZ MANIFIESTA:', 'Sr. Ruiz Sánchez', undefined],
    ['SR. ALCALDE: Buenas tardes.', 'Alcalde', 'Alcalde'],
    ['La Sra. Alcaldesa-Presidenta abre la sesión', 'Alcaldesa', 'Alcaldesa-Presidenta'],
    ['Por el Sr. Secretario se da lectura', 'Secretario', 'Secretario'],
    ['Por Secretaría se da cuenta', 'Secretaría', 'Secretaría'],
    [
      'El Sr. Alcalde-Presidente, D. Juan Pérez García, declara abierta la sesión.',
      'D. Juan Pérez García',
      'Alcalde-Presidente',
    ],
    [
      'el Portavoz del Grupo Municipal Popular, Sr. García, manifiesta',
      'Sr. García',
      'Portavoz del Grupo Municipal Popular',
    ],
    ['El Sr. Concejal Delegado de Hacienda, D. Luis Gil, expone:', 'D. Luis Gil', 'Concejal Delegado de Hacienda'],
    ['la Concejala de Hacienda manifiesta', 'Concejala de Hacienda', 'Concejala de Hacienda'],
    ['El Sr. Ruiz, del Grupo Municipal Socialista, pregunta', 'Sr. Ruiz', 'Grupo Municipal Socialista'],
    ['El Sr. Ruiz, en representación del Grupo Socialista, pregunta', 'Sr. Ruiz', 'Grupo Socialista'],
    ['Ilmo. Sr. D. Juan Pérez', 'D. Juan Pérez', undefined],
    // Latin-American titles, offices and stenographic labels.
    [
      'Interviene el doctor Carlos Andrés Muñoz, Secretario de Hacienda Municipal:',
      'Dr. Carlos Andrés Muñoz',
      'Secretario de Hacienda Municipal',
    ],
    ['La Ing. María Gil, Directora de Obras Públicas, expone', 'Ing. María Gil', 'Directora de Obras Públicas'],
    ['el Lic. Pedro Soto explica', 'Lic. Pedro Soto', undefined],
    ['C. Presidente Municipal: Gracias, regidor.', 'Presidente Municipal', 'Presidente Municipal'],
    ['C. Presidente Municipal Juan José Frangie Saade; Síndico', 'Juan José Frangie Saade', 'Presidente Municipal'],
    ['Síndico Municipal Manuel Rodrigo Escoto Leal;', 'Manuel Rodrigo Escoto Leal', 'Síndico Municipal'],
    ['Sr. Presidente (Fernández).- Tiene la palabra', 'Sr. Fernández', 'Presidente'],
    ['SEÑORA PRESIDENTA (Gómez).- Gracias.', 'Sra. Gómez', 'Presidenta'],
    ['Sr. Presidente (PSOE): Gracias.', 'Presidente', 'Presidente'],
    ['SEÑORA EDILA CASTRO.- Gracias.', 'Sra. Castro', 'Edila'],
    ['Regidora Huamán: Yo discrepo.', 'Sra. Huamán', 'Regidora'],
    ['SEÑOR ALCALDE: Se somete a votación.', 'Alcalde', 'Alcalde'],
    ['H.C. JUAN CARLOS PÉREZ GÓMEZ - Presidente', 'H.C. Juan Carlos Pérez Gómez', 'Presidente'],
    ['El Intendente Municipal informa', 'Intendente Municipal', 'Intendente Municipal'],
    // A sentence ends the name; the next person of a list is not a role.
    ['Preside el Alcalde Sr. Roberto Neira Aburto. Asisten los concejales', 'Sr. Roberto Neira Aburto', 'Alcalde'],
    [
      'el Presidente Municipal Pablo Lemus Navarro, la Síndica Municipal Karina Hermosillo Ramírez y los regidores',
      'Pablo Lemus Navarro',
      'Presidente Municipal',
    ],
  ])('%s → %s (%s)', (text, speaker, role) => {
    const [first] = findSpeakerReferences(text);
    expect(first?.speaker).toBe(speaker);
    expect(first?.role).toBe(role);
  });

  it('finds every reference in order, with offsets', () => {
    const text = 'La Sra. Alcaldesa concede la palabra a Dña. Ana Gil.';
    const references = findSpeakerReferences(text);
    expect(references.map((reference) => reference.speaker)).toEqual(['Alcaldesa', 'Dña. Ana Gil']);
    expect(text.slice(references[1]?.start, references[1]?.end)).toBe('Dña. Ana Gil');
  });

  it.each([
    ['El presupuesto crece un tres por ciento.'],
    ['Los vecinos de la calle Mayor.'],
    [''],
    ['HONORABLE CONCEJO DELIBERANTE DE BAHÍA BLANCA'],
    ['Juan C. Pérez votó a favor.'],
  ])('%j names nobody', (text) => {
    expect(findSpeakerReferences(text)).toEqual([]);
  });
});

describe('titleCase', () => {
  it.each([
    ['RUIZ DE LA TORRE', 'Ruiz de la Torre'],
    ['FERNÁNDEZ-PACHECO', 'Fernández-Pacheco'],
    ['García López', 'García López'],
    ['de Miguel', 'de Miguel'],
  ])('%s → %s', (text, expected) => {
    expect(titleCase(text)).toBe(expected);
  });
});
