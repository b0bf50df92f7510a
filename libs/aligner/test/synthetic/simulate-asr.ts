import type { Rng } from './prng';
import type { SessionProfile } from './session-profile';

/** A word truly said, with its true times (input of the ASR simulator). */
export interface SpokenTimedWord {
  text: string;
  start: number;
  end: number;
  /** True speaker index (councillor index, 90 for the secretary). */
  speaker: number;
  sentenceStart: boolean;
  sentenceEnd: boolean;
  /** A filler or a repeated word (what an edited acta leaves out on purpose). */
  disfluent: boolean;
  /** Set on the first word of a number the ASR may write as digits; `digitsLength` words long. */
  asrDigits?: string;
  digitsLength?: number;
}

export interface DeepgramWord {
  word: string;
  start: number;
  end: number;
  confidence: number;
  speaker?: number;
  punctuated_word: string;
}

/** The subset of a Deepgram pre-recorded response that transcript normalisers read. */
export interface DeepgramPayload {
  metadata: { request_id: string; duration: number; channels: number; models: string[] };
  results: { channels: { alternatives: { transcript: string; confidence: number; words: DeepgramWord[] }[] }[] };
}

/** Function words an ASR inserts into pauses and word joins (and "eh"). */
const INSERTIONS = ['y', 'que', 'de', 'eh', 'a', 'el', 'la', 'no', 'en', 'se', 'es'];
const ROUND = (x: number): number => Math.round(x * 1000) / 1000;

function misspell(rng: Rng, word: string, pool: readonly string[]): string {
  if (rng.chance(0.5) || word.length < 3) return rng.pick(pool);
  const rules: [RegExp, string][] = [
    [/v/u, 'b'],
    [/b/u, 'v'],
    [/s$/u, ''],
    [/ll/u, 'y'],
    [/z/u, 's'],
    [/c([ei])/u, 's$1'],
    [/^h/u, ''],
    [/á/u, 'a'],
    [/é/u, 'e'],
    [/í/u, 'i'],
    [/ó/u, 'o'],
    [/ción$/u, 'sión'],
    [/e/u, 'i'],
    [/o$/u, 'a'],
    [/a$/u, 'o'],
  ];
  for (const [pattern, replacement] of rng.shuffle(rules)) {
    if (pattern.test(word)) return word.replace(pattern, replacement);
  }
  return `${word}s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Word confidences shaped like a commercial ASR's: right words mostly ≥ 0.9, misheard ones spread low to high,
 * hallucinated insertions mostly low, disfluencies in between.
 */
const confidence = {
  right: (rng: Rng): number => 1 - 0.3 * rng.next() ** 3,
  disfluent: (rng: Rng): number => 1 - 0.5 * rng.next() ** 2,
  misheard: (rng: Rng): number => rng.uniform(0.3, 0.95),
  inserted: (rng: Rng): number => rng.uniform(0.2, 0.65),
};

/** ASR words with the true speaker of each (diarization is applied afterwards). */
export interface AsrOutput {
  words: DeepgramWord[];
  trueSpeakers: number[];
  /** Per spoken word: the confidence of what the ASR output for it (0: deleted) and that output. */
  heardConfidence: number[];
  heardText: string[];
}

/** Simulates the ASR: errors, digits, confidences, timing jitter (ordered or not), punctuation. */
export function simulateAsr(rng: Rng, profile: SessionProfile, spoken: readonly SpokenTimedWord[]): AsrOutput {
  const pool = [...new Set(spoken.map((w) => w.text))];
  const out: DeepgramWord[] = [];
  const trueSpeakers: number[] = [];
  const heardConfidence = spoken.map(() => 0);
  const heardText = spoken.map(() => '');
  const jitter = (): number => rng.normal() * profile.jitterSec;
  for (let k = 0; k < spoken.length; k += 1) {
    const word = spoken[k];
    if (word === undefined) continue;
    const group = word.digitsLength ?? 1;
    const last = spoken[k + group - 1] ?? word;
    let text: string;
    let end = word.end;
    let sentenceEnd = word.sentenceEnd;
    let conf: number;
    if (word.asrDigits !== undefined && rng.chance(profile.digitsRate)) {
      if (rng.chance(profile.deletion)) {
        k += group - 1;
        continue;
      }
      text = word.asrDigits;
      conf = confidence.right(rng);
      if (rng.chance(profile.substitution)) {
        text = text.replace(/\d(?!.*\d)/u, (d) => String((Number(d) + 1) % 10));
        conf = confidence.misheard(rng);
      }
      end = last.end;
      sentenceEnd = last.sentenceEnd;
      heardConfidence.fill(ROUND(conf), k, k + group);
      heardText.fill(text, k, k + group);
      k += group - 1;
    } else {
      if (rng.chance(profile.deletion)) continue;
      const misheard = rng.chance(profile.substitution);
      text = misheard ? misspell(rng, word.text, pool) : word.text;
      conf = misheard ? confidence.misheard(rng) : word.disfluent ? confidence.disfluent(rng) : confidence.right(rng);
      heardConfidence[k] = ROUND(conf);
      heardText[k] = text;
    }
    const punctuated = `${word.sentenceStart ? capitalise(text) : text}${sentenceEnd ? '.' : ''}`;
    out.push({
      word: text.toLowerCase(),
      start: word.start,
      end,
      confidence: ROUND(conf),
      punctuated_word: punctuated,
    });
    trueSpeakers.push(word.speaker);
    if (rng.chance(profile.insertion)) {
      const next = spoken[k + 1];
      const gapEnd = next === undefined ? end + 0.3 : next.start;
      const inserted = rng.pick(INSERTIONS);
      const previous = out[out.length - 1];
      const insertedConfidence = ROUND(confidence.inserted(rng));
      if (gapEnd - end >= 0.15) {
        out.push({
          word: inserted,
          start: end + 0.02,
          end: Math.min(gapEnd - 0.02, end + 0.2),
          confidence: insertedConfidence,
          punctuated_word: inserted,
        });
        trueSpeakers.push(word.speaker);
      } else if (previous !== undefined) {
        const mid = (previous.start + previous.end) / 2;
        const stolenEnd = previous.end;
        previous.end = mid;
        out.push({
          word: inserted,
          start: mid,
          end: stolenEnd,
          confidence: insertedConfidence,
          punctuated_word: inserted,
        });
        trueSpeakers.push(word.speaker);
      }
    }
  }
  retime(rng, profile, out, jitter);
  return { words: out, trueSpeakers, heardConfidence, heardText };
}

/** Timing noise: Deepgram-like (starts never go backwards) or word-timestamp-like (independent jitter, glitches). */
function retime(rng: Rng, profile: SessionProfile, words: DeepgramWord[], jitter: () => number): void {
  let previousStart = 0;
  for (const word of words) {
    let start = word.start + jitter();
    let end = word.end + jitter();
    if (profile.timing === 'ordered') {
      start = Math.max(previousStart, start);
      end = Math.max(start + 0.03, end);
    } else {
      if (rng.chance(profile.overlapRate)) end += rng.uniform(0.05, 0.25);
      if (rng.chance(profile.displacedRate)) {
        const shift = rng.uniform(0.8, 2);
        start -= shift;
        end -= shift;
      }
      end = Math.max(start + 0.01, end);
    }
    word.start = ROUND(Math.max(0, start));
    word.end = ROUND(Math.max(0, end));
    previousStart = word.start;
  }
}

/**
 * Deepgram-style diarization: ids in order of first appearance; some turn boundaries slip (the new speaker's first
 * words keep the previous id) and some turns get another speaker's id. Returns the id of every word.
 */
export function diarize(rng: Rng, profile: SessionProfile, trueSpeakers: readonly number[]): number[] | undefined {
  const diarization = profile.diarization;
  if (diarization === undefined) return undefined;
  const idOf = new Map<number, number>();
  const ids = trueSpeakers.map((speaker) => {
    let id = idOf.get(speaker);
    if (id === undefined) {
      id = idOf.size;
      idOf.set(speaker, id);
    }
    return id;
  });
  const out = [...ids];
  let turnStart = 0;
  for (let i = 1; i <= ids.length; i += 1) {
    if (i < ids.length && trueSpeakers[i] === trueSpeakers[i - 1]) continue;
    // The turn [turnStart, i) ends here.
    if (rng.chance(diarization.turnConfusion) && idOf.size > 1) {
      const other = (ids[turnStart] ?? 0) + rng.int(1, idOf.size - 1);
      out.fill(other % idOf.size, turnStart, i);
    }
    if (turnStart > 0 && rng.chance(diarization.boundarySlip)) {
      const slipped = Math.min(rng.int(1, 2), i - turnStart - 1);
      for (let k = turnStart; k < turnStart + slipped; k += 1) out[k] = out[turnStart - 1] ?? 0;
    }
    turnStart = i;
  }
  return out;
}
