import { describe, expect, it } from 'vitest';
import { buildActa, buildTranscript, fragment, type Transcript } from '../test/helpers/build-session';
import type { AlignOptions } from './align-options';
import { alignSession } from './align-session';
import { AlignError } from './errors';
import type { AlignResult, RejectReason, Segment } from './model';
import { normalizeForMatch } from './spanish/normalize-for-match';

const S1 = 'Buenas tardes a todos, vamos a debatir la modificación del presupuesto municipal.';
const S2 = 'El importe total asciende a 25.000 euros con cargo a la partida de parques y jardines.';
const S3 = 'Nuestro grupo votará a favor porque los vecinos de San Isidro llevan años esperando esta obra.';
const S4 = 'La empresa adjudicataria tendrá que rehabilitar el polideportivo antes de diciembre.';
const S5 = 'Recuerdo que en 2019 este mismo equipo de gobierno prometió iluminar la calle Mayor.';
const S6 = 'Pedimos que la biblioteca municipal amplíe su horario durante el verano próximo.';
const S8 = 'La plaza del mercado necesita una reforma integral antes del próximo invierno.';
const S9 = 'Proponemos crear un carril bici que conecte el polígono con la estación de tren.';

const norm = (text: string): string => normalizeForMatch(text).join(' ');

/** docs/architecture.md §6 segment rules, checked on every result. */
function expectSegmentRules(transcript: Transcript, result: AlignResult, options: AlignOptions = {}): void {
  const min = options.minDurationSec ?? 1;
  const max = options.maxDurationSec ?? 30;
  const sorted = [...result.kept].sort((a, b) => a.offset - b.offset);
  sorted.forEach((segment, k) => {
    expect(segment.duration).toBeGreaterThanOrEqual(min);
    expect(segment.duration).toBeLessThanOrEqual(max);
    const end = segment.offset + segment.duration;
    const previous = sorted[k - 1];
    if (previous !== undefined)
      expect(segment.offset).toBeGreaterThanOrEqual(previous.offset + previous.duration - 1e-9);
    for (const word of transcript.words) {
      // No word is cut: each lies wholly inside or wholly outside the span.
      const inside = word.start >= segment.offset - 1e-9 && word.end <= end + 1e-9;
      const outside = word.end <= segment.offset + 1e-9 || word.start >= end - 1e-9;
      expect(inside || outside).toBe(true);
    }
    const [first, last] = segment.wordRange;
    expect(transcript.words[first]?.start).toBeGreaterThanOrEqual(segment.offset);
    expect(transcript.words[last - 1]?.end).toBeLessThanOrEqual(end);
  });
}

function keptText(result: AlignResult, fragmentId?: string): string {
  return result.kept
    .filter((s) => fragmentId === undefined || s.fragmentId === fragmentId)
    .map((s) => s.textOriginal)
    .join(' ');
}

describe('alignSession: alignment core', () => {
  it('labels an exactly spoken fragment with its own text, sentence by sentence', () => {
    const f = fragment(`${S1} ${S2} ${S3}`);
    const transcript = buildTranscript([{ text: S1 }, { text: S2 }, { text: S3 }]);
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    expect(norm(keptText(result))).toBe(norm(f.text));
    for (const segment of result.kept) {
      expect(segment.cer).toBe(0);
      expect(segment.fragmentId).toBe(f.id);
      expect(segment.speaker).toBe('Sr. Ruiz');
      expect(segment.agendaItem).toBe(1);
      expect(norm(segment.asrText)).toBe(norm(segment.textOriginal));
    }
    expect(result.rejected).toEqual([]);
  });

  it('matches digits against words ("25.000 euros" heard as "veinticinco mil euros")', () => {
    const f = fragment(`${S1} ${S2}`);
    const transcript = buildTranscript([{ text: S1 }, { text: S2.replace('25.000', 'veinticinco mil') }]);
    const result = alignSession(transcript, buildActa([f]));
    expect(norm(keptText(result))).toBe(norm(f.text));
    expect(result.kept.every((s) => s.cer === 0)).toBe(true);
  });

  it('tolerates ASR substitutions, deletions and insertions and keeps the acta text as label', () => {
    const f = fragment(`${S1} ${S2} ${S3}`);
    const heard = [
      S1.replace('debatir', 'devatir'),
      S2.replace('total ', '~total ').replace('partida', 'partido'),
      S3.replace('vecinos', 'vecinos eh'),
    ];
    const transcript = buildTranscript(heard.map((text) => ({ text })));
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    expect(norm(keptText(result))).toBe(norm(f.text));
    expect(result.kept.some((s) => s.cer > 0)).toBe(true);
    expect(result.kept.map((s) => s.textOriginal).join(' ')).toContain('partida');
  });

  it('leaves out acta sentences nobody said, without stretching labels over them', () => {
    const f = fragment(`${S1} ${S2} ${S3}`);
    const transcript = buildTranscript([{ text: S1 }, { text: S3, pauseBeforeSec: 1.5 }]);
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    expect(keptText(result)).not.toContain('importe');
    expect(norm(keptText(result))).toBe(norm(`${S1} ${S3}`));
  });

  it('skips speech that is in no acta (chatter between fragments and inside one)', () => {
    const a = fragment(`${S1} ${S2}`);
    const b = fragment(`${S3} ${S4}`, { speaker: 'Sra. López' });
    const transcript = buildTranscript([
      { text: 'Bueno, a ver, ¿se me oye?' },
      { text: S1 },
      { text: 'Perdón, un momento, que se ha caído el micrófono otra vez.' },
      { text: S2 },
      { text: 'Gracias. Tiene la palabra la portavoz del grupo.' },
      { text: S3 },
      { text: S4 },
    ]);
    const result = alignSession(transcript, buildActa([a, b]));
    expectSegmentRules(transcript, result);
    expect(norm(keptText(result, a.id))).toBe(norm(a.text));
    expect(norm(keptText(result, b.id))).toBe(norm(b.text));
    const heard = result.kept.map((s) => s.asrText).join(' ');
    expect(heard).not.toMatch(/micrófono|palabra|oye/u);
    expect(result.kept.find((s) => s.fragmentId === b.id)?.speaker).toBe('Sra. López');
  });

  it('finds an agenda item discussed out of order', () => {
    const items = [
      fragment(`${S1} ${S2}`, { itemIndex: 1 }),
      fragment(`${S3} ${S4}`, { itemIndex: 2 }),
      fragment(`${S5} ${S6}`, { itemIndex: 3 }),
    ];
    const spoken = [items[0], items[2], items[1]].flatMap((f) =>
      f === undefined ? [] : [{ text: f.text, pauseBeforeSec: 2 }],
    );
    const transcript = buildTranscript(spoken);
    const result = alignSession(transcript, buildActa(items));
    expectSegmentRules(transcript, result);
    for (const item of items) expect(norm(keptText(result, item.id))).toBe(norm(item.text));
    for (const segment of result.kept) expect(norm(segment.asrText)).toBe(norm(segment.textOriginal));
    expect(result.kept.find((s) => s.fragmentId === items[1]?.id)?.agendaItem).toBe(2);
  });

  it('never anchors on repeated formulas ("votos a favor") said elsewhere', () => {
    const vote = fragment('Votos a favor, doce. Votos en contra, ocho. Abstenciones, una.', {
      kind: 'vote',
      speaker: undefined,
    });
    const before = fragment(`${S1} ${S2}`);
    const after = fragment(`${S3} ${S4}`);
    const chatter = '¿Votos a favor? ¿Votos en contra? ¿Abstenciones? Queda aprobado.';
    const transcript = buildTranscript([
      { text: chatter },
      { text: before.text },
      { text: chatter },
      { text: 'Votos a favor, doce. Votos en contra, ocho. Abstenciones, una.' },
      { text: chatter },
      { text: after.text },
    ]);
    const result = alignSession(transcript, buildActa([before, vote, after]));
    expectSegmentRules(transcript, result);
    const voteSegments = result.kept.filter((s) => s.fragmentId === vote.id);
    expect(voteSegments.length).toBeGreaterThan(0);
    for (const segment of voteSegments) expect(norm(segment.asrText)).toBe(norm(segment.textOriginal));
    expect(voteSegments.map((s) => s.asrText).join(' ')).toMatch(/doce/u);
  });

  it('does not label speech with a summary that does not match it', () => {
    const a = fragment(S1);
    const summary = fragment('El Sr. García interviene para manifestar el apoyo de su grupo a la propuesta.', {
      verbatim: false,
      speaker: 'Sr. García',
    });
    const b = fragment(S3);
    const transcript = buildTranscript([{ text: S1 }, { text: `${S4} ${S6}` }, { text: S3 }]);
    const result = alignSession(transcript, buildActa([a, summary, b]));
    expect(result.kept.some((s) => s.fragmentId === summary.id)).toBe(false);
    expect(norm(keptText(result))).toBe(norm(`${S1} ${S3}`));
  });

  it('keeps a summary spoken word for word only under the strict policy', () => {
    const summary = fragment(`${S4} ${S5}`, { verbatim: false });
    const transcript = buildTranscript([{ text: S4 }, { text: S5 }]);
    const strict = alignSession(transcript, buildActa([summary]));
    expect(norm(keptText(strict))).toBe(norm(summary.text));
    const reject = alignSession(transcript, buildActa([summary]), { summaryPolicy: 'reject' });
    expect(reject.kept).toEqual([]);
    expect(reject.rejected.map((s) => s.reason)).toContain('summary_fragment');
  });

  it('never uses headings or attendance lists as labels, even when read aloud', () => {
    const heading = fragment('Aprobación inicial de la ordenanza reguladora de terrazas y veladores.', {
      kind: 'heading',
      verbatim: false,
    });
    const attendance = fragment('Asisten los concejales Sr. Ruiz, Sra. López y Sr. Martín Gómez.', {
      kind: 'attendance',
    });
    const body = fragment(S2);
    const transcript = buildTranscript([{ text: heading.text }, { text: attendance.text }, { text: S2 }]);
    const result = alignSession(transcript, buildActa([heading, attendance, body]));
    expect(result.kept.map((s) => s.fragmentId)).toEqual([body.id]);
    expect(result.stats.labelFragments).toBe(1);
  });

  it('offers the spoken label style', () => {
    const f = fragment(S2);
    const result = alignSession(buildTranscript([{ text: S2 }]), buildActa([f]), { labelStyle: 'spoken' });
    expect(result.kept[0]?.text).toBe(
      'el importe total asciende a veinticinco mil euros con cargo a la partida de parques y jardines',
    );
    expect(result.kept[0]?.textOriginal).toBe(S2);
  });

  it('is deterministic', () => {
    const acta = buildActa([fragment(`${S1} ${S2}`), fragment(`${S3} ${S4}`)]);
    const transcript = buildTranscript([{ text: S1 }, { text: 'Gracias.' }, { text: S2 }, { text: S3 }, { text: S4 }]);
    expect(alignSession(transcript, acta)).toEqual(alignSession(transcript, acta));
  });
});

describe('alignSession: segment rules and rejection reasons', () => {
  const long = `${S1.slice(0, -1)} y ${S3.charAt(0).toLowerCase()}${S3.slice(1)}`;
  const substituted = (text: string): string =>
    text.replace('presupuesto', 'presupuestario').replace('vecinos', 'becinos');

  it.each<
    [RejectReason, () => { transcript: Transcript; fragments: Parameters<typeof buildActa>[0]; options?: AlignOptions }]
  >([
    [
      'too_short',
      () => ({
        transcript: buildTranscript([{ text: S1 }, { text: 'Gracias.' }]),
        fragments: [fragment(S1), fragment('Gracias.')],
      }),
    ],
    [
      'too_long',
      () => ({
        transcript: buildTranscript([{ text: long }]),
        fragments: [fragment(long)],
        options: { maxDurationSec: 5 },
      }),
    ],
    [
      'boundary_uncertain',
      () => ({
        transcript: buildTranscript([{ text: 'Bueno, pues' }, { text: S1, pauseBeforeSec: 0.05 }, { text: S3 }]),
        fragments: [fragment(`${S1} ${S3}`)],
      }),
    ],
    [
      'low_coverage',
      () => ({
        transcript: buildTranscript([{ text: substituted(S1) }]),
        fragments: [fragment(S1)],
        options: { minCoverage: 0.99 },
      }),
    ],
    [
      'cer_above_max',
      () => ({
        transcript: buildTranscript([{ text: substituted(S1) }]),
        fragments: [fragment(S1)],
        options: { maxCer: 0.01, minCoverage: 0 },
      }),
    ],
    [
      'score_below_min',
      () => ({
        transcript: buildTranscript([{ text: substituted(S1) }]),
        fragments: [fragment(S1)],
        options: { minScore: 0.99 },
      }),
    ],
    [
      'summary_fragment',
      () => ({
        transcript: buildTranscript([{ text: S1 }]),
        fragments: [fragment(S1, { verbatim: false })],
        options: { summaryPolicy: 'reject' },
      }),
    ],
    [
      'label_missing_speech',
      () => ({
        transcript: buildTranscript([{ text: S1 }, { text: S2.replace('total', 'total previsto') }]),
        fragments: [fragment(`${S1} ${S2}`)],
      }),
    ],
    [
      'label_extra_text',
      () => ({
        transcript: buildTranscript([{ text: S1 }, { text: S2.replace('total ', '') }]),
        fragments: [fragment(`${S1} ${S2}`)],
      }),
    ],
    [
      'speaker_mismatch',
      () => ({
        transcript: buildTranscript([
          { text: S1 },
          { text: 'El importe total asciende a 25.000 euros', pauseBeforeSec: 0.4 },
          { text: 'con cargo a la partida de parques y jardines.', pauseBeforeSec: 0.05, speaker: 1 },
        ]),
        fragments: [fragment(`${S1} ${S2}`)],
      }),
    ],
  ])('rejects with %s', (reason, scenario) => {
    const { transcript, fragments, options } = scenario();
    const result = alignSession(transcript, buildActa(fragments), options);
    expectSegmentRules(transcript, result, options);
    const rows = result.rejected.filter((s) => s.reason === reason);
    expect(rows.length).toBeGreaterThan(0);
    expect(result.stats.rejectedByReason[reason]).toBe(rows.length);
    for (const row of rows) {
      expect(row.textOriginal).not.toBe('');
      expect(row.wordRange[1]).toBeGreaterThan(row.wordRange[0]);
    }
  });

  // A word said in place of an acta word is a mishearing only when the ASR doubts it or it resembles the acta's.
  it.each([
    ['another figure heard', S2.replace('25.000', '12.000'), 'doce'],
    ['a confident word unlike the acta word', S2.replace('parques', 'realmente@0.95'), 'realmente'],
  ])('does not keep a label where the speech has %s (label_missing_speech)', (_case, heard, word) => {
    const transcript = buildTranscript([{ text: S1 }, { text: heard }, { text: S3 }]);
    const result = alignSession(transcript, buildActa([fragment(`${S1} ${S2} ${S3}`)]));
    expectSegmentRules(transcript, result);
    expect(result.kept.some((s) => norm(s.asrText).split(' ').includes(word))).toBe(false);
    expect(result.rejected.some((s) => s.reason === 'label_missing_speech')).toBe(true);
  });

  it('keeps a label where the ASR doubted a word it misheard', () => {
    const transcript = buildTranscript([{ text: S1 }, { text: S2.replace('parques', 'realmente@0.6') }, { text: S3 }]);
    const result = alignSession(transcript, buildActa([fragment(`${S1} ${S2} ${S3}`)]));
    expectSegmentRules(transcript, result);
    expect(result.kept.some((s) => norm(s.asrText).split(' ').includes('realmente'))).toBe(true);
  });

  it('cuts long speech at pauses into segments within the duration limits, never inside a word', () => {
    const text = [S1, S2, S3, S4, S5, S6].join(' ');
    const transcript = buildTranscript(
      [S1, S2, S3, S4, S5, S6].map((s) => ({ text: s })),
      { gapSec: 0.03 },
    );
    const options = { maxDurationSec: 12 };
    const result = alignSession(transcript, buildActa([fragment(text)]), options);
    expectSegmentRules(transcript, result, options);
    expect(result.kept.length).toBeGreaterThan(2);
    expect(norm(keptText(result))).toBe(norm(text));
    // Cuts fall at sentence ends (the only pauses), so every label is whole sentences.
    for (const segment of result.kept) expect(segment.textOriginal).toMatch(/\.$/u);
  });

  it('reports figures in stats', () => {
    const result = alignSession(
      buildTranscript([{ text: S1 }, { text: S2 }]),
      buildActa([fragment(`${S1} ${S2}`), fragment('Resumen.', { verbatim: false })]),
    );
    expect(result.stats).toMatchObject({
      labelFragments: 2,
      verbatimFragments: 1,
      alignedFragments: 1,
      kept: result.kept.length,
      rejected: result.rejected.length,
    });
    expect(result.stats.keptDurationSec).toBeCloseTo(
      result.kept.reduce((t: number, s: Segment) => t + s.duration, 0),
      6,
    );
  });
});

describe('alignSession: labels that match the speech', () => {
  const S7 = 'Tenemos que cumplir la ley de presupuestaria este año.';

  it.each<[string, string, string, RegExp]>([
    [
      'a year',
      'En el programa electoral del año a pesar de las promesas no se hizo nada.',
      'En el programa electoral del año dos mil veintitrés a pesar de las promesas no se hizo nada.',
      /veintitrés/u,
    ],
    [
      'a courtesy to the chair',
      'La propuesta llega tarde. Se han presentado 301 alegaciones al proyecto.',
      'La propuesta llega tarde gracias señor alcalde se han presentado trescientas una alegaciones al proyecto.',
      /alcalde/u,
    ],
    [
      'an adjective',
      'Hemos pedido los informes sobre la cuenta general del ejercicio.',
      'Hemos pedido los informes técnicos sobre la cuenta general del ejercicio.',
      /técnicos/u,
    ],
    ['part of a name', S7, S7.replace('de presupuestaria', 'de estabilidad presupuestaria'), /estabilidad/u],
    ['a negation', S4, S4.replace('tendrá que', 'no tendrá que'), /\bno\b/u],
  ])('never keeps a label that lost %s the ASR heard', (_what, written, said, lost) => {
    const f = fragment(`${S1} ${written} ${S3}`);
    const transcript = buildTranscript([{ text: S1 }, { text: said }, { text: S3 }]);
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    for (const segment of result.kept) expect(segment.asrText).not.toMatch(lost);
    expect(norm(keptText(result))).toBe(norm(`${S1} ${S3}`));
    const rejected = result.rejected.filter((s) => s.reason === 'label_missing_speech');
    expect(rejected.map((s) => s.asrText).join(' ')).toMatch(lost);
  });

  it('trims a label at the pauses around speech the acta left out, keeping the rest', () => {
    const f = fragment('La propuesta llega tarde. Se han presentado 301 alegaciones al proyecto.');
    const transcript = buildTranscript([
      { text: 'La propuesta llega tarde' },
      { text: 'gracias señor alcalde', pauseBeforeSec: 0.3 },
      { text: 'se han presentado trescientas una alegaciones al proyecto', pauseBeforeSec: 0.3 },
    ]);
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    expect(result.kept.map((s) => s.textOriginal)).toEqual([
      'La propuesta llega tarde.',
      'Se han presentado 301 alegaciones al proyecto.',
    ]);
  });

  it('keeps labels that lack only noise: fillers, repetitions, low-confidence and function words', () => {
    const f = fragment(`${S1} ${S2} ${S3}`);
    const transcript = buildTranscript([
      { text: S1.replace('vamos a', 'eh vamos a a').replace('la modificación', 'este la modificación') },
      { text: S2.replace('asciende', 'o sea asciende').replace('cargo', 'cargo@0.9 pues@0.95') },
      { text: S3.replace('votará', 'votará claramente@0.3 que') },
    ]);
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    expect(norm(keptText(result))).toBe(norm(f.text));
    expect(result.stats.rejectedByReason.label_missing_speech).toBe(0);
  });

  it('keeps a label over a word the ASR dropped, when the audio leaves time for it', () => {
    const f = fragment(`${S1} ${S2}`);
    const dropped = buildTranscript([{ text: S1 }, { text: S2.replace('total ', '~total ') }]);
    expect(norm(keptText(alignSession(dropped, buildActa([f]))))).toBe(norm(f.text));
    const unsaid = buildTranscript([{ text: S1 }, { text: S2.replace('total ', '') }]);
    const result = alignSession(unsaid, buildActa([f]));
    expect(norm(keptText(result))).toBe(norm(S1));
    expect(result.rejected.map((s) => s.reason)).toContain('label_extra_text');
  });

  it('never keeps a segment across a change of diarized speaker', () => {
    const f = fragment(`${S1} ${S2} ${S3}`);
    const transcript = buildTranscript([
      { text: S1, speaker: 0 },
      { text: 'Muy bien.', speaker: 1, pauseBeforeSec: 0.3 },
      { text: S2, speaker: 0, pauseBeforeSec: 0.3 },
      { text: S3, speaker: 0, pauseBeforeSec: 0.04 },
    ]);
    // S3 follows S2 with no pause at all: with the fillers of another voice in between it could not be cut.
    const result = alignSession(transcript, buildActa([f]));
    expectSegmentRules(transcript, result);
    for (const segment of result.kept) {
      const speakers = new Set(transcript.words.slice(...segment.wordRange).map((w) => w.speaker));
      expect(speakers.size).toBe(1);
      expect(segment.asrText).not.toMatch(/Muy bien/u);
    }
    expect(norm(keptText(result))).toBe(norm(f.text));
  });

  it('cuts at a change of speaker even where the pause is too short for an ordinary cut', () => {
    const a = fragment(S1, { speaker: 'Sr. Ruiz' });
    const b = fragment(S2, { speaker: 'Sra. López' });
    const transcript = buildTranscript(
      [
        { text: S1, speaker: 0 },
        { text: S2, speaker: 1, pauseBeforeSec: 0.08 },
      ],
      { gapSec: 0.03 },
    );
    const result = alignSession(transcript, buildActa([a, b]));
    expectSegmentRules(transcript, result);
    expect(result.kept.map((s) => [s.fragmentId, s.diarizationSpeaker])).toEqual([
      [a.id, 0],
      [b.id, 1],
    ]);
  });

  it('tolerates a turn whose first word diarization gave to the previous speaker', () => {
    const a = fragment(S1, { speaker: 'Sr. Ruiz' });
    const b = fragment(S2, { speaker: 'Sra. López' });
    const [first = '', ...rest] = S2.split(' ');
    const transcript = buildTranscript([
      { text: S1, speaker: 0 },
      { text: first, speaker: 0 },
      { text: rest.join(' '), speaker: 1, pauseBeforeSec: 0.05 },
    ]);
    const result = alignSession(transcript, buildActa([a, b]));
    expect(norm(keptText(result, b.id))).toBe(norm(S2));
    expect(result.kept.find((s) => s.fragmentId === b.id)?.diarizationSpeaker).toBe(1);
  });

  /** Two voices, three fragments each in the acta; the last one the acta gives to Sra. López, said by Sr. Ruiz. */
  function sessionWithMisattribution() {
    const ruiz = [fragment(S1), fragment(S2), fragment(S5)];
    const lopez = [
      fragment(`${S3} ${S8}`, { speaker: 'Sra. López' }),
      fragment(`${S6} ${S9}`, { speaker: 'Sra. López' }),
    ];
    const misattributed = fragment(S4, { speaker: 'Sra. López' });
    const fragments = [ruiz[0], lopez[0], ruiz[1], lopez[1], ruiz[2], misattributed];
    const voices = [0, 1, 0, 1, 0, 0];
    const transcript = buildTranscript(
      fragments.map((f, k) => ({ text: f?.text ?? '', speaker: voices[k] ?? 0, pauseBeforeSec: 1 })),
    );
    return { transcript, acta: buildActa(fragments.filter((f) => f !== undefined)), misattributed };
  }

  it('learns which diarized voice each acta speaker has and rejects labels that contradict it', () => {
    const { transcript, acta, misattributed } = sessionWithMisattribution();
    const result = alignSession(transcript, acta);
    expect(result.speakers).toEqual([
      expect.objectContaining({ actaSpeaker: 'Sr. Ruiz', diarizationSpeakers: [0], established: true }),
      expect.objectContaining({ actaSpeaker: 'Sra. López', diarizationSpeakers: [1], established: true }),
    ]);
    const lopezEvidence = result.speakers.find((m) => m.actaSpeaker === 'Sra. López')?.evidence ?? [];
    expect(lopezEvidence.map((e) => [e.diarizationSpeaker, e.segments])).toEqual([
      [1, 2],
      [0, 1],
    ]);
    expect(result.kept.some((s) => s.fragmentId === misattributed.id)).toBe(false);
    expect(result.rejected.find((s) => s.fragmentId === misattributed.id)?.reason).toBe('speaker_mismatch');
    expect(result.stats.diarized).toBe(true);
    expect(result.stats.unlabelledSpeakers).toBe(0);
  });

  it("with speakerMismatch 'unlabel', keeps a contradicted label's words and drops only its speaker", () => {
    const { transcript, acta, misattributed } = sessionWithMisattribution();
    const rejecting = alignSession(transcript, acta);
    const result = alignSession(transcript, acta, { speakerMismatch: 'unlabel' });
    const kept = result.kept.filter((s) => s.fragmentId === misattributed.id);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((s) => s.speaker === undefined && s.diarizationSpeaker === 0)).toBe(true);
    expect(norm(keptText(result, misattributed.id))).toBe(norm(misattributed.text));
    expect(result.rejected.some((s) => s.reason === 'speaker_mismatch')).toBe(false);
    expect(result.stats.unlabelledSpeakers).toBe(kept.length);
    // Everything else is what `reject` keeps, speakers included.
    expect(result.kept.filter((s) => s.fragmentId !== misattributed.id)).toEqual(rejecting.kept);
    expect(result.speakers).toEqual(rejecting.speakers);
  });

  it('runs no speaker checks on a transcript without diarization', () => {
    const f = fragment(`${S1} ${S2}`);
    const transcript = buildTranscript([
      { text: S1, speaker: null },
      { text: S2, speaker: null },
    ]);
    const result = alignSession(transcript, buildActa([f]));
    expect(result.speakers).toEqual([]);
    expect(result.stats.diarized).toBe(false);
    expect(result.kept.every((s) => s.diarizationSpeaker === undefined)).toBe(true);
    expect(norm(keptText(result))).toBe(norm(f.text));
  });
});

describe('alignSession: bad input', () => {
  const acta = buildActa([fragment(S1)]);
  it.each<[string, () => unknown, string]>([
    [
      'a word ending before it starts (transcripts are repaired by validation before alignment)',
      () => alignSession({ ...buildTranscript([{ text: S1 }]), words: [{ text: 'a', start: 2, end: 1 }] }, acta),
      'invalid_transcript',
    ],
    [
      'words out of order',
      () =>
        alignSession(
          {
            ...buildTranscript([{ text: S1 }]),
            words: [
              { text: 'a', start: 2, end: 3 },
              { text: 'b', start: 1, end: 1.5 },
            ],
          },
          acta,
        ),
      'invalid_transcript',
    ],
    [
      'a non-finite time',
      () =>
        alignSession({ ...buildTranscript([{ text: S1 }]), words: [{ text: 'a', start: Number.NaN, end: 1 }] }, acta),
      'invalid_transcript',
    ],
    [
      'an acta without fragments',
      () =>
        alignSession(buildTranscript([{ text: S1 }]), { meta: { title: 'x' }, items: [] } as unknown as typeof acta),
      'invalid_acta',
    ],
    [
      'a fragment without id',
      () => alignSession(buildTranscript([{ text: S1 }]), buildActa([{ ...fragment(S1), id: '' }])),
      'invalid_acta',
    ],
    [
      'min above max duration',
      () => alignSession(buildTranscript([{ text: S1 }]), acta, { minDurationSec: 10, maxDurationSec: 5 }),
      'invalid_options',
    ],
    ['maxCer above 1', () => alignSession(buildTranscript([{ text: S1 }]), acta, { maxCer: 2 }), 'invalid_options'],
  ])('throws AlignError for %s', (_, run, code) => {
    expect(run).toThrowError(AlignError);
    expect(run).toThrowError(expect.objectContaining({ code, retryable: false }) as Error);
  });

  it('returns nothing (not an error) for an empty transcript', () => {
    const result = alignSession({ provider: 'x', language: 'es', durationSec: 0, words: [] }, acta);
    expect(result.kept).toEqual([]);
    expect(result.rejected).toEqual([]);
  });
});
