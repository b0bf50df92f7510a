import { describe, expect, it } from 'vitest';
import { announcesResolution, classifyParagraph, isAttendanceLine, isPlainNameList } from './classify-paragraph';

describe('classifyParagraph', () => {
  it.each([
    ['ASISTENTES:', 'attendance'],
    ['Concejales presentes:', 'attendance'],
    ['Excusan su asistencia: D. Pedro Gómez Díaz (PP)', 'attendance'],
    ['Alcalde-Presidente: D. Juan Pérez García', 'attendance'],
    ['SECRETARIO: D. Luis Gil Moreno', 'attendance'],
    ['D. Antonio Ruiz Sánchez (PSOE)', 'attendance'],
    ['Concejales: Juan Pérez García, María López Ruiz y Ana Gil', 'attendance'],
    ['ORDEN DEL DÍA', 'agenda'],
    ['TABLA', 'agenda'],
    ['SUMARIO', 'agenda'],
    ['AGENDA', 'agenda'],
    ['Temario:', 'agenda'],
    ['ORDE DO DÍA / ORDEN DEL DÍA', 'agenda'],
    ['ORDRE DEL DIA', 'agenda'],
    ['Se aprueban sin observaciones.', 'vote'],
    ['La Secretaria General procede a llamar a lista y verifica que existe quórum.', 'procedural'],
    ['El Secretario pasó lista y se declaró quórum legal.', 'procedural'],
    ['Orden del día:', 'agenda'],
    ['para tratar los asuntos del siguiente orden del día:', 'agenda'],
    ['EL ALCALDE', 'signature'],
    ['Vº Bº EL ALCALDE,', 'signature'],
    ['Fdo.: Juan Pérez García', 'signature'],
    ['DILIGENCIA: Para hacer constar que la presente acta ha sido aprobada.', 'signature'],
    ['Documento firmado electrónicamente', 'signature'],
    ['Código Seguro de Verificación: ABC123', 'signature'],
    ['EL ALCALDE, EL SECRETARIO,', 'signature'],
    ['Contra el presente acuerdo, que pone fin a la vía administrativa, podrá interponerse recurso.', 'boilerplate'],
    ['Abierta la sesión por la Presidencia, se pasa a tratar los asuntos del orden del día.', 'opening'],
    ['El Sr. Alcalde declara abierta la sesión.', 'opening'],
    ['Y no habiendo más asuntos que tratar, se levanta la sesión a las 21:30 horas.', 'closing'],
    ['Siendo las veintiuna horas, la Presidencia da por finalizada la sesión.', 'closing'],
    ['Se ausenta de la sesión el Sr. Castro Prieto.', 'procedural'],
    ['Se suspende la sesión durante diez minutos.', 'procedural'],
    ['Los miembros del Pleno quedan enterados.', 'procedural'],
    ['Sometido el asunto a votación, queda aprobado por unanimidad.', 'vote'],
    ['Votos a favor: 7. Votos en contra: 4. Abstenciones: 0.', 'vote'],
    ['El Pleno, por mayoría absoluta, ACUERDA:', 'vote'],
    ['Sometida la moción a votación, queda rechazada.', 'vote'],
  ])('%s → %s', (text, cue) => {
    expect(classifyParagraph(text)).toBe(cue);
  });

  it.each([
    ['El presupuesto crece un tres por ciento.'],
    ['Visto el expediente de referencia.'],
    ['El Sr. Ruiz manifiesta que su grupo votará a favor.'],
    ['Alcalde: Buenas tardes a todos.'],
    [''],
  ])('%j has no cue', (text) => {
    expect(classifyParagraph(text)).toBeUndefined();
  });
});

describe('isAttendanceLine', () => {
  it.each([
    ['Concejales presentes:', true],
    ['Presidente: D. Juan Pérez', true],
    ['D. Juan Pérez García y Dña. Ana Gil', true],
    ['Presidente: se abre la sesión', false],
    ['El Sr. Alcalde saluda a los asistentes.', false],
  ])('%s → %s', (text, expected) => {
    expect(isAttendanceLine(text)).toBe(expected);
  });
});

describe('isPlainNameList', () => {
  it.each([
    ['Juan Pérez García, María López Ruiz (PSOE) y Ana Gil', true],
    ['Juan de la Torre', true],
    ['Se da lectura', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isPlainNameList(text)).toBe(expected);
  });
});

describe('announcesResolution', () => {
  it.each([
    ['Sometido a votación, el Pleno, por unanimidad, ACUERDA:', true],
    ['Se propone al Pleno la adopción de los siguientes acuerdos:', true],
    ['La Alcaldía propone al Pleno:', true],
    ['El Sr. Ruiz manifiesta:', false],
    ['Queda aprobado por unanimidad.', false],
  ])('%s → %s', (text, expected) => {
    expect(announcesResolution(text)).toBe(expected);
  });
});
