import { describe, expect, it } from 'vitest';
import { YOUTUBE_AUTO_JSON3 } from '../../test/fixtures/caption-samples';
import {
  DEEPGRAM_PRERECORDED,
  NORMALIZED_TRANSCRIPT,
  WHISPER_SEGMENTS_ONLY,
  WHISPER_SEGMENT_WORDS,
  WHISPER_VERBOSE_JSON,
  WHISPERX_DIARIZED,
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
    ['WhisperX', WHISPERX_DIARIZED, 'whisperx'],
    ['WhisperX, word_segments only', { segments: [], word_segments: [] }, 'whisperx'],
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

describe('normalizeTranscript: WhisperX', () => {
  it('numbers string speakers by first appearance and takes the aligner score as confidence', () => {
    const transcript = normalizeTranscript(WHISPERX_DIARIZED);
    expect(transcript).toMatchObject({ provider: 'whisperx', language: 'es', durationSec: 5.3 });
    expect(transcript.words.slice(0, 2)).toEqual([
      { text: 'Buenas', start: 0.51, end: 0.83, confidence: 0.912, speaker: 0 },
      { text: 'tardes,', start: 0.86, end: 1.21, confidence: 0.874, speaker: 0 },
    ]);
    expect(transcript.words.find((w) => w.text === 'presupuesto')).toMatchObject({ speaker: 1, confidence: 0.93 });
    expect(transcript.words.map((w) => w.text).join(' ')).toBe(
      'Buenas tardes, se abre la sesión. El presupuesto de 2023 asciende a tres millones.',
    );
  });

  it("places a word the forced aligner left untimed between its neighbours, with its segment's speaker", () => {
    const words = normalizeTranscript(WHISPERX_DIARIZED).words;
    const figure = words.find((w) => w.text === '2023');
    expect(figure).toEqual({ text: '2023', start: 3.42, end: 4.31, confidence: 0.5, speaker: 1 });
    // What the aligner reads next accepts it as it is: nothing out of order, nothing to repair.
    expect(validateTranscript(normalizeTranscript(WHISPERX_DIARIZED)).repairs).toMatchObject({
      inversions: 0,
      overlaps: 0,
      reordered: 0,
    });
  });

  it('shares one gap among several untimed words by length, and uses the segment edges at its ends', () => {
    const words = normalizeTranscript({
      segments: [
        {
          start: 10,
          end: 14,
          words: [
            { word: '25' },
            { word: 'de', start: 11, end: 11.2, score: 0.9 },
            { word: '1.500' },
            { word: '€' },
            { word: 'netos', start: 13, end: 13.5, score: 0.8 },
          ],
        },
      ],
    }).words;
    expect(words.map((w) => [w.text, w.start, w.end])).toEqual([
      ['25', 10, 11],
      ['de', 11, 11.2],
      ['1.500', 11.2, 12.7],
      ['€', 12.7, 13],
      ['netos', 13, 13.5],
    ]);
    expect(words.every((w) => w.speaker === undefined)).toBe(true);
  });

  it('reads word_segments when the segments carry no words', () => {
    const transcript = normalizeTranscript({
      language: 'es',
      segments: [{ start: 0, end: 1, text: 'Hola' }],
      word_segments: [{ word: 'Hola', start: 0.1, end: 0.5, score: 0.9, speaker: 'SPEAKER_03' }],
    });
    expect(transcript.words).toEqual([{ text: 'Hola', start: 0.1, end: 0.5, confidence: 0.9, speaker: 0 }]);
  });

  it('rejects a segment without times, naming where', () => {
    const error = catchError(() =>
      normalizeTranscript({ segments: [{ start: 'x', end: 1, words: [{ word: 'a', score: 1 }] }] }),
    );
    expect(error.code).toBe('invalid_transcript');
    expect(error.message).toMatch(/WhisperX/u);
    expect(error.path).toBe('segments[0].start');
  });
});
