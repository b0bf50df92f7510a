import { describe, expect, it } from 'vitest';
import { MANUAL_JSON3, YOUTUBE_AUTO_JSON3 } from '../../test/fixtures/caption-samples';
import { TranscriptError } from '../errors';
import { parseJson3 } from './parse-json3';
import { parseWebVtt } from './parse-web-vtt';
import { YOUTUBE_AUTO_VTT } from '../../test/fixtures/caption-samples';

describe('parseJson3', () => {
  it('reads per-word segs, cutting the last word at the next line break event', () => {
    const transcript = parseJson3(YOUTUBE_AUTO_JSON3, { language: 'es' });
    expect(transcript.words.map((w) => [w.text, w.start, w.end])).toEqual([
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
    ]);
    expect(transcript.words.every((w) => w.confidence === undefined)).toBe(true);
  });

  it('agrees with the VTT rendering of the same auto-captions', () => {
    const fromJson3 = parseJson3(YOUTUBE_AUTO_JSON3, { language: 'es' }).words;
    const fromVtt = parseWebVtt(YOUTUBE_AUTO_VTT, { language: 'es' }).words.filter((w) => w.confidence === undefined);
    expect(fromJson3).toEqual(fromVtt);
  });

  it('spreads events without per-word offsets, joining their segs', () => {
    const transcript = parseJson3(MANUAL_JSON3, { language: 'es', provider: 'youtube-subs' });
    expect(transcript.provider).toBe('youtube-subs');
    expect(transcript.words.map((w) => w.text)).toEqual([
      'Buenas',
      'tardes',
      'a',
      'todos.',
      'Se',
      'abre',
      'la',
      'sesión.',
    ]);
    expect(transcript.words.every((w) => w.confidence === 0.5)).toBe(true);
    expect(transcript.words[4]?.start).toBe(3.5);
    expect(transcript.words.at(-1)?.end).toBe(5.5);
  });

  it('decodes entities in segs', () => {
    const text = JSON.stringify({
      events: [{ tStartMs: 0, dDurationMs: 1000, segs: [{ utf8: 'Ruiz &amp; Sánchez' }] }],
    });
    expect(parseJson3(text, { language: 'es' }).words.map((w) => w.text)).toEqual(['Ruiz', 'Sánchez']);
  });

  it.each([
    ['not JSON', '{"events": ['],
    ['no events', '{"wireMagic":"pb3"}'],
    ['a bad tStartMs', '{"events":[{"tStartMs":"0","segs":[{"utf8":"hola"}]}]}'],
  ])('rejects %s with invalid_captions', (_name, text) => {
    let caught: unknown;
    try {
      parseJson3(text, { language: 'es' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TranscriptError);
    expect((caught as TranscriptError).code).toBe('invalid_captions');
  });

  it('names the bad field', () => {
    expect(() => parseJson3('{"events":[{"tStartMs":"0"}]}', { language: 'es' })).toThrow(/events\[0\]\.tStartMs/);
  });
});
