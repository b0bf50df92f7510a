import { describe, expect, it } from 'vitest';
import { PLAIN_VTT, YOUTUBE_AUTO_VTT } from '../../test/fixtures/caption-samples';
import { TranscriptError } from '../errors';
import { parseVttTimestamp, parseWebVtt } from './parse-web-vtt';

const summary = (words: { text: string; start: number; end: number }[]) => words.map((w) => [w.text, w.start, w.end]);

describe('parseWebVtt', () => {
  it('reads YouTube auto-captions: per-word times, rolling duplicates and annotations dropped', () => {
    const transcript = parseWebVtt(YOUTUBE_AUTO_VTT, { language: 'es' });
    expect(transcript.provider).toBe('captions');
    expect(transcript.language).toBe('es');
    expect(summary(transcript.words)).toEqual([
      ['buenas', 0, 0.48],
      ['tardes', 0.48, 0.96],
      ['se', 0.96, 1.2],
      ['abre', 1.2, 1.5],
      ['la', 1.5, 1.68],
      ['sesión', 1.68, 2.19],
      ['primer', 4.88, 5.2],
      ['punto', 5.2, 5.52],
      ['del', 5.52, 5.7],
      ['orden', 5.7, 6],
      ['del', 6, 6.15],
      ['día', 6.15, 6.65], // ends after maxWordDurationSec('día'), not at the 7.35 line break
      ['sí', 7.36, 9],
    ]);
    expect(transcript.durationSec).toBe(9);
  });

  it('gives tag-timed words no confidence and estimated words the lower one', () => {
    const words = parseWebVtt(YOUTUBE_AUTO_VTT, { language: 'es' }).words;
    expect(words.find((w) => w.text === 'tardes')?.confidence).toBeUndefined();
    expect(words.find((w) => w.text === 'sí')?.confidence).toBe(0.5);
    const custom = parseWebVtt(YOUTUBE_AUTO_VTT, { language: 'es', estimatedConfidence: 0.3 }).words;
    expect(custom.find((w) => w.text === 'sí')?.confidence).toBe(0.3);
  });

  it('spreads plain subtitle cues over the cue by character length', () => {
    const transcript = parseWebVtt(PLAIN_VTT, { language: 'es' });
    expect(transcript.words.map((w) => w.text)).toEqual([
      'Buenas',
      'tardes',
      'a',
      'todos.',
      'Se',
      'abre',
      'la',
      'sesión',
      'se',
      'pasa',
      'lista.',
    ]);
    const [buenas, tardes, a, todos] = transcript.words;
    expect(buenas).toEqual({ text: 'Buenas', start: 1, end: 1.632, confidence: 0.5 });
    expect(tardes?.start).toBe(1.632);
    expect((a?.end ?? 0) - (a?.start ?? 0)).toBeCloseTo(2 / 19, 2);
    expect(todos?.end).toBe(3);
    expect(transcript.words.at(-1)?.end).toBe(5.5);
  });

  it('does not drop a legitimately repeated line in plain subtitles', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nSí.\n\n00:00:02.000 --> 00:00:03.000\nSí.\n';
    expect(parseWebVtt(vtt, { language: 'es' }).words.map((w) => w.text)).toEqual(['Sí.', 'Sí.']);
  });

  it('detects rolling captions without inline tags from repeated carry-over lines', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:02.000',
      'uno dos',
      '',
      '00:00:02.000 --> 00:00:04.000',
      'uno dos',
      'tres cuatro',
      '',
      '00:00:04.000 --> 00:00:06.000',
      'tres cuatro',
      'cinco',
      '',
    ].join('\n');
    expect(parseWebVtt(vtt, { language: 'es' }).words.map((w) => w.text)).toEqual([
      'uno',
      'dos',
      'tres',
      'cuatro',
      'cinco',
    ]);
  });

  it('clamps to durationSec and drops words starting after it', () => {
    const transcript = parseWebVtt(YOUTUBE_AUTO_VTT, { language: 'es', durationSec: 6.1 });
    expect(transcript.durationSec).toBe(6.1);
    expect(transcript.words.at(-1)).toEqual({ text: 'del', start: 6, end: 6.1 });
  });

  it('skips cues with bad timings but keeps the others', () => {
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:00.500\nmal\n\n00:00:02.000 --> 00:00:03.000\nbien\n';
    expect(parseWebVtt(vtt, { language: 'es' }).words.map((w) => w.text)).toEqual(['bien']);
  });

  it.each([
    ['no header', '00:00:01.000 --> 00:00:02.000\nhola\n'],
    ['no valid cue', 'WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\nhola\n'],
  ])('rejects %s with invalid_captions', (_name, text) => {
    expect(() => parseWebVtt(text, { language: 'es' })).toThrow(TranscriptError);
    try {
      parseWebVtt(text, { language: 'es' });
    } catch (error) {
      expect((error as TranscriptError).code).toBe('invalid_captions');
    }
  });

  it('returns an empty transcript for a header-only file', () => {
    expect(parseWebVtt('WEBVTT\n', { language: 'es' })).toEqual({
      provider: 'captions',
      language: 'es',
      durationSec: 0,
      words: [],
    });
  });
});

describe('parseVttTimestamp', () => {
  it.each([
    ['00:00:01.234', 1.234],
    ['01:02:03.456', 3723.456],
    ['02:03.500', 123.5],
    ['00:00:01,250', 1.25],
    ['00:61:00.000', undefined],
    ['1.5', undefined],
  ])('%s → %s', (input, expected) => {
    expect(parseVttTimestamp(input)).toBe(expected);
  });
});

describe('word ends of word-timed captions', () => {
  it('ends a word before a long silence instead of stretching it to the next word', () => {
    const vtt = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:05.000',
      'hola<00:00:00.400><c> amigos</c><00:00:03.000><c> bien</c>',
      '',
    ].join('\n');
    const words = parseWebVtt(vtt, { language: 'es' }).words.map((w) => [w.text, w.start, w.end]);
    expect(words).toEqual([
      ['hola', 0, 0.4],
      ['amigos', 0.4, 1.2], // 0.2 + 0.1 × 6 characters: the pause before "bien" stays a pause
      ['bien', 3, 3.6],
    ]);
  });
});
