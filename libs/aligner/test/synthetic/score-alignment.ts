import { computeCer, normalizeForMatch } from '../../src/index';
import type { TruthKind, TruthWord } from './generate-session';

/** What the scorer needs of an output segment (ours or the baseline's). */
export interface ScoredSpan {
  offset: number;
  duration: number;
  text: string;
  /** The acta speaker the segment is labelled with, when it says. */
  speaker?: string;
}

/** Said words a label must not leave out: real speech that is no part of it (fillers and repetitions may be). */
const MISSING_SPEECH_KINDS: ReadonlySet<TruthKind> = new Set([
  'omitted',
  'extra',
  'interjection',
  'summarised',
  'chatter',
  'procedural',
]);

/**
 * The bench's own closed-class list (match form): a label leaving out one of these is smoothing, not lost speech.
 * Negations are content.
 */
const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  [
    // articles and determiners
    'el la los las lo uno unos unas al del este esta estos estas ese esa esos esas eso esto aquel aquella',
    // prepositions
    'a ante bajo con contra de desde durante en entre hacia hasta mediante para por segun sin sobre tras',
    // conjunctions and relatives
    'y e o u que pero sino aunque porque pues como cuando donde si ya mas muy tan cual quien',
    // pronouns and possessives
    'yo tu el ella ellos ellas me te se nos os le les mi mis tus su sus nuestro nuestra nuestros nuestras vuestro vuestra vuestros vuestras',
    // auxiliaries and copulas
    'es son ser sea fue era ha han he has hemos haber hay esta estan estamos',
  ]
    .join(' ')
    .split(' '),
);

/** Below this ASR confidence a word is the recogniser's own guess (what the issue lets a label leave out). */
const HEARD_CONFIDENCE = 0.5;

/** The ASR output a confident content word for it: visible evidence of speech (whatever the word). */
function heardAsSpeech(word: TruthWord): boolean {
  if (word.heardConfidence < HEARD_CONFIDENCE) return false;
  return normalizeForMatch(word.heardText).some((token) => !FUNCTION_WORDS.has(token));
}

/** Indices of `truth` tokens matched by `label` tokens in a longest common subsequence. */
function matchedTruthTokens(label: readonly string[], truth: readonly string[]): Uint8Array {
  const n = label.length;
  const m = truth.length;
  const table = new Int32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      table[i * (m + 1) + j] =
        label[i] === truth[j]
          ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
          : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const matched = new Uint8Array(m);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (label[i] === truth[j]) {
      matched[j] = 1;
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return matched;
}

/**
 * Said content words of the span that its label lacks, of the kinds no label may lack: `any`, and `heard` (those
 * the ASR output with confidence, i.e. what an aligner can see).
 */
function missingSpeech(label: string, inside: readonly TruthWord[]): { any: boolean; heard: boolean } {
  const tokens: string[] = [];
  const owner: number[] = [];
  inside.forEach((word, k) => {
    for (const token of normalizeForMatch(word.text)) {
      tokens.push(token);
      owner.push(k);
    }
  });
  const matched = matchedTruthTokens(normalizeForMatch(label), tokens);
  const missing = new Set<number>();
  tokens.forEach((token, t) => {
    const word = inside[owner[t] ?? 0];
    if (matched[t] === 1 || word === undefined || !MISSING_SPEECH_KINDS.has(word.kind)) return;
    if (!FUNCTION_WORDS.has(token)) missing.add(owner[t] ?? 0);
  });
  const words = [...missing].map((k) => inside[k]);
  return { any: words.length > 0, heard: words.some((w) => w !== undefined && heardAsSpeech(w)) };
}

export interface AlignmentScore {
  segments: number;
  outputDurationSec: number;
  /** Output duration whose label is right (CER against what was truly said ≤ threshold). */
  goodDurationSec: number;
  /** Share of output duration with a right label. */
  precision: number;
  /** Share of truly alignable speech (words of verbatim acta fragments, by duration) inside right segments. */
  recall: number;
  alignableDurationSec: number;
  /** Segment boundaries that fall inside a truly spoken word. */
  cutWords: number;
  /** Pairs of output segments that overlap in time. */
  overlaps: number;
  /** Mean label CER against the truth, weighted by duration. */
  meanLabelCer: number;
  /**
   * Segments holding a said content word their label lacks (omitted by the acta, someone else's words, …; fillers,
   * repetitions and function words aside) for which the ASR output a content word with confidence ≥ 0.5: what an
   * aligner can see and must never keep.
   */
  missingSpeechSegments: number;
  /** The same counting words the ASR dropped too (no trace in the transcript but a pause). */
  missingSpeechAnySegments: number;
  /** Segments spanning a change of true speaker between words the ASR output (what diarization can show). */
  speakerChangeSegments: number;
  /** The same counting words the ASR dropped too. */
  speakerChangeAnySegments: number;
  /** Segments whose `speaker` is not who truly spoke (most of) them. */
  wrongSpeakerSegments: number;
}

export interface ScoreOptions {
  /** A label is right when its CER against the truth is at most this (default 0.10). */
  cerThreshold?: number;
  /** A boundary closer than this to a word edge does not count as cutting it (default 0.01 s). */
  toleranceSec?: number;
}

/** Index of the first truth word whose midpoint is ≥ t (truth is sorted by time). */
function firstMidAtOrAfter(truth: readonly TruthWord[], t: number): number {
  let lo = 0;
  let hi = truth.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const word = truth[mid];
    if (word !== undefined && (word.start + word.end) / 2 < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function firstEndAfter(truth: readonly TruthWord[], t: number): number {
  let lo = 0;
  let hi = truth.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const word = truth[mid];
    if (word !== undefined && word.end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function cutsWord(truth: readonly TruthWord[], t: number, tolerance: number): boolean {
  const word = truth[firstEndAfter(truth, t)];
  return word !== undefined && word.start + tolerance < t && t < word.end - tolerance;
}

/**
 * Scores output segments against the ground truth of a synthetic session: every segment's label is compared
 * (match-normalised CER) with the words truly said in its span (words whose midpoint lies inside it).
 */
export function scoreAlignment(
  spans: readonly ScoredSpan[],
  truth: readonly TruthWord[],
  options: ScoreOptions = {},
): AlignmentScore {
  const threshold = options.cerThreshold ?? 0.1;
  const tolerance = options.toleranceSec ?? 0.01;
  const sorted = [...spans].sort((x, y) => x.offset - y.offset);
  let outputDuration = 0;
  let goodDuration = 0;
  let weightedCer = 0;
  let cutWords = 0;
  let overlaps = 0;
  let furthestEnd = Number.NEGATIVE_INFINITY;
  let missingSpeechHeard = 0;
  let missingSpeechAny = 0;
  let speakerChanges = 0;
  let speakerChangesAny = 0;
  let wrongSpeaker = 0;
  const good: ScoredSpan[] = [];
  for (const span of sorted) {
    const end = span.offset + span.duration;
    const first = firstMidAtOrAfter(truth, span.offset);
    const last = firstMidAtOrAfter(truth, end);
    const inside = truth.slice(first, last);
    const said = inside.map((w) => w.text).join(' ');
    const missing = missingSpeech(span.text, inside);
    if (missing.heard) missingSpeechHeard += 1;
    if (missing.any) missingSpeechAny += 1;
    const speakers = new Map<string, number>();
    for (const w of inside) speakers.set(w.speaker, (speakers.get(w.speaker) ?? 0) + 1);
    if (speakers.size > 1) speakerChangesAny += 1;
    if (new Set(inside.filter((w) => w.heardConfidence > 0).map((w) => w.speaker)).size > 1) speakerChanges += 1;
    const main = [...speakers.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    if (span.speaker !== undefined && main !== undefined && main !== span.speaker) wrongSpeaker += 1;
    const cer = Math.min(1, computeCer(said, span.text));
    outputDuration += span.duration;
    weightedCer += cer * span.duration;
    if (cer <= threshold) {
      goodDuration += span.duration;
      good.push(span);
    }
    if (cutsWord(truth, span.offset, tolerance)) cutWords += 1;
    if (cutsWord(truth, end, tolerance)) cutWords += 1;
    if (span.offset < furthestEnd - 1e-6) overlaps += 1;
    furthestEnd = Math.max(furthestEnd, end);
  }
  let alignable = 0;
  let covered = 0;
  let g = 0;
  for (const word of truth) {
    if (!word.alignable) continue;
    const duration = word.end - word.start;
    const mid = (word.start + word.end) / 2;
    alignable += duration;
    while (g < good.length && (good[g]?.offset ?? 0) + (good[g]?.duration ?? 0) < mid) g += 1;
    const span = good[g];
    if (span !== undefined && span.offset <= mid && mid <= span.offset + span.duration) covered += duration;
  }
  return {
    segments: spans.length,
    outputDurationSec: outputDuration,
    goodDurationSec: goodDuration,
    precision: outputDuration > 0 ? goodDuration / outputDuration : 0,
    recall: alignable > 0 ? covered / alignable : 0,
    alignableDurationSec: alignable,
    cutWords,
    overlaps,
    meanLabelCer: outputDuration > 0 ? weightedCer / outputDuration : 0,
    missingSpeechSegments: missingSpeechHeard,
    missingSpeechAnySegments: missingSpeechAny,
    speakerChangeSegments: speakerChanges,
    speakerChangeAnySegments: speakerChangesAny,
    wrongSpeakerSegments: wrongSpeaker,
  };
}
