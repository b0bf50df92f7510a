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

const norm = (text: string): string => normalizeForMatch(text).join(' ');

/** DESIGN §6 segment rules, checked on every result. */
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
      S2.replace('total ', '').replace('partida', 'partido'),
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

describe('alignSession: bad input', () => {
  const acta = buildActa([fragment(S1)]);
  it.each<[string, () => unknown, string]>([
    [
      'a word ending before it starts',
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
