import { describe, expect, it } from 'vitest';
import { b, h, p, table } from '../../test/helpers/blocks';
import { buildActa } from './build-acta';
import { ActaError } from '../errors';
import type { Fragment } from '@astra/contracts';

const view = (fragments: readonly Fragment[]) =>
  fragments.map(({ kind, itemIndex, speaker, role, verbatim, text }) => ({
    kind,
    itemIndex,
    ...(speaker ? { speaker } : {}),
    ...(role ? { role } : {}),
    verbatim,
    text,
  }));

const inItem = (...body: ReturnType<typeof p>[]) => buildActa([h(2, '1.- ASUNTO ÚNICO'), ...body]).fragments.slice(1);

describe('buildActa', () => {
  it('keeps only the quoted speech as verbatim text; the formula is a non-spoken fragment with the speaker', () => {
    const fragments = inItem(
      p('El Sr. Ruiz Sánchez, Portavoz del Grupo Socialista, manifiesta: «Votaremos en contra.»'),
    );
    // Not in any attendance list: the name as written, without honorific (two words or more).
    expect(view(fragments)).toEqual([
      {
        kind: 'other',
        itemIndex: 1,
        speaker: 'Ruiz Sánchez',
        role: 'Portavoz del Grupo Socialista',
        verbatim: false,
        text: 'El Sr. Ruiz Sánchez, Portavoz del Grupo Socialista, manifiesta:',
      },
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Ruiz Sánchez',
        role: 'Portavoz del Grupo Socialista',
        verbatim: true,
        text: 'Votaremos en contra.',
      },
    ]);
  });

  it('splits two speakers quoted in one paragraph', () => {
    const fragments = inItem(
      p(
        'El Sr. Alcalde manifiesta: «Gracias a todos por venir.» A continuación, la Sra. Gil manifiesta: «No estamos de acuerdo con esto.»',
      ),
    );
    expect(view(fragments).filter((fragment) => fragment.verbatim)).toEqual([
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Alcalde',
        role: 'Alcalde',
        verbatim: true,
        text: 'Gracias a todos por venir.',
      },
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Sra. Gil',
        verbatim: true,
        text: 'No estamos de acuerdo con esto.',
      },
    ]);
  });

  it('reads reported speech after the quotation as a summary by the same speaker', () => {
    const fragments = inItem(
      p('El Sr. Ruiz manifiesta: «Votaremos en contra de la propuesta.», y añade que su grupo presentará alegaciones.'),
    );
    expect(view(fragments).slice(1)).toEqual([
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Sr. Ruiz',
        verbatim: true,
        text: 'Votaremos en contra de la propuesta.',
      },
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Sr. Ruiz',
        verbatim: false,
        text: ', y añade que su grupo presentará alegaciones.',
      },
    ]);
  });

  it('treats a word or two quoted inside reported speech as a summary', () => {
    expect(view(inItem(p('El Sr. Ruiz calificó la propuesta de «chapuza» y pidió su retirada.')))).toEqual([
      {
        kind: 'intervention',
        itemIndex: 1,
        speaker: 'Sr. Ruiz',
        verbatim: false,
        text: 'El Sr. Ruiz calificó la propuesta de chapuza y pidió su retirada.',
      },
    ]);
  });

  it('takes unquoted paragraphs after "dice literalmente:" as the speech, until a vote', () => {
    const fragments = inItem(
      p('El Sr. Alcalde dice literalmente:'),
      p('Buenas tardes, comenzamos.'),
      p('Pasamos al primer punto.'),
      p('Sometido a votación, queda aprobado por unanimidad.'),
      p('Se deja constancia del resultado.'),
    );
    expect(view(fragments).map(({ kind, speaker, verbatim }) => [kind, speaker ?? '', verbatim])).toEqual([
      ['other', 'Alcalde', false],
      ['intervention', 'Alcalde', true],
      ['intervention', 'Alcalde', true],
      ['vote', '', false],
      ['other', '', false],
    ]);
  });

  it('follows a quotation across paragraphs and closes an unclosed one when a new speaker starts', () => {
    const fragments = inItem(
      p('El Sr. Pérez manifiesta:'),
      p('«Primer párrafo de la intervención.'),
      p('»Segundo párrafo de la intervención.»'),
      p('La Sra. Gil manifiesta: «Texto que nunca se cierra.'),
      p('El Sr. Alcalde manifiesta: «Se cierra el debate aquí.»'),
    );
    expect(
      view(fragments)
        .filter((fragment) => fragment.verbatim)
        .map(({ speaker, text }) => [speaker, text]),
    ).toEqual([
      ['Sr. Pérez', 'Primer párrafo de la intervención.'],
      ['Sr. Pérez', 'Segundo párrafo de la intervención.'],
      ['Sra. Gil', 'Texto que nunca se cierra.'],
      ['Alcalde', 'Se cierra el debate aquí.'],
    ]);
  });

  it('continues a dialogue speaker over unprefixed paragraphs until a cue', () => {
    const fragments = inItem(
      p('SR. ALCALDE: Buenas tardes.'),
      p('Comenzamos con el primer punto del orden del día, que es el acta.'),
      p('SRA. GIL (PP): Una observación.'),
      p('Sometido a votación, queda aprobado por unanimidad.'),
      p('Texto narrativo sin marcas.'),
    );
    expect(
      view(fragments).map(({ kind, speaker, role, verbatim }) => [kind, speaker ?? '', role ?? '', verbatim]),
    ).toEqual([
      ['intervention', 'Alcalde', 'Alcalde', true],
      ['intervention', 'Alcalde', 'Alcalde', true],
      ['intervention', 'Sra. Gil', 'PP', true],
      ['vote', '', '', false],
      ['other', '', '', false],
    ]);
  });

  it('splits dialogue lines separated by manual line breaks inside one paragraph', () => {
    const block = p('SR. ALCALDE: Buenas tardes. SRA. GIL (PP): Buenas tardes.', {
      lines: ['SR. ALCALDE: Buenas tardes.', 'SRA. GIL (PP): Buenas tardes.'],
    });
    expect(view(inItem(block)).map(({ speaker, text }) => [speaker, text])).toEqual([
      ['Alcalde', 'Buenas tardes.'],
      ['Sra. Gil', 'Buenas tardes.'],
    ]);
  });

  it('reads a reading with its literal text and the resolution points after "ACUERDA:"', () => {
    const fragments = inItem(
      p('Por el Sr. Secretario se da lectura a la propuesta de Alcaldía, que dice literalmente:'),
      p('«Visto el expediente de contratación del servicio de limpieza.'),
      p('»Se propone su aprobación.»'),
      p('Sometida a votación, el Pleno, por unanimidad, ACUERDA:'),
      table([
        ['Grupo', 'A favor'],
        ['PSOE', '7'],
      ]),
      p('PRIMERO.- Aprobar el expediente.'),
      p('SEGUNDO.- Notificar el acuerdo.'),
    );
    expect(view(fragments).map(({ kind, speaker, verbatim }) => [kind, speaker ?? '', verbatim])).toEqual([
      ['reading', 'Secretario', false],
      ['reading', 'Secretario', true],
      ['reading', 'Secretario', true],
      ['vote', '', false],
      ['other', '', false],
      ['reading', '', false],
      ['reading', '', false],
    ]);
  });

  it('marks the preamble: title heading, attendance (lines, lists, tables) and agenda list, item 0', () => {
    const acta = buildActa([
      h(1, 'ACTA DE LA SESIÓN ORDINARIA DEL AYUNTAMIENTO DE VILLAR, 25 DE MARZO DE 2024'),
      b('ASISTENTES:'),
      table([
        ['Alcalde:', 'D. Juan Pérez'],
        ['Concejales:', 'D. Luis Gil (PSOE) Dña. Ana Ruiz (PP)'],
      ]),
      p('Excusan su asistencia: D. Pedro Gómez'),
      p('En Villar, siendo las diez horas, se reúnen los señores arriba relacionados.'),
      b('ORDEN DEL DÍA'),
      p('1.- Aprobación del acta.'),
      p('Abierta la sesión por la Presidencia.'),
      h(2, '1.- APROBACIÓN DEL ACTA.'),
      p('Queda aprobada por unanimidad.'),
    ]);
    expect(view(acta.fragments).map(({ kind, itemIndex }) => [kind, itemIndex])).toEqual([
      ['heading', 0],
      ['attendance', 0],
      ['attendance', 0],
      ['attendance', 0],
      ['other', 0],
      ['heading', 0],
      ['heading', 0],
      ['procedural', 0],
      ['heading', 1],
      ['vote', 1],
    ]);
    expect(acta.meta).toEqual({
      title: 'ACTA DE LA SESIÓN ORDINARIA DEL AYUNTAMIENTO DE VILLAR, 25 DE MARZO DE 2024',
      date: '2024-03-25',
      municipality: 'Villar',
      sessionType: 'ordinaria',
    });
    expect(acta.items).toEqual([{ index: 1, title: 'Aprobación del acta' }]);
    expect(acta.fragments.map((fragment) => fragment.id)).toEqual(acta.fragments.map((_, index) => `f${index + 1}`));
  });

  it('marks everything after the closing formula as not spoken', () => {
    const fragments = inItem(
      p('Y no habiendo más asuntos que tratar, se levanta la sesión, de lo que yo, el Secretario, doy fe.'),
      p('EL ALCALDE'),
      p('El Sr. Alcalde manifiesta: «esto ya no es de la sesión»'),
    );
    expect(view(fragments).map(({ kind }) => kind)).toEqual(['procedural', 'other', 'other']);
  });

  it('takes a quotation that nobody is said to speak or read for a quoted document (never verbatim speech)', () => {
    expect(view(inItem(p('«Texto citado sin presentación previa alguna.»')))).toEqual([
      { kind: 'other', itemIndex: 1, verbatim: false, text: 'Texto citado sin presentación previa alguna.' },
    ]);
  });

  it('reads a document without structure as items [] and fragments of kind other', () => {
    const acta = buildActa([
      p('Lista de la compra para la fiesta.'),
      p('Pan, vino y queso.'),
      p('Llamar a Luis el martes.'),
    ]);
    expect(acta).toEqual({
      meta: { title: 'Lista de la compra para la fiesta.' },
      items: [],
      fragments: [
        { id: 'f1', itemIndex: 0, kind: 'other', verbatim: false, text: 'Lista de la compra para la fiesta.' },
        { id: 'f2', itemIndex: 0, kind: 'other', verbatim: false, text: 'Pan, vino y queso.' },
        { id: 'f3', itemIndex: 0, kind: 'other', verbatim: false, text: 'Llamar a Luis el martes.' },
      ],
    });
  });

  it('throws ActaError empty for no text', () => {
    expect(() => buildActa([])).toThrow(expect.objectContaining({ name: 'ActaError', code: 'empty' }));
    expect(() => buildActa([p('')])).toThrow(ActaError);
  });
});
