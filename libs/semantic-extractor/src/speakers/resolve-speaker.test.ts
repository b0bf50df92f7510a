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
