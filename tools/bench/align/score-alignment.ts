import { computeCer } from '@astra/aligner';
import type { TruthWord } from './generate-session';

/** What the scorer needs of an output segment (ours or the baseline's). */
export interface ScoredSpan {
  offset: number;
  duration: number;
  text: string;
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
  const good: ScoredSpan[] = [];
  for (const span of sorted) {
    const end = span.offset + span.duration;
    const first = firstMidAtOrAfter(truth, span.offset);
    const last = firstMidAtOrAfter(truth, end);
    const said = truth
      .slice(first, last)
      .map((w) => w.text)
      .join(' ');
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
  };
}
