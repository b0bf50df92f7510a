import { describe, expect, it } from 'vitest';
import { ContractError } from '../errors';
import type { Transcript } from './model';
import { validateTranscript } from './validate-transcript';

const base: Transcript = {
  provider: 'deepgram',
  language: 'es',
  durationSec: 10,
  words: [
    { text: 'uno', start: 1, end: 1.5, confidence: 0.9 },
    { text: 'dos', start: 1.4, end: 2 },
    { text: 'tres', start: 2, end: 2.5, speaker: 1 },
  ],
};

function withWords(words: Transcript['words'], durationSec = 10): Transcript {
  return { ...base, durationSec, words };
}

describe('validateTranscript', () => {
  it('accepts a good transcript (overlaps allowed) without warnings, returning a copy', () => {
    const result = validateTranscript(base);
    expect(result).toEqual({ transcript: base, warnings: [] });
    expect(result.transcript).not.toBe(base);
    expect(result.transcript.words[0]).not.toBe(base.words[0]);
  });

  it.each([
    ['NaN time', withWords([{ text: 'a', start: Number.NaN, end: 1 }]), 'words[0].start'],
    ['infinite time', withWords([{ text: 'a', start: 0, end: Number.POSITIVE_INFINITY }]), 'words[0].end'],
    ['negative time', withWords([{ text: 'a', start: -0.1, end: 1 }]), 'words[0].start'],
    ['confidence above 1', withWords([{ text: 'a', start: 0, end: 1, confidence: 1.2 }]), 'words[0].confidence'],
    ['negative duration', withWords([], -1), 'durationSec'],
    [
      'end before start',
      withWords([
        { text: 'a', start: 0, end: 1 },
        { text: 'b', start: 2, end: 1.5 },
      ]),
      'words[1]',
    ],
    [
      'unordered words',
      withWords([
        { text: 'a', start: 3, end: 4 },
        { text: 'b', start: 2, end: 2.5 },
      ]),
      'words[1]',
    ],
    ['a word far past the duration', withWords([{ text: 'a', start: 9.8, end: 10.6 }]), 'words[0]'],
  ])('rejects %s with invalid_transcript', (_name, transcript, path) => {
    let caught: unknown;
    try {
      validateTranscript(transcript);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractError);
    expect((caught as ContractError).code).toBe('invalid_transcript');
    expect((caught as ContractError).path).toBe(path);
  });

  it('clamps ends within the tolerance past the duration, with a warning', () => {
    const { transcript, warnings } = validateTranscript(withWords([{ text: 'a', start: 9.8, end: 10.3 }]));
    expect(transcript.words).toEqual([{ text: 'a', start: 9.8, end: 10 }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^clamped_to_duration: 1 word/);
  });

  it('honours a custom tolerance', () => {
    expect(() =>
      validateTranscript(withWords([{ text: 'a', start: 9.8, end: 10.3 }]), { durationToleranceSec: 0.1 }),
    ).toThrow(/past durationSec/);
  });

  it('tolerates tiny ordering jitter', () => {
    expect(() =>
      validateTranscript(
        withWords([
          { text: 'a', start: 1, end: 2 },
          { text: 'b', start: 0.9995, end: 2 },
        ]),
      ),
    ).not.toThrow();
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
