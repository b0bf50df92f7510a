import { z } from 'zod';
import { TranscriptError } from '../errors';
import { firstIssuePath, formatZodError } from '@astra/contracts';
import type { Transcript, Word } from '@astra/contracts';
import { jsonToJson3Transcript } from './parse-json3';
import {
  deepgramPrerecordedSchema,
  whisperVerboseJsonSchema,
  type DeepgramPrerecorded,
  type WhisperVerboseJson,
} from '@astra/core-client';
import { ESTIMATED_TIMING_CONFIDENCE, makeWord } from './make-word';
import { spreadWords } from './spread-words';
import { looksLikeWhisperx, whisperxSchema, whisperxWords, type WhisperxPayload } from './parse-whisperx';

/** What the caller knows about a transcript that the payload may not say. */
export type TranscriptHints = {
  /** Provider name used when the payload does not name one (provider-native payloads never do). */
  provider?: string;
  /** BCP-47 language requested; wins over a language the provider detected. */
  language?: string;
  /** Audio duration, used when the payload carries none. */
  durationSec?: number;
};

/** The payload shapes {@link normalizeTranscript} recognises. */
export type TranscriptShape = 'normalized' | 'deepgram' | 'whisper' | 'whisperx' | 'json3' | 'response';

const UNKNOWN_LANGUAGE = 'und';

const looseTranscriptSchema = z.object({
  provider: z.string().min(1).optional(),
  language: z.string().min(1).optional(),
  durationSec: z.number().nonnegative().optional(),
  words: z.array(
    z.object({
      text: z.string(),
      start: z.number(),
      end: z.number(),
      confidence: z.number().optional(),
      speaker: z.number().int().nonnegative().optional(),
    }),
  ),
});

/** Whisper reports languages by English name (`"spanish"`); the ones this project meets, as BCP-47. */
const WHISPER_LANGUAGE_CODES: Readonly<Record<string, string>> = {
  spanish: 'es',
  catalan: 'ca',
  valencian: 'ca',
  galician: 'gl',
  basque: 'eu',
  english: 'en',
  portuguese: 'pt',
  french: 'fr',
  german: 'de',
  italian: 'it',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Recognises a payload's shape from its structure, or returns undefined. */
export function detectTranscriptShape(payload: unknown): TranscriptShape | undefined {
  if (!isRecord(payload)) return undefined;
  if (isRecord(payload['results']) && Array.isArray(payload['results']['channels'])) return 'deepgram';
  if (Array.isArray(payload['events'])) return 'json3';
  if (looksLikeWhisperx(payload)) return 'whisperx';
  const words = payload['words'];
  if (Array.isArray(words)) {
    const first: unknown = words[0];
    if (isRecord(first)) {
      if ('text' in first) return 'normalized';
      if ('word' in first) return 'whisper';
      return undefined;
    }
    if ('durationSec' in payload || 'provider' in payload) return 'normalized';
    if ('duration' in payload || 'segments' in payload || 'task' in payload || 'text' in payload) return 'whisper';
    return undefined;
  }
  if (Array.isArray(payload['segments'])) return 'whisper';
  if ('status' in payload && 'result' in payload) return 'response';
  return undefined;
}

function parseShape<T>(schema: z.ZodType<T>, payload: unknown, label: string): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const path = firstIssuePath(parsed.error);
    throw new TranscriptError('invalid_transcript', `Invalid ${label} transcript: ${formatZodError(parsed.error)}`, {
      cause: parsed.error,
      ...(path === undefined ? {} : { path }),
    });
  }
  return parsed.data;
}

function lastEnd(words: readonly Word[]): number {
  return words.reduce((max, word) => Math.max(max, word.end), 0);
}

function fromDeepgram(payload: DeepgramPrerecorded, hints: TranscriptHints): Transcript {
  const channel = payload.results.channels[0];
  const alternative = channel?.alternatives[0];
  const words: Word[] = [];
  for (const w of alternative?.words ?? []) {
    const word = makeWord(w.punctuated_word ?? w.word, w.start, w.end, w.confidence, w.speaker);
    if (word) words.push(word);
  }
  return {
    provider: hints.provider ?? 'deepgram',
    language: hints.language ?? channel?.detected_language ?? UNKNOWN_LANGUAGE,
    durationSec: payload.metadata?.duration ?? hints.durationSec ?? lastEnd(words),
    words,
  };
}

function whisperLanguage(language: string | undefined): string | undefined {
  if (language === undefined) return undefined;
  const lower = language.trim().toLowerCase();
  return WHISPER_LANGUAGE_CODES[lower] ?? (/^[a-z]{2,3}$/.test(lower) ? lower : undefined);
}

function fromWhisper(payload: WhisperVerboseJson, hints: TranscriptHints): Transcript {
  const segments = payload.segments ?? [];
  const wordSource =
    payload.words && payload.words.length > 0
      ? payload.words
      : segments.some((segment) => (segment.words?.length ?? 0) > 0)
        ? segments.flatMap((segment) => segment.words ?? [])
        : undefined;
  const words: Word[] = [];
  if (wordSource) {
    for (const w of wordSource) {
      const word = makeWord(w.word, w.start, w.end, w.probability);
      if (word) words.push(word);
    }
  } else {
    for (const segment of segments) {
      words.push(...spreadWords(segment.text, segment.start, segment.end, ESTIMATED_TIMING_CONFIDENCE));
    }
  }
  return {
    provider: hints.provider ?? 'whisper',
    language: hints.language ?? whisperLanguage(payload.language) ?? UNKNOWN_LANGUAGE,
    durationSec: payload.duration ?? hints.durationSec ?? lastEnd(words),
    words,
  };
}

function fromWhisperx(payload: WhisperxPayload, hints: TranscriptHints): Transcript {
  const words = whisperxWords(payload);
  return {
    provider: hints.provider ?? 'whisperx',
    language: hints.language ?? whisperLanguage(payload.language) ?? UNKNOWN_LANGUAGE,
    durationSec: hints.durationSec ?? lastEnd(words),
    words,
  };
}

function fromNormalized(payload: z.infer<typeof looseTranscriptSchema>, hints: TranscriptHints): Transcript {
  const words: Word[] = payload.words.map((w) => {
    const word: Word = { text: w.text, start: w.start, end: w.end };
    if (w.confidence !== undefined) word.confidence = w.confidence;
    if (w.speaker !== undefined) word.speaker = w.speaker;
    return word;
  });
  return {
    provider: payload.provider ?? hints.provider ?? 'unknown',
    language: payload.language ?? hints.language ?? UNKNOWN_LANGUAGE,
    durationSec: payload.durationSec ?? hints.durationSec ?? lastEnd(words),
    words,
  };
}

/**
 * Turns a transcript payload of any supported shape into the normalised {@link Transcript}:
 * - the normalised form itself (missing `provider`/`language`/`durationSec` filled from hints);
 * - Deepgram pre-recorded JSON (`results.channels[0].alternatives[0].words[]`, `punctuated_word` preferred);
 * - OpenAI Whisper `verbose_json` (`words[]`, else `segments[].words`, else segment text spread over the
 *   segment with confidence {@link ESTIMATED_TIMING_CONFIDENCE});
 * - WhisperX JSON (segment words with `score`, or `word_segments`): string speakers numbered in order of first
 *   appearance, words the forced aligner left untimed placed between their neighbours (see parse-whisperx);
 * - YouTube json3 captions (see parseJson3);
 * - a whole astra-core response (`{ id, status, result }`): its `result`.
 * Word text is trimmed and empty words dropped; confidences are clamped to [0, 1] for native payloads.
 * The result is not yet validated: run `validateTranscript` (`@astra/contracts`) on it.
 * @throws TranscriptError `unsupported_format` (unknown shape) or `invalid_transcript` (known shape, bad field).
 */
export function normalizeTranscript(payload: unknown, hints: TranscriptHints = {}): Transcript {
  const shape = detectTranscriptShape(payload);
  switch (shape) {
    case 'normalized':
      return fromNormalized(parseShape(looseTranscriptSchema, payload, 'normalised'), hints);
    case 'deepgram':
      return fromDeepgram(parseShape(deepgramPrerecordedSchema, payload, 'Deepgram'), hints);
    case 'whisper':
      return fromWhisper(parseShape(whisperVerboseJsonSchema, payload, 'Whisper verbose_json'), hints);
    case 'whisperx':
      return fromWhisperx(parseShape(whisperxSchema, payload, 'WhisperX'), hints);
    case 'json3':
      return jsonToJson3Transcript(payload, {
        language: hints.language ?? UNKNOWN_LANGUAGE,
        ...(hints.provider === undefined ? {} : { provider: hints.provider }),
        ...(hints.durationSec === undefined ? {} : { durationSec: hints.durationSec }),
      });
    case 'response':
      return normalizeTranscript(isRecord(payload) ? payload['result'] : undefined, hints);
    case undefined:
      throw new TranscriptError(
        'unsupported_format',
        'Unsupported transcript format: expected the normalised form, Deepgram pre-recorded JSON, Whisper verbose_json, WhisperX JSON or json3 captions',
      );
  }
}
