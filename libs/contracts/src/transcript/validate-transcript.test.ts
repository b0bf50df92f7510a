import { describe, expect, it } from 'vitest';
import { ContractError } from '../errors';
import { transcriptSchema, type Transcript, type TranscriptRepairs } from './model';
import { validateTranscript } from './validate-transcript';

const base: Transcript = {
  provider: 'deepgram',
  language: 'es',
  durationSec: 10,
  words: [
    { text: 'uno', start: 1, end: 1.4, confidence: 0.9 },
    { text: 'dos', start: 1.4, end: 2 },
    { text: 'tres', start: 2, end: 2.5, speaker: 1 },
  ],
};

function withWords(words: Transcript['words'], durationSec = 10): Transcript {
  return { ...base, durationSec, words };
}

/** `count` evenly spaced words of 0.3 s, 0.1 s apart, from 1 s. */
function evenWords(count: number): Transcript['words'] {
  return Array.from({ length: count }, (_, i) => ({ text: `w${i}`, start: 1 + 0.4 * i, end: 1.3 + 0.4 * i }));
}

const none: TranscriptRepairs = {
  inversions: 0,
  overlaps: 0,
  endsBeforeStart: 0,
  reordered: 0,
  clampedToDuration: 0,
  droppedEmpty: 0,
};

function caught(run: () => unknown): ContractError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

/** Every word starts at or after the previous word's end, and ends at or after its own start. */
function expectOrdered(transcript: Transcript): void {
  transcript.words.forEach((word, i) => {
    expect(word.end).toBeGreaterThanOrEqual(word.start);
    const next = transcript.words[i + 1];
    if (next !== undefined) expect(next.start).toBeGreaterThanOrEqual(word.end);
  });
}

describe('validateTranscript', () => {
  it('accepts a clean transcript unchanged (a copy), with no warnings and no repairs', () => {
    const result = validateTranscript(base);
    expect(result).toEqual({ transcript: base, warnings: [], repairs: none });
    expect(result.transcript).not.toBe(base);
    expect(result.transcript.words[0]).not.toBe(base.words[0]);
  });

  it.each<[string, Transcript['words'], Partial<TranscriptRepairs>, string[]]>([
    [
      'a start jittered before the previous start (as 186.53 s after 186.547 s)',
      [
        { text: 'a', start: 26.2, end: 26.5 },
        { text: 'b', start: 26.547, end: 26.8 },
        { text: 'c', start: 26.53, end: 27.1 },
      ],
      { inversions: 1, overlaps: 1 },
      ['a', 'b', 'c'],
    ],
    [
      'an end after the next start',
      [
        { text: 'a', start: 1, end: 1.5 },
        { text: 'b', start: 1.4, end: 2 },
      ],
      { overlaps: 1 },
      ['a', 'b'],
    ],
    [
      'an end slightly before its start',
      [
        { text: 'a', start: 1, end: 1.5 },
        { text: 'b', start: 2, end: 1.8 },
        { text: 'c', start: 2.5, end: 3 },
      ],
      { endsBeforeStart: 1 },
      ['a', 'b', 'c'],
    ],
    [
      'one word far out of order among many (moved by its start time)',
      [...evenWords(60).slice(0, 10), { text: 'late', start: 6.12, end: 6.18 }, ...evenWords(60).slice(10)],
      { reordered: 1 },
      [
        ...evenWords(13).map((w) => w.text),
        'late',
        ...evenWords(60)
          .slice(13)
          .map((w) => w.text),
      ],
    ],
    [
      'a blank word',
      [
        { text: ' ', start: 0, end: 1 },
        { text: 'b', start: 1, end: 2 },
      ],
      { droppedEmpty: 1 },
      ['b'],
    ],
    ['an end just past the duration', [{ text: 'a', start: 29.8, end: 30.3 }], { clampedToDuration: 1 }, ['a']],
  ])('repairs %s and counts it', (_name, words, counts, order) => {
    const { transcript, repairs, warnings } = validateTranscript(withWords(words, 30));
    const expected = { ...none, ...counts };
    expect(repairs).toEqual(expected);
    expect(transcript.repairs).toEqual(expected);
    expect(transcript.words.map((w) => w.text)).toEqual(order);
    expectOrdered(transcript);
    expect(transcript.words.every((w) => w.end <= 30)).toBe(true);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('fixes jitter by the smallest change, keeping the provider word order and untouched words', () => {
    const { transcript } = validateTranscript(
      withWords(
        [
          { text: 'a', start: 1, end: 1.3 },
          { text: 'b', start: 10, end: 10.3 },
          { text: 'c', start: 9.98, end: 10.5 },
          { text: 'd', start: 11, end: 11.2 },
        ],
        20,
      ),
    );
    expect(transcript.words).toEqual([
      { text: 'a', start: 1, end: 1.3 },
      { text: 'b', start: 10, end: 10.14 },
      { text: 'c', start: 10.14, end: 10.5 },
      { text: 'd', start: 11, end: 11.2 },
    ]);
  });

  it('describes the repairs in one warning with a stable code', () => {
    const { warnings } = validateTranscript(
      withWords([
        { text: 'a', start: 1, end: 1.5 },
        { text: 'b', start: 1.4, end: 2 },
      ]),
    );
    expect(warnings).toEqual(['repaired_timing: 1 overlap(s)']);
  });

  it('is idempotent and keeps earlier repair counts on a stored transcript', () => {
    const first = validateTranscript(
      withWords([
        { text: 'a', start: 1, end: 1.5 },
        { text: 'b', start: 1.4, end: 2 },
      ]),
    );
    const again = validateTranscript(first.transcript);
    expect(again.repairs).toEqual(none);
    expect(again.transcript).toEqual(first.transcript);
    expect(again.transcript.repairs?.overlaps).toBe(1);
  });

  it('repairs the jitter of a whole word-timestamp transcript (±30 ms on every time)', () => {
    let seed = 7;
    const noise = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return (seed / 2_147_483_648 - 0.5) * 0.06;
    };
    const words = evenWords(2000).map((w, i) => ({
      ...w,
      start: Math.max(0, w.start + noise() - (i % 50 === 0 ? 0.2 : 0)),
      end: w.end + noise() + (i % 40 === 0 ? 0.2 : 0),
    }));
    const { transcript, repairs } = validateTranscript(withWords(words, 900));
    expect(transcript.words.map((w) => w.text)).toEqual(words.map((w) => w.text));
    expectOrdered(transcript);
    expect(repairs.overlaps + repairs.inversions).toBeGreaterThan(40);
    expect(repairs.reordered).toBe(0);
  });

  it.each<[string, unknown]>([
    ['extra keys everywhere', { ...base, extra: 1, words: [{ text: 'a', start: 1, end: 2, punctuated: 'A', x: 0 }] }],
    ['optional fields set to undefined', withWords([{ text: 'a', start: 1, end: 2, confidence: undefined }])],
    ['stored repair counts (extra keys dropped)', { ...base, repairs: { ...none, overlaps: 2, note: 'x' } }],
    [
      'boundary values',
      withWords([
        { text: '', start: 0, end: 0, confidence: 1, speaker: 0 },
        { text: 'b', start: 0, end: 10, confidence: 0 },
      ]),
    ],
  ])('reads %s exactly as the transcript schema does', (_name, input) => {
    const expected = transcriptSchema.parse(input);
    const { transcript } = validateTranscript(input as Transcript);
    expect({ ...transcript, words: transcript.words.map((w) => ({ ...w })) }).toMatchObject({
      provider: expected.provider,
      language: expected.language,
      durationSec: expected.durationSec,
    });
    for (const word of transcript.words)
      expect(Object.keys(word).every((k) => ['text', 'start', 'end', 'confidence', 'speaker'].includes(k))).toBe(true);
    expect(
      Object.keys(transcript).every((k) => ['provider', 'language', 'durationSec', 'words', 'repairs'].includes(k)),
    ).toBe(true);
    expect(transcript.repairs === undefined || Object.keys(transcript.repairs).length === 6).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['a fractional speaker', withWords([{ text: 'a', start: 0, end: 1, speaker: 1.5 }]), 'words[0].speaker'],
    ['a NaN confidence', withWords([{ text: 'a', start: 0, end: 1, confidence: Number.NaN }]), 'words[0].confidence'],
    ['an empty provider', { ...base, provider: '' }, 'provider'],
    ['a word that is not an object', { ...base, words: [1] }, 'words[0]'],
    ['a negative repair count', { ...base, repairs: { ...none, overlaps: -1 } }, 'repairs.overlaps'],
  ])('rejects %s as the transcript schema does', (_name, input, path) => {
    expect(transcriptSchema.safeParse(input).success).toBe(false);
    expect(caught(() => validateTranscript(input as Transcript)).path).toBe(path);
  });

  it.each([
    ['NaN time', withWords([{ text: 'a', start: Number.NaN, end: 1 }]), 'words[0].start', /1 problem\b/],
    ['infinite time', withWords([{ text: 'a', start: 0, end: Number.POSITIVE_INFINITY }]), 'words[0].end', /end/],
    ['negative time', withWords([{ text: 'a', start: -0.1, end: 1 }]), 'words[0].start', /start/],
    [
      'two negative times',
      withWords([
        { text: 'a', start: -0.1, end: 1 },
        { text: 'b', start: -2, end: 1 },
      ]),
      'words[0].start',
      /2 problems/,
    ],
    ['confidence above 1', withWords([{ text: 'a', start: 0, end: 1, confidence: 1.2 }]), 'words[0].confidence', /1/],
    ['negative duration', withWords([], -1), 'durationSec', /durationSec/],
    [
      'an end far before its start',
      withWords([
        { text: 'a', start: 0, end: 1 },
        { text: 'b', start: 2, end: 1 },
      ]),
      'words[1]',
      /1 of 2 words \(50\.0 %\).*words\[1\] ends at 1 s, 1 s before its start/,
    ],
    [
      'words in reverse order',
      withWords([
        { text: 'a', start: 3, end: 4 },
        { text: 'b', start: 2, end: 2.5 },
      ]),
      'words[1]',
      /1 of 2 words .*more than 0\.5 s out of time order.*words\[1\] starts at 2 s, 1 s before an earlier word/,
    ],
    [
      'a large share of words out of order',
      withWords(
        evenWords(100).map((w, i) => (i % 10 === 5 ? { ...w, start: w.start - 2, end: w.end - 2 } : w)),
        60,
      ),
      'words[5]',
      /10 of 100 words \(10\.0 %\)/,
    ],
    [
      'words far past the duration',
      withWords([
        { text: 'a', start: 9.8, end: 10.6 },
        { text: 'b', start: 10.6, end: 11 },
      ]),
      'words[0]',
      /2 word\(s\) end more than 0\.5 s past durationSec 10 s \(first: words\[0\] ends at 10\.6 s\)/,
    ],
  ])('rejects %s with invalid_transcript, saying which and how many', (_name, transcript, path, message) => {
    const error = caught(() => validateTranscript(transcript));
    expect(error.code).toBe('invalid_transcript');
    expect(error.retryable).toBe(false);
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
  });

  it('honours custom tolerances', () => {
    expect(() =>
      validateTranscript(withWords([{ text: 'a', start: 9.8, end: 10.3 }]), { durationToleranceSec: 0.1 }),
    ).toThrow(/past durationSec/);
    const jittered = withWords([
      { text: 'a', start: 1, end: 1.3 },
      { text: 'b', start: 0.8, end: 1.5 },
    ]);
    expect(validateTranscript(jittered).repairs.inversions).toBe(1);
    expect(() => validateTranscript(jittered, { maxInversionSec: 0.1 })).toThrow(/out of time order/);
    expect(validateTranscript(jittered, { maxInversionSec: 0.1, maxOutOfOrderShare: 0.5 }).repairs.reordered).toBe(1);
  });

  it('flags an empty transcript', () => {
    expect(validateTranscript(withWords([])).warnings).toEqual(['empty_transcript']);
  });

  it('drops blank words with a warning', () => {
    const { transcript, warnings } = validateTranscript(
      withWords([
        { text: ' ', start: 0, end: 1 },
        { text: 'b', start: 1, end: 2 },
      ]),
    );
    expect(transcript.words.map((w) => w.text)).toEqual(['b']);
    expect(warnings).toEqual(['dropped_empty_words: 1 blank word(s) removed']);
  });
});
