import { describe, expect, it } from 'vitest';
import { b, p } from '../../test/helpers/blocks';
import { buildActa } from './build-acta';

const view = (blocks: Parameters<typeof buildActa>[0]) =>
  buildActa(blocks).fragments.map(({ itemIndex, kind, speaker, verbatim, text }) => ({
    itemIndex,
    kind,
    verbatim,
    text,
    ...(speaker ? { speaker } : {}),
  }));

const SPANISH_PREAMBLE = [
  b('ACTA DE LA SESIÓN ORDINARIA DEL PLENO DEL AYUNTAMIENTO DE VILLANUEVA'),
  b('ALCALDE-PRESIDENTE:'),
  b('SR. D. JUAN PÉREZ GARCÍA.'),
  b('CONCEJALES:'),
  b('DÑA. LEONOR CORBACHO TEJADA'),
  b('D. ANTONIO RUIZ SÁNCHEZ'),
  b('SECRETARIA INTERVENTORA:'),
  b('Dª ANA GIL MORENO'),
  b('ORDEN DEL DÍA'),
];

describe('agenda items in the forms real actas use', () => {
  it.each([
    [
      'ASUNTO I.- / ASUNTO III- (no dot) with resolution points inside',
      ['ASUNTO I.- APROBACIÓN DEL ACTA.', 'ASUNTO II- MOCIÓN SOBRE VIVIENDA.', 'ASUNTO III- RUEGOS Y PREGUNTAS.'],
    ],
    [
      'PUNTO 3º.-',
      ['PUNTO 1º.- APROBACIÓN DEL ACTA.', 'PUNTO 2º.- MOCIÓN SOBRE VIVIENDA.', 'PUNTO 3º.- RUEGOS Y PREGUNTAS.'],
    ],
    ['3.-', ['1.- APROBACIÓN DEL ACTA.', '2.- MOCIÓN SOBRE VIVIENDA.', '3.- RUEGOS Y PREGUNTAS.']],
    [
      'PRIMERO.- as the item level',
      ['PRIMERO.- APROBACIÓN DEL ACTA.', 'SEGUNDO.- MOCIÓN SOBRE VIVIENDA.', 'TERCERO.- RUEGOS Y PREGUNTAS.'],
    ],
    [
      'lower-case roman after "Asunto"',
      ['Asunto i.- Aprobación del acta.', 'Asunto ii.- Moción sobre vivienda.', 'Asunto iii.- Ruegos y preguntas.'],
    ],
  ])('%s', (_, headings) => {
    const acta = buildActa([
      ...SPANISH_PREAMBLE,
      b(headings[0] ?? ''),
      p('Sometido el asunto a votación, el Pleno ACUERDA:'),
      p('PRIMERO.- Aprobar el acta.'),
      p('SEGUNDO.- Dar traslado del acuerdo.'),
      b(headings[1] ?? ''),
      p('Se explica por el Sr. Alcalde que la moción es necesaria.'),
      p('TERCERO.- Notificar a los interesados.'),
      b(headings[2] ?? ''),
      p('No se formulan.'),
    ]);
    expect(acta.items.map((item) => item.index)).toEqual([1, 2, 3]);
    expect(acta.items.map((item) => item.title.toLowerCase())).toEqual([
      'aprobación del acta',
      'moción sobre vivienda',
      'ruegos y preguntas',
    ]);
  });

  it('takes a numbering slip of the item family as the next item (… XI, then VI again)', () => {
    const acta = buildActa([
      ...SPANISH_PREAMBLE,
      b('ASUNTO I.- APROBACIÓN DEL ACTA.'),
      p('Queda aprobada por unanimidad.'),
      b('ASUNTO II.- ASUNTOS URGENTES.'),
      p('No hay.'),
      b('ASUNTO I.- CONTROL DE ÓRGANOS DE GOBIERNO.'),
      p('1ª) ¿Cuándo se arregla el camino?'),
      p('2ª) ¿Y la piscina?'),
    ]);
    expect(acta.items).toEqual([
      { index: 1, title: 'APROBACIÓN DEL ACTA' },
      { index: 2, title: 'ASUNTOS URGENTES' },
      { index: 3, title: 'CONTROL DE ÓRGANOS DE GOBIERNO' },
    ]);
  });
});

describe('speakers in the formulas real actas use, one canonical name each', () => {
  it.each([
    ['Se explica por el Sr. Alcalde que la obra terminará en mayo.', 'Juan Pérez García'],
    ['Se informa por el Sr. Alcalde-Presidente que la obra terminará en mayo.', 'Juan Pérez García'],
    ['Se responde por el Sr. Alcalde que no hay fecha.', 'Juan Pérez García'],
    [
      'Interviene Dª Leonor Corbacho, Portavoz del Grupo Municipal PP, indicando que no están de acuerdo.',
      'Leonor Corbacho Tejada',
    ],
    ['A continuación el Sr. Alcalde da respuesta, indicando que se estudiará.', 'Juan Pérez García'],
    ['Tomando la palabra el Sr. Alcalde-Presidente, informa que se ha pedido la subvención.', 'Juan Pérez García'],
    ['Toma la palabra DÑA. LEONOR CORBACHO TEJADA para pedir la votación por puntos.', 'Leonor Corbacho Tejada'],
    ['El Sr. Ruiz manifiesta que su grupo se abstendrá en la votación de la moción.', 'Antonio Ruiz Sánchez'],
  ])('%s → %s', (text, speaker) => {
    const fragments = view([...SPANISH_PREAMBLE, b('ASUNTO I.- MOCIÓN.'), p(text)]);
    expect(fragments.at(-1)).toMatchObject({ itemIndex: 1, kind: 'intervention', speaker, verbatim: false });
  });

  it('"Respuesta del Sr. Alcalde:" gives the answers that follow to the mayor, reported ones not verbatim', () => {
    const fragments = view([
      ...SPANISH_PREAMBLE,
      b('ASUNTO I.- RUEGOS Y PREGUNTAS.'),
      p('Se realizan las siguientes preguntas por la Sra. Portavoz, Dª Leonor Corbacho Tejada;'),
      p('Se copia literalmente.'),
      p('1ª) ¿Cuándo se arregla el camino de la depuradora?'),
      b('Respuesta del Sr. Alcalde Presidente:'),
      p('1ª) Que, la semana que viene.'),
    ]);
    expect(fragments.slice(-4)).toEqual([
      expect.objectContaining({ kind: 'other', speaker: 'Leonor Corbacho Tejada' }),
      expect.objectContaining({ kind: 'intervention', speaker: 'Leonor Corbacho Tejada', verbatim: true }),
      expect.objectContaining({ kind: 'other', speaker: 'Juan Pérez García' }),
      expect.objectContaining({ kind: 'intervention', speaker: 'Juan Pérez García', verbatim: false }),
    ]);
  });
});

describe('verbatim means said aloud, word for word', () => {
  it.each([
    [
      'a technical report (INFORMO:)',
      [
        p('Visto el informe del técnico municipal:'),
        p('INFORMO: Que la parcela cumple la normativa.'),
        p('Que no hay objeciones.'),
      ],
    ],
    [
      'a report quoted after "se da cuenta del informe…:"',
      [
        p('Por el Sr. Alcalde se da cuenta del informe de Intervención:'),
        p('«El presupuesto cumple la regla de gasto y la estabilidad.»'),
      ],
    ],
    [
      'a quotation opened by a document title',
      [p('“INFORME DE CONTROL INTERNO'), p('El control se ejerce de forma permanente.”')],
    ],
    [
      'a list of citizens with their DNI',
      [p('Presidente titular: D. Pedro López Ruiz, DNI ***4567**'), p('Vocal 1º: Dña. Marta Gil Sanz, DNI 12345678Z')],
    ],
  ])('%s is never verbatim speech', (_, blocks) => {
    const fragments = view([...SPANISH_PREAMBLE, b('ASUNTO I.- DICTAMEN.'), ...blocks]);
    const body = fragments.filter((fragment) => fragment.itemIndex === 1 && fragment.kind !== 'heading');
    expect(body.length).toBeGreaterThan(0);
    expect(body.filter((fragment) => fragment.verbatim)).toEqual([]);
    expect(body.filter((fragment) => /4567|12345678Z/.test(fragment.text) && fragment.kind !== 'other')).toEqual([]);
  });

  it.each([
    ['after a colon', 'El Sr. Ruiz manifiesta: «Votaremos en contra de esta moción.»'],
    ['after a comma', 'El Sr. Ruiz manifiesta, «votaremos en contra de esta moción».'],
  ])('quoted speech %s is verbatim', (_, text) => {
    const fragments = view([...SPANISH_PREAMBLE, b('ASUNTO I.- MOCIÓN.'), p(text)]);
    expect(fragments.at(-1)).toMatchObject({ kind: 'intervention', verbatim: true, speaker: 'Antonio Ruiz Sánchez' });
  });

  it('a text read aloud ("da lectura a la siguiente declaración:") is verbatim, even with "por unanimidad" in it', () => {
    const fragments = view([
      ...SPANISH_PREAMBLE,
      b('ASUNTO I.- DECLARACIÓN INSTITUCIONAL.'),
      p('Interviene el Sr. Alcalde dando lectura de la siguiente Declaración:'),
      p('Reunido el Pleno, se adopta por unanimidad la siguiente declaración institucional.'),
      p('El Ayuntamiento expresa su condolencia a las familias.'),
    ]);
    expect(fragments.slice(-2)).toEqual([
      expect.objectContaining({ kind: 'reading', verbatim: true, speaker: 'Juan Pérez García' }),
      expect.objectContaining({ kind: 'reading', verbatim: true, speaker: 'Juan Pérez García' }),
    ]);
  });
});

describe('Latin-American concejo minutes', () => {
  it('H.C., Concejal and Presidente del Concejo resolve to the names of the attendance list', () => {
    const acta = buildActa([
      b('ACTA DE LA SESIÓN ORDINARIA DEL CONCEJO MUNICIPAL'),
      p('Presidente del Concejo: H.C. Luis Alberto Gómez Rada'),
      p('Concejales asistentes: H.C. Marta Lucía Ríos Peña, H.C. Jorge Iván Salas Mejía'),
      b('ORDEN DEL DÍA'),
      b('1. LLAMADO A LISTA Y VERIFICACIÓN DEL QUÓRUM.'),
      p('La Secretaría verifica el quórum.'),
      b('2. PROPOSICIONES Y VARIOS.'),
      p('Toma la palabra el Presidente del Concejo, quien manifiesta que la sesión es pública.'),
      p('Interviene la Honorable Concejala Marta Ríos para pedir información sobre el alumbrado.'),
      p('El Concejal Jorge Iván Salas Mejía dice: «Apoyamos la proposición.»'),
    ]);
    expect(acta.items.map((item) => item.index)).toEqual([1, 2]);
    expect(
      acta.fragments.filter((fragment) => fragment.kind === 'intervention').map((f) => [f.speaker, f.verbatim]),
    ).toEqual([
      ['Luis Alberto Gómez Rada', false],
      ['Marta Lucía Ríos Peña', false],
      ['Jorge Iván Salas Mejía', true],
    ]);
  });
});

describe('versiones taquigráficas', () => {
  const STENOGRAPHIC = [
    b('VERSIÓN TAQUIGRÁFICA'),
    p('PRESIDENCIA: Sr. Pablo Fernández'),
    p('CONCEJALES PRESENTES: Gómez, Laura; Ríos, Martín.'),
    b('1'),
    b('EXPEDIENTE 12-HCD-2024. ORDENANZA DE ARBOLADO'),
    p('Sra. Gómez.- Este proyecto repone los árboles que extrae cada obra pública.'),
  ];

  it.each([
    ['-Se vota y resulta aprobado por unanimidad.', 'vote'],
    ['-Así se hace.', 'procedural'],
    ['—Ocupa la Presidencia el concejal Ríos.', 'procedural'],
    ['(Se retira el concejal Paz)', 'procedural'],
  ])('the note %s is never speech, nor is the paragraph after it', (text, kind) => {
    const fragments = view([...STENOGRAPHIC, p(text), p('Y luego se pasó al punto siguiente sin más.')]);
    expect(fragments.slice(-2)).toEqual([
      expect.objectContaining({ itemIndex: 1, kind, verbatim: false }),
      expect.objectContaining({ itemIndex: 1, kind: 'other', verbatim: false }),
    ]);
    expect(fragments.slice(-2).filter((fragment) => 'speaker' in fragment)).toEqual([]);
  });

  it('the speech goes on after the room applauds', () => {
    const fragments = view([...STENOGRAPHIC, p('(Aplausos)'), p('Como decía, perdimos tres mil ejemplares.')]);
    expect(fragments.at(-1)).toMatchObject({ kind: 'intervention', verbatim: true, speaker: 'Laura Gómez' });
  });

  it('a number alone with a bold title is the item heading', () => {
    const acta = buildActa([...STENOGRAPHIC, b('2'), b('ASUNTOS VARIOS'), p('Sr. Ríos.- Pido la palabra.')]);
    expect(acta.items).toEqual([
      { index: 1, title: 'EXPEDIENTE 12-HCD-2024. ORDENANZA DE ARBOLADO' },
      { index: 2, title: 'ASUNTOS VARIOS' },
    ]);
    expect(acta.fragments.at(-1)).toMatchObject({ itemIndex: 2, speaker: 'Martín Ríos', verbatim: true });
  });

  it("a bold heading ends the speaker's turn: what follows is not their speech", () => {
    const fragments = view([...STENOGRAPHIC, b('MOCIÓN DE LOS VECINOS DEL SUR'), p('Leída la moción, se vota.')]);
    expect(fragments.slice(-2)).toEqual([
      { itemIndex: 1, kind: 'heading', verbatim: false, text: 'MOCIÓN DE LOS VECINOS DEL SUR' },
      expect.objectContaining({ itemIndex: 1, verbatim: false }),
    ]);
    expect(fragments.at(-1)).not.toHaveProperty('speaker');
  });

  it('"Sr. Presidente (Fernández).-" is the person in the chair, by the surname in parentheses', () => {
    const fragments = view([...STENOGRAPHIC, p('Sr. Presidente (Fernández).- Tiene la palabra el concejal Ríos.')]);
    expect(fragments.at(-1)).toMatchObject({ kind: 'intervention', verbatim: true, speaker: 'Pablo Fernández' });
  });
});
