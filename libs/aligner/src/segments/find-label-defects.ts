import type { Word } from '@astra/contracts';
import { OP_MATCH, OP_NEAR, OP_SUBSTITUTION, type TokenAlignment } from '../match/align-gap';
import type { ActaStream, TranscriptStream } from '../match/build-streams';
import { stringEditDistance, type EditDistanceScratch } from '../score/compute-error-rates';
import { isNumberWord } from '../spanish/number-to-spanish-words';
import { createIsContentWord, fillerPhraseAt } from '../spanish/spoken-word-class';

/**
 * Where a label and the speech disagree in a way no CER threshold may forgive, as prefix counts (length n + 1) so
 * any span is checked in O(1) with {@link countIn}:
 * - `missingSpeech` (transcript tokens): an ASR word no acta word accounts for that looks like real speech — a
 *   content word, heard with confidence, not a filler, not a repetition of its neighbours. A label over it lost
 *   words that were said.
 * - `extraText` (acta tokens): acta content words the ASR did not hear where the audio leaves no time for them —
 *   the acta carries words nobody said.
 * - `speakerChange` (transcript tokens): the diarized speaker differs from the previous word's.
 */
export interface LabelDefects {
  missingSpeech: Int32Array;
  extraText: Int32Array;
  speakerChange: Int32Array;
  /** Some transcript word carries a diarized `speaker`. */
  diarized: boolean;
  /** Whether transcript tokens [first, last] cross a change of speaker, a diarization slip at an edge aside. */
  crossesSpeakerChange(first: number, last: number): boolean;
}

export interface LabelDefectsInput {
  acta: ActaStream;
  transcript: TranscriptStream;
  words: readonly Word[];
  vocabulary: readonly string[];
  alignment: TokenAlignment;
  language: string;
  scratch: EditDistanceScratch;
}

/** The input plus the session's speaking rate and ordinary gap between two words. */
interface DefectContext extends LabelDefectsInput {
  secPerLetter: number;
  wordGapSec: number;
  /** Duration of every transcript token: its word's, shared by letters among the word's tokens ("25.000"). */
  tokenSec: Float64Array;
  /** Whether a vocabulary id is a content word ({@link spokenWordClass}). */
  isContent: (id: number) => boolean;
}

/** Below this confidence an unmatched ASR word is the recogniser's own guess, not evidence of speech. */
const NOISE_CONFIDENCE = 0.5;
/** An ASR this sure of a word heard it: it is no mishearing of a different acta word. */
const CERTAIN_CONFIDENCE = 0.9;
/** Letters two words share at their start to be the same word inflected otherwise (or a short word whole). */
const STEM_LETTERS = 4;
/** Words at a span's edge whose diarized speaker may have slipped from the neighbouring turn. */
const MAX_SLIP_WORDS = 2;
/** Longest repeated run (in tokens) recognised as a restart: "de la de la", "que el que el". */
const MAX_REPEAT = 3;
/** How far (tokens) to look for the matched neighbours that bound an unmatched ASR word's acta window. */
const NEIGHBOUR_REACH = 8;
/** Acta words with less than this share of their expected duration available in the audio were not said. */
const EXTRA_TEXT_TIME_SHARE = 0.5;
/** ASR words heard in place of acta words last at most this many times as long (plus the slack) as those would. */
const SUBSTITUTION_TIME_RATIO = 1.4;
const SUBSTITUTION_TIME_SLACK_SEC = 0.1;
/** Mid-sentence pauses shorter than this are ordinary hesitations, not the place of a word the ASR dropped. */
const MIN_DROPPED_PAUSE_SEC = 0.3;
/** Shortest time a word takes to say ("a", "y"): a gap shorter than this never hides a dropped word. */
const MIN_WORD_SEC = 0.1;
/** Seconds per letter when the transcript is too short to measure its speaking rate. */
const DEFAULT_SEC_PER_LETTER = 0.07;
const MIN_RATE_SAMPLES = 20;

/** Number of counted tokens in `[first, last]` (inclusive; 0 for an empty range). */
export function countIn(prefix: Int32Array, first: number, last: number): number {
  if (last < first) return 0;
  return (prefix[last + 1] ?? 0) - (prefix[Math.max(0, first)] ?? 0);
}

function prefixOf(flags: Uint8Array): Int32Array {
  const prefix = new Int32Array(flags.length + 1);
  for (let k = 0; k < flags.length; k += 1) prefix[k + 1] = (prefix[k] ?? 0) + (flags[k] ?? 0);
  return prefix;
}

/** Letters and digits of a word (ASCII fast path; any other character above U+00BF counts as a letter). */
function lettersOf(text: string): number {
  let count = 0;
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0) count += 1;
  }
  return count;
}

/** Median of the values (sorted in place). */
function median(values: Float64Array, fallback: number): number {
  if (values.length === 0) return fallback;
  values.sort();
  return values[values.length >> 1] ?? fallback;
}

/** Every SAMPLE_STEP-th word is enough to measure a session's rate and gaps. */
const SAMPLE_STEP = 5;

/** The session's speaking rate: median seconds per letter of its words. */
function secondsPerLetter(words: readonly Word[]): number {
  const rates = new Float64Array(Math.ceil(words.length / SAMPLE_STEP));
  let count = 0;
  for (let w = 0; w < words.length; w += SAMPLE_STEP) {
    const word = words[w];
    if (word === undefined || word.end <= word.start) continue;
    const letters = lettersOf(word.text);
    if (letters >= 3) rates[count++] = (word.end - word.start) / letters;
  }
  return count < MIN_RATE_SAMPLES ? DEFAULT_SEC_PER_LETTER : median(rates.subarray(0, count), DEFAULT_SEC_PER_LETTER);
}

function tokenDurations(input: LabelDefectsInput): Float64Array {
  const { transcript, words, vocabulary } = input;
  const sec = new Float64Array(transcript.ids.length);
  let first = 0;
  while (first < transcript.ids.length) {
    const w = transcript.word[first] ?? 0;
    let end = first;
    let letters = 0;
    while (end < transcript.ids.length && transcript.word[end] === w) {
      letters += (vocabulary[transcript.ids[end] ?? 0] ?? '').length;
      end += 1;
    }
    const duration = (words[w]?.end ?? 0) - (words[w]?.start ?? 0);
    for (let j = first; j < end; j += 1) {
      sec[j] = (duration * (vocabulary[transcript.ids[j] ?? 0] ?? '').length) / Math.max(1, letters);
    }
    first = end;
  }
  return sec;
}

/** How long a word of `letters` letters takes to say at the session's rate. */
function saidDuration(input: DefectContext, letters: number): number {
  return Math.max(MIN_WORD_SEC, input.secPerLetter * letters);
}

/** The session's ordinary silence between two words of a stretch of speech: the median gap. */
function ordinaryWordGap(words: readonly Word[]): number {
  const gaps = new Float64Array(Math.ceil(words.length / SAMPLE_STEP));
  let count = 0;
  for (let w = 1; w < words.length; w += SAMPLE_STEP) {
    const gap = (words[w]?.start ?? 0) - (words[w - 1]?.end ?? 0);
    if (gap >= 0 && gap < 1) gaps[count++] = gap;
  }
  return median(gaps.subarray(0, count), 0);
}

/** Tokens [s, s + k) equal tokens [t, t + k) (all inside the stream). */
function sameRun(ids: Int32Array, s: number, t: number, k: number): boolean {
  if (s < 0 || t < 0 || s + k > ids.length || t + k > ids.length) return false;
  for (let d = 0; d < k; d += 1) if (ids[s + d] !== ids[t + d]) return false;
  return true;
}

/** Token j lies in a run of up to MAX_REPEAT tokens said twice in a row ("la la", "de la de la"). */
function isRepetition(ids: Int32Array, j: number): boolean {
  for (let k = 1; k <= MAX_REPEAT; k += 1) {
    for (let s = j - k + 1; s <= j; s += 1) {
      if (sameRun(ids, s, s - k, k) || sameRun(ids, s, s + k, k)) return true;
    }
  }
  return false;
}

/** "presu" before "presupuesto": a word broken off and said again. */
function isFalseStart(form: string, neighbour: string | undefined): boolean {
  return neighbour !== undefined && form.length >= 2 && form.length < neighbour.length && neighbour.startsWith(form);
}

/** At most `limit` edits apart (the length difference alone is a lower bound, checked first: most pairs fail it). */
function withinEdits(input: LabelDefectsInput, x: string, y: string, limit: number): boolean {
  return Math.abs(x.length - y.length) <= limit && stringEditDistance(x, y, input.scratch) <= limit;
}

function closeEnough(input: LabelDefectsInput, x: string, target: string): boolean {
  return withinEdits(input, x, target, Math.max(1, Math.floor(target.length / 4)));
}

/**
 * The label accounts for unmatched ASR token j: near j the acta has the same word left unmatched (the two sides
 * ordered it differently), or the ASR split one acta word in two ("presupuesto aria" for "presupuestaria").
 */
function isAccounted(input: LabelDefectsInput, j: number): boolean {
  const { acta, transcript, vocabulary, alignment } = input;
  const b = transcript.ids;
  const form = vocabulary[b[j] ?? 0] ?? '';
  let left = j - 1;
  while (left >= 0 && j - left <= NEIGHBOUR_REACH && (alignment.pairB[left] ?? -1) < 0) left -= 1;
  let right = j + 1;
  while (right < b.length && right - j <= NEIGHBOUR_REACH && (alignment.pairB[right] ?? -1) < 0) right += 1;
  const iLeft = left >= 0 ? (alignment.pairB[left] ?? -1) : -1;
  const iRight = right < b.length ? (alignment.pairB[right] ?? -1) : -1;
  if (iLeft < 0 && iRight < 0) return false;
  const from = Math.max(0, (iLeft >= 0 ? iLeft : iRight) - 2);
  const to = Math.min(acta.ids.length - 1, (iRight >= 0 ? iRight : iLeft) + 2);
  for (let i = from; i <= to && i - from <= 4 * NEIGHBOUR_REACH; i += 1) {
    if (acta.ids[i] === b[j] && alignment.opA[i] !== OP_MATCH) return true;
  }
  const splitOf = (paired: number, before: boolean): boolean => {
    const i = alignment.pairB[paired] ?? -1;
    const op = i >= 0 ? alignment.opA[i] : undefined;
    if (op !== OP_NEAR && op !== OP_SUBSTITUTION) return false;
    const other = vocabulary[b[paired] ?? 0] ?? '';
    return closeEnough(input, before ? other + form : form + other, vocabulary[acta.ids[i] ?? 0] ?? '');
  };
  return (left === j - 1 && splitOf(left, true)) || (right === j + 1 && splitOf(right, false));
}

/**
 * Transcript token j sounds like real speech: a content word heard with confidence, no filler, no repetition or
 * false start of its neighbours, not accounted for by a nearby acta word.
 */
function isSpeechLike(input: DefectContext, j: number, formAt: (k: number) => string | undefined): boolean {
  const { transcript, words, language } = input;
  const form = formAt(j) ?? '';
  if (!input.isContent(transcript.ids[j] ?? 0)) return false;
  const confidence = words[transcript.word[j] ?? 0]?.confidence;
  if (confidence !== undefined && confidence < NOISE_CONFIDENCE) return false;
  if (fillerPhraseAt(formAt, j, language) || isRepetition(transcript.ids, j)) return false;
  if (isFalseStart(form, formAt(j + 1)) || isFalseStart(form, formAt(j - 1))) return false;
  return (input.alignment.pairB[j] ?? -1) >= 0 || !isAccounted(input, j);
}

/**
 * The acta words (their expected durations) strictly between matched tokens iLeft and iRight that may stand for
 * speech-like ASR words
 * heard between transcript tokens left and right (a misheard word takes the place of the word said). Not those the
 * ASR visibly heard as a noise word (the same word or one edit away: "los" heard as "lo"), nor those that fit in
 * the silence the ASR words leave beyond ordinary word gaps (said there and dropped by the ASR).
 */
function absorbingActaWords(input: DefectContext, gap: HeardGap): number[] {
  const { acta, transcript, words, vocabulary } = input;
  const { left, right, iLeft, iRight, speechLike } = gap;
  const formOf = (id: number | undefined): string => vocabulary[id ?? 0] ?? '';
  const free: { form: string; sec: number }[] = [];
  for (let i = iLeft + 1; i < iRight; i += 1) {
    const form = formOf(acta.ids[i]);
    free.push({ form, sec: saidDuration(input, form.length) });
  }
  for (let j = left + 1; j < right && free.length > 0; j += 1) {
    if (speechLike(j)) continue;
    const heard = formOf(transcript.ids[j]);
    // A noise word the ASR visibly heard for an acta word ("lo" for "los") takes that word; a content word it
    // doubted is a misrecognition of something said here: it takes the acta word closest to it in length of time.
    let taken = free.findIndex(
      (w) => w.form === heard || withinEdits(input, heard, w.form, w.form.length >= 8 ? 2 : 1),
    );
    if (taken < 0 && input.isContent(transcript.ids[j] ?? 0)) {
      const sec = input.tokenSec[j] ?? 0;
      taken = free.reduce(
        (best, w, k) => (Math.abs(w.sec - sec) < Math.abs((free[best]?.sec ?? 0) - sec) ? k : best),
        0,
      );
    }
    if (taken >= 0) free.splice(taken, 1);
  }
  const needs = free.map((w) => EXTRA_TEXT_TIME_SHARE * w.sec);
  const wLeft = transcript.word[left] ?? 0;
  const wRight = transcript.word[right] ?? 0;
  if (needs.length === 0 || wRight <= wLeft) return needs.map((need) => need / EXTRA_TEXT_TIME_SHARE);
  // Each pause between the heard words may hold dropped words; one too short to be more than a breath holds none.
  const pauses: number[] = [];
  for (let w = wLeft + 1; w <= wRight; w += 1) {
    const pause = (words[w]?.start ?? 0) - (words[w - 1]?.end ?? 0) - input.wordGapSec;
    if (pause >= MIN_DROPPED_PAUSE_SEC) pauses.push(pause);
  }
  needs.sort((x, y) => x - y);
  const absorbing: number[] = [];
  for (const need of needs) {
    const at = pauses.findIndex((pause) => pause >= need);
    if (at >= 0) pauses[at] = (pauses[at] ?? 0) - need;
    else absorbing.push(need / EXTRA_TEXT_TIME_SHARE);
  }
  return absorbing;
}

/**
 * ASR tokens strictly between matched tokens `left` and `right` of the transcript, facing the acta tokens strictly
 * between `iLeft` and `iRight` (the same fragment).
 */
type HeardGap = {
  left: number;
  right: number;
  iLeft: number;
  iRight: number;
  speechLike: (j: number) => boolean;
};

/**
 * Between two consecutive matched words (exact or near) of one fragment the acta has n words and the ASR heard m:
 * misheard words pair up one to one, so speech-like ASR words beyond the acta's n are words the label lacks.
 * Their unmatched tokens are flagged.
 */
function findMissingSpeech(input: DefectContext): Uint8Array {
  const { acta, transcript, vocabulary, alignment } = input;
  const b = transcript.ids;
  const formAt = (k: number): string | undefined => (k < 0 || k >= b.length ? undefined : vocabulary[b[k] ?? 0]);
  const flags = new Uint8Array(b.length);
  // 0: not computed, 1: speech-like, 2: not.
  const speech = new Uint8Array(b.length);
  const speechLike = (j: number): boolean => {
    if (speech[j] === 0) speech[j] = isSpeechLike(input, j, formAt) ? 1 : 2;
    return speech[j] === 1;
  };
  const isAnchor = (j: number): boolean => {
    const i = alignment.pairB[j] ?? -1;
    return i >= 0 && (alignment.opA[i] === OP_MATCH || alignment.opA[i] === OP_NEAR);
  };
  let left = -1;
  for (let right = 0; right <= b.length; right += 1) {
    if (right < b.length && !isAnchor(right)) continue;
    let heard = 0;
    let heardSec = 0;
    for (let j = left + 1; j < right; j += 1) {
      if (!speechLike(j)) continue;
      heard += 1;
      heardSec += input.tokenSec[j] ?? 0;
    }
    if (heard > 0) {
      const iLeft = left >= 0 ? (alignment.pairB[left] ?? -1) : -1;
      const iRight = right < b.length ? (alignment.pairB[right] ?? -1) : -1;
      const bounded = iLeft >= 0 && iRight > iLeft && acta.fragment[iLeft] === acta.fragment[iRight];
      const gap: HeardGap = { left, right, iLeft, iRight, speechLike };
      const absorbing = bounded ? absorbingActaWords(input, gap) : [];
      // A misheard word takes the time of the word said: speech far longer than the acta words it would replace
      // is more than they are ("realmente" heard where the acta has "y").
      const actaSec = absorbing.reduce((total, sec) => total + sec, 0);
      const tooLong = heardSec > SUBSTITUTION_TIME_RATIO * actaSec + SUBSTITUTION_TIME_SLACK_SEC;
      const lacked = bounded && heardWordTheActaLacks(input, gap);
      if (heard > absorbing.length || tooLong || lacked)
        for (let j = left + 1; j < right; j += 1) if (speechLike(j)) flags[j] = 1;
    }
    left = right;
  }
  return flags;
}

/**
 * A heard speech-like word that cannot be a mishearing of the acta words it faces, whatever the counts say:
 * - a **figure** the acta does not have there while it has others ("dos meses" said, "10 meses" written): label
 *   and speech disagree on a number, and whichever is wrong, the label cannot be trusted for this audio;
 * - a word the ASR is **sure of** (confidence ≥ CERTAIN_CONFIDENCE) that resembles none of them ("realmente"
 *   heard where the acta has "olivos"): a recogniser that misheard is rarely that sure.
 */
function heardWordTheActaLacks(input: DefectContext, gap: HeardGap): boolean {
  const { acta, transcript, words, vocabulary } = input;
  const { left, right, iLeft, iRight, speechLike } = gap;
  const actaForms: string[] = [];
  const actaFigures = new Set<string>();
  for (let i = iLeft + 1; i < iRight; i += 1) {
    const form = vocabulary[acta.ids[i] ?? 0] ?? '';
    actaForms.push(form);
    if (isNumberWord(form)) actaFigures.add(form);
  }
  for (let j = left + 1; j < right; j += 1) {
    if (!speechLike(j)) continue;
    const heard = vocabulary[transcript.ids[j] ?? 0] ?? '';
    if (actaFigures.size > 0 && isNumberWord(heard) && !actaFigures.has(heard)) return true;
    if ((words[transcript.word[j] ?? 0]?.confidence ?? 0) < CERTAIN_CONFIDENCE) continue;
    if (!actaForms.some((form) => closeEnough(input, heard, form) || sharedStem(heard, form))) return true;
  }
  return false;
}

/** Same stem, other ending ("presupuestario" heard for "presupuesto"): a mishearing or a reworded inflection. */
function sharedStem(x: string, y: string): boolean {
  const shorter = Math.min(x.length, y.length);
  let common = 0;
  while (common < shorter && x.charCodeAt(common) === y.charCodeAt(common)) common += 1;
  return common >= Math.min(STEM_LETTERS, shorter);
}

/**
 * Runs of unmatched acta tokens between two matched ones whose ASR words are adjacent (nothing heard in between):
 * flagged when they hold a content word and the audio between the two heard words — their pause plus whatever
 * they last beyond their own expected length, where an ASR tends to put a word it dropped — is under half the
 * time the run takes to say.
 */
function findExtraText(input: DefectContext): Uint8Array {
  const { acta, transcript, words, vocabulary, alignment } = input;
  const flags = new Uint8Array(acta.ids.length);
  const { secPerLetter } = input;
  const slack = (word: Word): number =>
    Math.max(0, word.end - word.start - secPerLetter * Math.max(1, lettersOf(word.text)));
  for (let i = 1; i < acta.ids.length; i += 1) {
    if ((alignment.pairA[i] ?? -1) >= 0 || (alignment.pairA[i - 1] ?? -1) < 0) continue;
    let end = i;
    while (end < acta.ids.length && (alignment.pairA[end] ?? -1) < 0) end += 1;
    const fragment = acta.fragment[i];
    if (end >= acta.ids.length || acta.fragment[i - 1] !== fragment || acta.fragment[end] !== fragment) continue;
    const j0 = alignment.pairA[i - 1] ?? -1;
    const j1 = alignment.pairA[end] ?? -1;
    const w0 = transcript.word[j0] ?? 0;
    const w1 = transcript.word[j1] ?? 0;
    if (j1 !== j0 + 1 || w1 === w0) continue;
    let letters = 0;
    let content = false;
    for (let k = i; k < end; k += 1) {
      const id = acta.ids[k] ?? 0;
      letters += (vocabulary[id] ?? '').length;
      if (input.isContent(id)) content = true;
    }
    const before = words[w0];
    const after = words[w1];
    if (!content || before === undefined || after === undefined) continue;
    const available = Math.max(0, after.start - before.end) + slack(before) + slack(after);
    if (available < EXTRA_TEXT_TIME_SHARE * Math.max(saidDuration(input, letters), MIN_WORD_SEC * (end - i)))
      flags.fill(1, i, end);
  }
  return flags;
}

function findSpeakerChanges(input: LabelDefectsInput): { flags: Uint8Array; diarized: boolean } {
  const { transcript, words } = input;
  const flags = new Uint8Array(transcript.ids.length);
  const speakerOf = new Int32Array(words.length);
  let diarized = false;
  for (let w = 0; w < words.length; w += 1) {
    const speaker = words[w]?.speaker;
    speakerOf[w] = speaker ?? -1;
    if (speaker !== undefined) diarized = true;
  }
  if (!diarized) return { flags, diarized };
  for (let j = 1; j < transcript.ids.length; j += 1) {
    const previous = speakerOf[transcript.word[j - 1] ?? 0] ?? -1;
    const current = speakerOf[transcript.word[j] ?? 0] ?? -1;
    if (previous >= 0 && current >= 0 && previous !== current) flags[j] = 1;
  }
  return { flags, diarized };
}

/**
 * Diarization detects a change of voice late: the first word or two of a turn often carry the previous speaker's
 * id. A span whose only change of speaker comes after at most MAX_SLIP_WORDS words at its start, those and the
 * next two being words of the label (exact or near matches), is one speaker: the label's own words outvote the
 * slipped id. A change near a span's end is a new voice starting (detected early, if anything), never tolerated.
 */
function createChangeCheck(input: LabelDefectsInput, prefix: Int32Array): (first: number, last: number) => boolean {
  const { transcript, alignment } = input;
  const labelled = (from: number, to: number): boolean => {
    for (let j = from; j <= to; j += 1) {
      const i = alignment.pairB[j] ?? -1;
      if (i < 0 || (alignment.opA[i] !== OP_MATCH && alignment.opA[i] !== OP_NEAR)) return false;
    }
    return true;
  };
  const wordsIn = (from: number, to: number): number =>
    to < from ? 0 : (transcript.word[to] ?? 0) - (transcript.word[from] ?? 0) + 1;
  return (first, last) => {
    const changes = countIn(prefix, first + 1, last);
    if (changes === 0) return false;
    if (changes > 1) return true;
    let at = first + 1;
    while (at <= last && countIn(prefix, at, at) === 0) at += 1;
    const head = wordsIn(first, at - 1);
    const tail = wordsIn(at, last);
    // The slipped words and the two words past the change are the label's: the turn starts at the span's start.
    return !(head <= MAX_SLIP_WORDS && head < tail && labelled(first, Math.min(last, at + 1)));
  };
}

export function findLabelDefects(input: LabelDefectsInput): LabelDefects {
  const speakers = findSpeakerChanges(input);
  const context: DefectContext = {
    ...input,
    secPerLetter: secondsPerLetter(input.words),
    wordGapSec: ordinaryWordGap(input.words),
    tokenSec: tokenDurations(input),
    isContent: createIsContentWord(input.vocabulary, input.language),
  };
  const speakerChange = prefixOf(speakers.flags);
  return {
    missingSpeech: prefixOf(findMissingSpeech(context)),
    extraText: prefixOf(findExtraText(context)),
    speakerChange,
    diarized: speakers.diarized,
    crossesSpeakerChange: createChangeCheck(input, speakerChange),
  };
}
