import { z } from 'zod';
import type { Word } from '@astra/contracts';
import { ESTIMATED_TIMING_CONFIDENCE, makeWord } from './make-word';
import { spreadTimes } from './spread-words';

/**
 * WhisperX JSON (`whisperx --output_format json`, or its `align` + `assign_word_speakers` result): Whisper segments
 * re-timed word by word by a forced aligner, with diarized speakers as strings (`"SPEAKER_00"`). Two things in
 * it break a strict reader, and both are routine: words the aligner could not time (figures, symbols: no
 * `start`/`end`/`score`), and speaker labels that are names, not numbers.
 */
const whisperxWordSchema = z.looseObject({
  word: z.string(),
  start: z.number().optional(),
  end: z.number().optional(),
  score: z.number().optional(),
  speaker: z.union([z.string(), z.number()]).optional(),
});

const whisperxSegmentSchema = z.looseObject({
  start: z.number(),
  end: z.number(),
  text: z.string().optional(),
  speaker: z.union([z.string(), z.number()]).optional(),
  words: z.array(whisperxWordSchema).optional(),
});

export const whisperxSchema = z.looseObject({
  language: z.string().optional(),
  segments: z.array(whisperxSegmentSchema),
  word_segments: z.array(whisperxWordSchema).optional(),
});
export type WhisperxPayload = z.infer<typeof whisperxSchema>;
type WhisperxWord = z.infer<typeof whisperxWordSchema>;

/** A WhisperX payload: top-level `word_segments`, or segment words carrying the aligner's `score`. */
export function looksLikeWhisperx(payload: Record<string, unknown>): boolean {
  if (Array.isArray(payload['word_segments'])) return true;
  const segments = payload['segments'];
  if (!Array.isArray(segments)) return false;
  return segments.some(
    (segment: unknown) =>
      typeof segment === 'object' &&
      segment !== null &&
      Array.isArray((segment as { words?: unknown }).words) &&
      ((segment as { words: unknown[] }).words as unknown[]).some(
        (word) => typeof word === 'object' && word !== null && 'score' in word,
      ),
  );
}

/** Diarized speaker labels as the numbers of the normalised form, in order of first appearance. */
function speakerNumbering(): (label: string | number | undefined) => number | undefined {
  const numbers = new Map<string | number, number>();
  return (label) => {
    if (label === undefined) return undefined;
    let number = numbers.get(label);
    if (number === undefined) {
      number = numbers.size;
      numbers.set(label, number);
    }
    return number;
  };
}

type Placed = { text: string; start?: number; end?: number; confidence?: number; speaker?: number };

/**
 * Gives each run of untimed words the time between its timed neighbours (or the segment's edges), shared by
 * length in characters ({@link spreadTimes}, as for caption cues).
 */
function timeUntimed(words: Placed[], from: number, to: number): Word[] {
  const out: Word[] = [];
  let k = 0;
  while (k < words.length) {
    const word = words[k] as Placed;
    if (word.start !== undefined && word.end !== undefined) {
      pushWord(out, word, word.start, word.end);
      k += 1;
      continue;
    }
    let end = k;
    while (end < words.length && (words[end]?.start === undefined || words[end]?.end === undefined)) end += 1;
    const runStart = Math.max(from, out[out.length - 1]?.end ?? from);
    const runEnd = Math.max(runStart, Math.min(to, words[end]?.start ?? to));
    const run = words.slice(k, end);
    const times = spreadTimes(
      run.map((w) => w.text),
      runStart,
      runEnd,
    );
    run.forEach((w, r) => {
      const { start, end: stop } = times[r] ?? { start: runStart, end: runStart };
      pushWord(out, { ...w, confidence: ESTIMATED_TIMING_CONFIDENCE }, start, stop);
    });
    k = end;
  }
  return out;
}

function pushWord(out: Word[], word: Placed, start: number, end: number): void {
  const made = makeWord(word.text, start, end, word.confidence, word.speaker);
  if (made) out.push(made);
}

/** The words of a WhisperX payload, each timed and numbered; `language` as WhisperX reports it (an ISO code). */
export function whisperxWords(payload: WhisperxPayload): Word[] {
  const speakerOf = speakerNumbering();
  const place = (word: WhisperxWord, segmentSpeaker?: string | number): Placed | undefined => {
    const text = word.word.trim();
    if (text === '') return undefined;
    const speaker = speakerOf(word.speaker ?? segmentSpeaker);
    return {
      text,
      ...(word.start === undefined ? {} : { start: word.start }),
      ...(word.end === undefined ? {} : { end: word.end }),
      ...(word.score === undefined ? {} : { confidence: word.score }),
      ...(speaker === undefined ? {} : { speaker }),
    };
  };
  const keep = (w: Placed | undefined): w is Placed => w !== undefined;
  const withWords = payload.segments.filter((segment) => (segment.words?.length ?? 0) > 0);
  if (withWords.length === 0) {
    const words = (payload.word_segments ?? []).map((w) => place(w)).filter(keep);
    const to = words.reduce((max, w) => Math.max(max, w.end ?? 0), 0);
    return timeUntimed(words, 0, to);
  }
  return withWords.flatMap((segment) =>
    timeUntimed((segment.words ?? []).map((w) => place(w, segment.speaker)).filter(keep), segment.start, segment.end),
  );
}
