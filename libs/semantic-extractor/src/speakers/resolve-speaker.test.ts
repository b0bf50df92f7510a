import { describe, expect, it } from 'vitest';
import { readAttendance } from './read-attendance';
import { resolveSpeaker } from './resolve-speaker';

const spain = readAttendance([
  'SEÑORES ASISTENTES:',
  'ALCALDE-PRESIDENTE:',
  'SR. D. FRANCISCO JOSÉ FARRONA NAVAS.',
  'CONCEJALES:',
  'DÑA. MARÍA EUGENIA CORBACHO GUERRERO',
  'DÑA. LEONOR CORBACHO TEJADA',
  'SECRETARIA INTERVENTORA:',
  'Dª PURIFICACIÓN CONTRERAS BUENO',
]);
spain.find((person) => person.name === 'Leonor Corbacho Tejada')?.roles.push('Portavoz del Grupo Municipal PP');

const colombia = readAttendance([
  'Presidente del Concejo: H.C. Luis Alberto Gómez Rada',
  'Concejales asistentes: H.C. Marta Lucía Ríos Peña, H.C. Jorge Iván Salas Mejía',
  'Secretario General: Dr. Pablo Ortiz',
]);

const bahia = readAttendance([
  'PRESIDENCIA: Sr. Pablo Fernández',
  'CONCEJALES PRESENTES: Gómez, Laura; Ríos, Martín; Acosta, Julieta; Paz, Roberto.',
]);
const zapopan = readAttendance([
  'En la ciudad de Zapopan, Jalisco, siendo las 11:00 horas del día 15 de mayo de 2024, se reunieron en el salón de cabildo los ciudadanos integrantes del Ayuntamiento: C. Presidente Municipal Juan José Frangie Saade; Síndico Municipal Manuel Rodrigo Escoto Leal; Regidores: Ana Luisa Ramírez Ramírez, Omar Antonio Borboa Becerra, Iván Ricardo Chávez Gómez.',
]);
const valdivia = readAttendance([
  'En Valdivia, a 7 de marzo de 2024, se da inicio a la sesión, presidida por la Alcaldesa Sra. Carla Amtmann Fecci, con la asistencia de los concejales Sres. Pedro Muñoz Leiva, Paula Castro Vera y Alejandro Kohler Vargas.',
]);
const pasto = readAttendance([
  'ASISTENTES:',
  'H.C. JUAN CARLOS PÉREZ GÓMEZ - Presidente',
  'H.C. MARÍA FERNANDA LÓPEZ RUIZ',
  'SECRETARIA GENERAL: SANDRA PATRICIA ROJAS',
  'Lugar: Recinto del Concejo Municipal',
]);
/** A table row as the minutes model passes it: "office: names", whichever cell came first. */
const cajamarca = readAttendance(['Alcalde: Víctor Hugo Rivera Chávez', 'Regidora: Rosa Elena Huamán Ccori']);

describe('readAttendance in the shapes Latin-American minutes use', () => {
  it.each([
    [
      'inverted names after a label',
      bahia,
      ['Pablo Fernández', 'Laura Gómez', 'Martín Ríos', 'Julieta Acosta', 'Roberto Paz'],
    ],
    [
      'offices before bare names and a labelled list in a preamble sentence',
      zapopan,
      [
        'Juan José Frangie Saade',
        'Manuel Rodrigo Escoto Leal',
        'Ana Luisa Ramírez Ramírez',
        'Omar Antonio Borboa Becerra',
        'Iván Ricardo Chávez Gómez',
      ],
    ],
    [
      'names after a plural honorific',
      valdivia,
      ['Carla Amtmann Fecci', 'Pedro Muñoz Leiva', 'Paula Castro Vera', 'Alejandro Kohler Vargas'],
    ],
    [
      'names in capitals without honorific, not the place',
      pasto,
      ['Juan Carlos Pérez Gómez', 'María Fernanda López Ruiz', 'Sandra Patricia Rojas'],
    ],
  ])('%s', (_, people, names) => {
    expect(people.map((person) => person.name)).toEqual(names);
  });

  it.each([
    ['Sr. Fernández', undefined, bahia, 'Pablo Fernández'],
    ['Presidente', 'Presidente', bahia, 'Pablo Fernández'],
    ['Sra. Gómez', undefined, bahia, 'Laura Gómez'],
    ['Presidente Municipal', 'Presidente Municipal', zapopan, 'Juan José Frangie Saade'],
    ['Síndico Municipal', 'Síndico Municipal', zapopan, 'Manuel Rodrigo Escoto Leal'],
    ['Sr. Pedro Muñoz', undefined, valdivia, 'Pedro Muñoz Leiva'],
    ['Alcaldesa', 'Alcaldesa', valdivia, 'Carla Amtmann Fecci'],
    ['Presidente', 'Presidente', pasto, 'Juan Carlos Pérez Gómez'],
    ['Secretaria General', 'Secretaria General', pasto, 'Sandra Patricia Rojas'],
    ['Secretario de Hacienda', 'Secretario de Hacienda', pasto, 'Secretario de Hacienda'],
    ['Alcalde', 'Alcalde', cajamarca, 'Víctor Hugo Rivera Chávez'],
    ['Presidente', 'Presidente', readAttendance(['Preside el señor edil Diego Olivera.']), 'Diego Olivera'],
    ['Presidencia', 'Presidencia', valdivia, 'Carla Amtmann Fecci'],
    ['Sra. Huamán', 'Regidora', cajamarca, 'Rosa Elena Huamán Ccori'],
  ])('%s (%s) → %s', (speaker, role, people, expected) => {
    expect(resolveSpeaker(speaker, role, people)).toBe(expected);
  });
});

describe('readAttendance and resolveSpeaker: one person, one name', () => {
  it.each([
    ['Sr. Farrona Navas', undefined, 'Francisco José Farrona Navas'],
    ['Alcalde', 'Alcalde-Presidente', 'Francisco José Farrona Navas'],
    ['Presidencia', undefined, 'Francisco José Farrona Navas'],
    ['Dña. Leonor Corbacho', undefined, 'Leonor Corbacho Tejada'],
    ['Dña. Leonor Corbacho Tejada', undefined, 'Leonor Corbacho Tejada'],
    ['Portavoz del Grupo Popular', 'Portavoz del Grupo Popular', 'Leonor Corbacho Tejada'],
    ['Secretaría', 'Secretaría', 'Purificación Contreras Bueno'],
    ['Sra. Corbacho', undefined, 'Sra. Corbacho'],
    ['Sr. Desconocido Pérez', undefined, 'Sr. Desconocido Pérez'],
  ])('%s (%s) → %s', (speaker, role, expected) => {
    expect(resolveSpeaker(speaker, role, spain)).toBe(expected);
  });

  it.each([
    ['H.C. Marta Ríos', undefined, 'Marta Lucía Ríos Peña'],
    ['Presidente del Concejo', 'Presidente del Concejo', 'Luis Alberto Gómez Rada'],
    ['Jorge Iván Salas Mejía', 'Concejal', 'Jorge Iván Salas Mejía'],
  ])('Latin-American minutes: %s → %s', (speaker, role, expected) => {
    expect(resolveSpeaker(speaker, role, colombia)).toBe(expected);
  });
});
