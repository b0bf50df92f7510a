import type { Transcript, Word } from '@astra/contracts';
import { ESTIMATED_TIMING_CONFIDENCE } from './make-word';
import { roundSec, spreadWords, tokenizeWords } from './spread-words';

/** What a caption file does not say about itself. */
export type CaptionHints = {
  /** BCP-47 language of the track. */
  language: string;
  /** Audio duration: words starting at or after it are dropped, ends clamped to it. Default: the last word's end. */
  durationSec?: number;
  /** Provider name written in the transcript. Default `'captions'`. */
  provider?: string;
  /** Confidence given to words whose times are estimated (spread over a cue). Default ESTIMATED_TIMING_CONFIDENCE. */
  estimatedConfidence?: number;
};

export const DEFAULT_CAPTION_HINTS = {
  provider: 'captions',
  estimatedConfidence: ESTIMATED_TIMING_CONFIDENCE,
} as const;

/** A piece of caption text with a time span; `wordTimed` when the span is the word's own (YouTube tags). */
export type TimedChunk = { text: string; start: number; end: number; wordTimed: boolean };

/**
 * Longest a word plausibly lasts: 0.2 s plus 0.1 s per character (slow, deliberate speech), at most 1.5 s.
 * Word-timed captions give only starts; a word "ending" at the next word's start 2 s later would hide the
 * pause the aligner needs to cut at, so a word-timed word ends at the earlier of the two.
 */
export function maxWordDurationSec(word: string): number {
  return Math.min(1.5, 0.2 + 0.1 * [...word].length);
}

/** `[Música]`, `[Aplausos]`, `[ __ ]`: sound annotations, not speech. */
const ANNOTATION = /\[[^\]]*\]/gu;

/**
 * Words of timed caption chunks. A word-timed chunk holding one word keeps its start, ends at its chunk's end
 * or after {@link maxWordDurationSec}, whichever comes first, and gets no confidence (captions carry none); every other word is spread over its chunk by character length and
 * gets `estimatedConfidence`. Words are ordered by start (stable), times rounded to the millisecond.
 */
export function buildCaptionTranscript(chunks: readonly TimedChunk[], hints: CaptionHints): Transcript {
  const estimated = hints.estimatedConfidence ?? DEFAULT_CAPTION_HINTS.estimatedConfidence;
  const words: Word[] = [];
  for (const chunk of chunks) {
    const text = chunk.text.replace(ANNOTATION, ' ');
    const end = Math.max(chunk.start, chunk.end);
    const tokens = tokenizeWords(text);
    if (chunk.wordTimed && tokens.length === 1 && tokens[0] !== undefined) {
      const wordEnd = Math.min(end, chunk.start + maxWordDurationSec(tokens[0]));
      words.push({ text: tokens[0], start: roundSec(chunk.start), end: roundSec(wordEnd) });
    } else {
      words.push(...spreadWords(text, chunk.start, end, estimated));
    }
  }
  const ordered = words
    .map((word, index) => ({ word, index }))
    .sort((a, b) => a.word.start - b.word.start || a.index - b.index)
    .map(({ word }) => word);
  const durationSec = hints.durationSec;
  const kept =
    durationSec === undefined
      ? ordered
      : ordered
          .filter((word) => word.start < durationSec)
          .map((word) => (word.end > durationSec ? { ...word, end: roundSec(durationSec) } : word));
  return {
    provider: hints.provider ?? DEFAULT_CAPTION_HINTS.provider,
    language: hints.language,
    durationSec: durationSec ?? kept.reduce((max, word) => Math.max(max, word.end), 0),
    words: kept,
  };
}
