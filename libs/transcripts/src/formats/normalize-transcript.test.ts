import { describe, expect, it } from 'vitest';
import { YOUTUBE_AUTO_JSON3 } from '../../test/fixtures/caption-samples';
import {
  DEEPGRAM_PRERECORDED,
  NORMALIZED_TRANSCRIPT,
  WHISPER_SEGMENTS_ONLY,
  WHISPER_SEGMENT_WORDS,
  WHISPER_VERBOSE_JSON,
} from '../../test/fixtures/transcript-payloads';
import { TranscriptError } from '../errors';
import { detectTranscriptShape, normalizeTranscript } from './normalize-transcript';
import { validateTranscript } from '@astra/contracts';

function catchError(fn: () => unknown): TranscriptError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptError');
}

describe('detectTranscriptShape', () => {
  it.each([
    ['normalised', NORMALIZED_TRANSCRIPT, 'normalized'],
    ['normalised, empty', { provider: 'x', language: 'es', durationSec: 1, words: [] }, 'normalized'],
    ['Deepgram', DEEPGRAM_PRERECORDED, 'deepgram'],
    ['Whisper words', WHISPER_VERBOSE_JSON, 'whisper'],
    ['Whisper segment words', WHISPER_SEGMENT_WORDS, 'whisper'],
    ['Whisper, empty words', { text: '', duration: 1, words: [] }, 'whisper'],
    ['json3', JSON.parse(YOUTUBE_AUTO_JSON3) as unknown, 'json3'],
    ['an astra-core response', { id: 'a', status: 'completed', result: NORMALIZED_TRANSCRIPT }, 'response'],
    ['an array', [], undefined],
    ['a string', 'hola', undefined],
    ['words of unknown shape', { words: [{ token: 'x' }] }, undefined],
  ])('%s', (_name, payload, expected) => {
    expect(detectTranscriptShape(payload)).toBe(expected);
  });
});

describe('normalizeTranscript', () => {
  it('keeps the normalised form as is', () => {
    expect(normalizeTranscript(NORMALIZED_TRANSCRIPT, { provider: 'other', language: 'ca' })).toEqual(
      NORMALIZED_TRANSCRIPT,
    );
  });

  it('fills what the normalised form lacks from hints', () => {
    const { provider: _p, language: _l, durationSec: _d, ...bare } = NORMALIZED_TRANSCRIPT;
    expect(normalizeTranscript(bare, { provider: 'file', language: 'es', durationSec: 10 })).toMatchObject({
      provider: 'file',
      language: 'es',
      durationSec: 10,
    });
    expect(normalizeTranscript(bare)).toMatchObject({ provider: 'unknown', language: 'und', durationSec: 1.3 });
  });

  it('reads Deepgram pre-recorded JSON: punctuated words, speakers, confidence, metadata.duration', () => {
    const transcript = normalizeTranscript(DEEPGRAM_PRERECORDED, { language: 'es' });
    expect(transcript.provider).toBe('deepgram');
    expect(transcript.language).toBe('es');
    expect(transcript.durationSec).toBe(6.4);
    expect(transcript.words.map((w) => w.text)).toEqual(['Buenas', 'tardes.', 'Se', 'abre', 'la', 'sesión.']);
    expect(transcript.words[0]).toEqual({ text: 'Buenas', start: 0.48, end: 0.8, confidence: 0.9980469, speaker: 0 });
    expect(transcript.words[2]?.speaker).toBe(1);
    expect(validateTranscript(transcript).warnings).toEqual([]);
  });

  it('falls back to the plain Deepgram word and detected_language without punctuation or hints', () => {
    const channel = DEEPGRAM_PRERECORDED.results.channels[0];
    const unpunctuated = {
      results: {
        channels: [
          {
            detected_language: 'es',
            alternatives: [{ words: channel?.alternatives[0]?.words.map(({ punctuated_word: _pw, ...w }) => w) ?? [] }],
          },
        ],
      },
    };
    const transcript = normalizeTranscript(unpunctuated);
    expect(transcript.words.map((w) => w.text)).toEqual(['buenas', 'tardes', 'se', 'abre', 'la', 'sesión']);
    expect(transcript.language).toBe('es');
    expect(transcript.durationSec).toBe(2.96);
  });

  it('reads Whisper verbose_json words, mapping the language name', () => {
    const transcript = normalizeTranscript(WHISPER_VERBOSE_JSON);
    expect(transcript).toMatchObject({ provider: 'whisper', language: 'es', durationSec: 6.4 });
    expect(transcript.words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['Buenas', 0.5, 0.84],
      ['tardes', 0.84, 1.32],
      ['Se', 1.78, 1.94],
      ['abre', 1.94, 2.22],
      ['la', 2.22, 2.4],
      ['sesión', 2.4, 2.98],
    ]);
    expect(transcript.words.every((w) => w.confidence === undefined)).toBe(true);
  });

  it('reads Whisper segments[].words, trimming and clamping probability', () => {
    const transcript = normalizeTranscript(WHISPER_SEGMENT_WORDS, { provider: 'whisper-local' });
    expect(transcript.provider).toBe('whisper-local');
    expect(transcript.language).toBe('es');
    expect(transcript.durationSec).toBe(2.98);
    expect(transcript.words.map((w) => w.text)).toEqual(['Buenas', 'tardes.', 'Se', 'abre', 'la', 'sesión.']);
    expect(transcript.words[0]?.confidence).toBe(0.91);
    expect(transcript.words.at(-1)?.confidence).toBe(1);
  });

  it('spreads Whisper segments without words, marking the estimated timing', () => {
    const transcript = normalizeTranscript(WHISPER_SEGMENTS_ONLY, { language: 'es' });
    expect(transcript.words.map((w) => w.text)).toEqual(['Buenas', 'tardes.', 'Se', 'abre', 'la', 'sesión.']);
    expect(transcript.words[0]).toEqual({ text: 'Buenas', start: 0, end: 0.554, confidence: 0.5 });
    expect(transcript.words[2]?.start).toBe(2);
    expect(transcript.words.at(-1)?.end).toBe(4);
  });

  it('reads json3 captions and whole astra-core responses', () => {
    expect(normalizeTranscript(JSON.parse(YOUTUBE_AUTO_JSON3) as unknown, { language: 'es' }).words).toHaveLength(12);
    expect(normalizeTranscript({ id: 'tr-1', status: 'completed', result: DEEPGRAM_PRERECORDED }).words).toHaveLength(
      6,
    );
  });

  it('rejects an unknown shape with unsupported_format', () => {
    const error = catchError(() => normalizeTranscript({ transcript: 'hola' }));
    expect(error.code).toBe('unsupported_format');
    expect(error.retryable).toBe(false);
  });

  it.each([
    [
      'Deepgram',
      { results: { channels: [{ alternatives: [{ words: [{ word: 'a', start: '0', end: 1 }] }] }] } },
      'results.channels[0].alternatives[0].words[0].start',
    ],
    ['Whisper', { duration: 1, words: [{ word: 'a', start: 0 }] }, 'words[0].end'],
    ['normalised', { provider: 'x', durationSec: 1, words: [{ text: 'a', start: 0, end: null }] }, 'words[0].end'],
  ])('rejects a bad %s field with invalid_transcript and its path', (_name, payload, path) => {
    const error = catchError(() => normalizeTranscript(payload));
    expect(error.code).toBe('invalid_transcript');
    expect(error.path).toBe(path);
    expect(error.message).toContain(path);
  });
});
