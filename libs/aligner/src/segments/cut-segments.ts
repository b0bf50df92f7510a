import type { Word } from '@astra/core-client';
import { OP_MATCH, OP_NEAR, OP_NONE, OP_SUBSTITUTION, type TokenAlignment } from '../match/align-gap';
import type { ResolvedAlignOptions } from '../align-options';
import type { ActaStream, LabelFragment, TranscriptStream } from '../match/build-streams';

/** A candidate span: acta tokens [aFirst, aLast] paired with transcript tokens [bFirst, bLast], cut at `offset`/`end`. */
export interface Candidate {
  fragmentIndex: number;
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  offset: number;
  end: number;
  /** 0 … 1: how clean the two cuts are (pause length, sentence boundary); 0 when an edge could not be placed. */
  boundaryConfidence: number;
}

export interface CutInput {
  acta: ActaStream;
  transcript: TranscriptStream;
  words: readonly Word[];
  durationSec: number;
  vocabulary: readonly string[];
  alignment: TokenAlignment;
  solid: Uint8Array;
  options: ResolvedAlignOptions;
}

/** Most unmatched tokens (either side) between two solid matches of one block; more means no evidence there. */
const MAX_EVIDENCE_GAP = 4;
/** Misheard words a block may grow over at each end. */
const MAX_EDGE_SUBSTITUTIONS = 2;
const SENTENCE_BONUS_SEC = 0.5;
const SEGMENT_PENALTY_SEC = 0.5;
const NON_SENTENCE_CONFIDENCE = 0.85;
/** Padding at a block edge next to an acta word no ASR word accounts for. */
const TIGHT_PAD_SEC = 0.02;
const UNACCOUNTED_CONFIDENCE = 0.8;

interface CutPoint {
  /** Last tokens of the span ending here (-1 at a block start) and first tokens of the span starting here. */
  aBefore: number;
  bBefore: number;
  aAfter: number;
  bAfter: number;
  tEnd: number;
  tStart: number;
  confidence: number;
}

/** Prefix sums over both streams so any span's approximate CER and coverage cost O(1). */
interface SpanCosts {
  refChars: Float64Array;
  errA: Float64Array;
  solid: Float64Array;
  errB: Float64Array;
}

function buildCosts(input: CutInput): SpanCosts {
  const { acta, transcript, vocabulary, alignment, solid } = input;
  const lengths = Int32Array.from(vocabulary, (word) => word.length + 1);
  const n = acta.ids.length;
  const refChars = new Float64Array(n + 1);
  const errA = new Float64Array(n + 1);
  const solidSum = new Float64Array(n + 1);
  for (let i = 0; i < n; i += 1) {
    const length = lengths[acta.ids[i] ?? 0] ?? 1;
    const op = alignment.opA[i] ?? OP_NONE;
    let error = length;
    if (op === OP_MATCH) error = 0;
    else if (op === OP_NEAR) error = 1;
    else if (op !== OP_NONE) error = Math.max(length, lengths[transcript.ids[alignment.pairA[i] ?? 0] ?? 0] ?? 1) - 1;
    refChars[i + 1] = (refChars[i] ?? 0) + length;
    errA[i + 1] = (errA[i] ?? 0) + error;
    solidSum[i + 1] = (solidSum[i] ?? 0) + (solid[i] ?? 0);
  }
  const m = transcript.ids.length;
  const errB = new Float64Array(m + 1);
  for (let j = 0; j < m; j += 1) {
    const inserted = (alignment.pairB[j] ?? -1) < 0 ? (lengths[transcript.ids[j] ?? 0] ?? 1) : 0;
    errB[j + 1] = (errB[j] ?? 0) + inserted;
  }
  return { refChars, errA, solid: solidSum, errB };
}

function sum(prefix: Float64Array, first: number, last: number): number {
  return (prefix[last + 1] ?? 0) - (prefix[first] ?? 0);
}

/** Approximate CER (token-level edit costs in characters) and coverage of a span. */
function spanQuality(
  costs: SpanCosts,
  aFirst: number,
  aLast: number,
  bFirst: number,
  bLast: number,
): { cer: number; coverage: number } {
  const ref = sum(costs.refChars, aFirst, aLast);
  const errors = sum(costs.errA, aFirst, aLast) + sum(costs.errB, bFirst, bLast);
  return {
    cer: ref > 0 ? errors / ref : 1,
    coverage: sum(costs.solid, aFirst, aLast) / Math.max(1, aLast - aFirst + 1),
  };
}

/** Cut times between transcript words `before` and `after` (either may be absent): mid-pause, at most `maxPad` away. */
function cutTimes(input: CutInput, before: number, after: number): { tEnd: number; tStart: number; pause: number } {
  const { words, options } = input;
  const previous = words[before];
  const next = words[after];
  if (previous !== undefined && next !== undefined) {
    const mid = (previous.end + next.start) / 2;
    return {
      tEnd: Math.min(mid, previous.end + options.maxPadSec),
      tStart: Math.max(mid, next.start - options.maxPadSec),
      pause: next.start - previous.end,
    };
  }
  if (previous !== undefined) {
    const limit = Math.max(input.durationSec, previous.end);
    return { tEnd: Math.min(previous.end + options.maxPadSec, limit), tStart: limit, pause: Number.POSITIVE_INFINITY };
  }
  const start = next?.start ?? 0;
  return { tEnd: 0, tStart: Math.max(0, start - options.maxPadSec), pause: Number.POSITIVE_INFINITY };
}

function confidenceOf(pause: number, sentence: boolean, minPauseSec: number): number {
  const byPause = minPauseSec > 0 ? Math.min(1, pause / (2 * minPauseSec)) : 1;
  return byPause * (sentence ? 1 : NON_SENTENCE_CONFIDENCE);
}

/** Splits a fragment's solid matches into blocks: monotone, with no evidence gap wider than MAX_EVIDENCE_GAP. */
function blocksOf(input: CutInput, fragment: LabelFragment): number[][] {
  const { alignment, solid } = input;
  const blocks: number[][] = [];
  let current: number[] = [];
  let prevI = -1;
  let prevJ = -1;
  for (let i = fragment.first; i < fragment.end; i += 1) {
    if (solid[i] !== 1) continue;
    const j = alignment.pairA[i] ?? -1;
    if (j < 0) continue;
    const breaks = prevI >= 0 && (j <= prevJ || i - prevI - 1 > MAX_EVIDENCE_GAP || j - prevJ - 1 > MAX_EVIDENCE_GAP);
    if (breaks && current.length > 0) {
      blocks.push(current);
      current = [];
    }
    current.push(i);
    prevI = i;
    prevJ = j;
  }
  if (current.length > 0) blocks.push(current);
  return blocks.map((block) => extendOverSubstitutions(input, fragment, block));
}

/**
 * Grows a block over up to MAX_EDGE_SUBSTITUTIONS one-to-one substitutions at each end (the ASR misheard the
 * first or last word): the acta word is then known to sit exactly where the misheard word is.
 */
function extendOverSubstitutions(input: CutInput, fragment: LabelFragment, block: number[]): number[] {
  const { alignment } = input;
  const out = [...block];
  for (let k = 0; k < MAX_EDGE_SUBSTITUTIONS; k += 1) {
    const i = (out[0] ?? 0) - 1;
    if (i < fragment.first || alignment.opA[i] !== OP_SUBSTITUTION) break;
    if (alignment.pairA[i] !== (alignment.pairA[i + 1] ?? 0) - 1) break;
    out.unshift(i);
  }
  for (let k = 0; k < MAX_EDGE_SUBSTITUTIONS; k += 1) {
    const i = (out[out.length - 1] ?? 0) + 1;
    if (i >= fragment.end || alignment.opA[i] !== OP_SUBSTITUTION) break;
    if (alignment.pairA[i] !== (alignment.pairA[i - 1] ?? 0) + 1) break;
    out.push(i);
  }
  return out;
}

/** Cut points of a block, in order: its start (when clean), the clean pauses inside, its end (when clean). */
function cutPointsOf(input: CutInput, fragment: LabelFragment, block: readonly number[]): CutPoint[] {
  const { acta, transcript, alignment, options } = input;
  const chunks = fragment.spoken.chunks;
  const wordOf = (j: number): number => transcript.word[j] ?? 0;
  const chunkOf = (i: number): number => acta.chunk[i] ?? 0;
  const points: CutPoint[] = [];
  const i0 = block[0] ?? 0;
  const j0 = alignment.pairA[i0] ?? 0;
  const startsChunk = i0 === fragment.first || chunkOf(i0 - 1) !== chunkOf(i0);
  const startsWord = j0 === 0 || wordOf(j0 - 1) !== wordOf(j0);
  const start = cutTimes(input, wordOf(j0) - 1, wordOf(j0));
  if (startsChunk && startsWord && start.pause >= options.minPauseSec) {
    const sentence = i0 === fragment.first || chunks[chunkOf(i0)]?.startsSentence === true;
    // An acta word just before the block that no ASR word accounts for may have been said (and missed by the
    // ASR) inside this pause: start right at the first word then, so the segment cannot take in part of it.
    const previousPair = alignment.pairA[i0 - 1] ?? -1;
    const accounted = i0 === fragment.first || (previousPair >= 0 && previousPair < j0);
    const firstWord = input.words[wordOf(j0)];
    const tStart =
      accounted || firstWord === undefined ? start.tStart : Math.max(start.tStart, firstWord.start - TIGHT_PAD_SEC);
    const confidence =
      confidenceOf(start.pause, sentence, options.minPauseSec) * (accounted ? 1 : UNACCOUNTED_CONFIDENCE);
    points.push({ aBefore: -1, bBefore: -1, aAfter: i0, bAfter: j0, tEnd: start.tEnd, tStart, confidence });
  }
  for (let k = 0; k + 1 < block.length; k += 1) {
    const p = block[k] ?? 0;
    const q = block[k + 1] ?? 0;
    const jp = alignment.pairA[p] ?? 0;
    const jq = alignment.pairA[q] ?? 0;
    if (q !== p + 1 || jq !== jp + 1 || chunkOf(p) === chunkOf(q) || wordOf(jp) === wordOf(jq)) continue;
    const cut = cutTimes(input, wordOf(jp), wordOf(jq));
    if (cut.pause < options.minPauseSec) continue;
    const sentence = chunks[chunkOf(p)]?.endsSentence === true;
    points.push({
      aBefore: p,
      bBefore: jp,
      aAfter: q,
      bAfter: jq,
      tEnd: cut.tEnd,
      tStart: cut.tStart,
      confidence: confidenceOf(cut.pause, sentence, options.minPauseSec),
    });
  }
  const iL = block[block.length - 1] ?? 0;
  const jL = alignment.pairA[iL] ?? 0;
  const endsChunk = iL === fragment.end - 1 || chunkOf(iL + 1) !== chunkOf(iL);
  const endsWord = jL === transcript.ids.length - 1 || wordOf(jL + 1) !== wordOf(jL);
  const end = cutTimes(input, wordOf(jL), wordOf(jL) + 1);
  if (endsChunk && endsWord && end.pause >= options.minPauseSec) {
    const sentence = iL === fragment.end - 1 || chunks[chunkOf(iL)]?.endsSentence === true;
    const nextPair = alignment.pairA[iL + 1] ?? -1;
    const accounted = iL === fragment.end - 1 || nextPair > jL;
    const lastWord = input.words[wordOf(jL)];
    const tEnd = accounted || lastWord === undefined ? end.tEnd : Math.min(end.tEnd, lastWord.end + TIGHT_PAD_SEC);
    const confidence =
      confidenceOf(end.pause, sentence, options.minPauseSec) * (accounted ? 1 : UNACCOUNTED_CONFIDENCE);
    points.push({ aBefore: iL, bBefore: jL, aAfter: -1, bAfter: -1, tEnd, tStart: end.tStart, confidence });
  }
  return points;
}

/**
 * Picks which consecutive cut points become segments: maximises kept duration (plus a bonus for sentence
 * boundaries, minus a small per-segment cost) under the duration, CER and coverage limits. O(points × window).
 */
function choosePairs(input: CutInput, costs: SpanCosts, points: readonly CutPoint[]): [number, number][] {
  const { options } = input;
  const count = points.length;
  const best = new Float64Array(count);
  const from = new Int32Array(count).fill(-1);
  for (let q = 1; q < count; q += 1) {
    best[q] = best[q - 1] ?? 0;
    from[q] = -1;
    const end = points[q];
    if (end === undefined) continue;
    for (let p = q - 1; p >= 0; p -= 1) {
      const start = points[p];
      if (start === undefined) break;
      const duration = end.tEnd - start.tStart;
      if (duration > options.maxDurationSec) break;
      if (duration < options.minDurationSec) continue;
      const quality = spanQuality(costs, start.aAfter, end.aBefore, start.bAfter, end.bBefore);
      if (quality.cer > options.maxCer || quality.coverage < options.minCoverage) continue;
      const bonus = SENTENCE_BONUS_SEC * ((start.confidence >= 1 ? 1 : 0) + (end.confidence >= 1 ? 1 : 0));
      const value = (best[p] ?? 0) + duration + bonus - SEGMENT_PENALTY_SEC;
      if (value > (best[q] ?? 0)) {
        best[q] = value;
        from[q] = p;
      }
    }
  }
  const pairs: [number, number][] = [];
  for (let q = count - 1; q > 0;) {
    const p = from[q] ?? -1;
    if (p >= 0) {
      pairs.push([p, q]);
      q = p;
    } else q -= 1;
  }
  return pairs.reverse();
}

function candidateBetween(
  fragmentIndex: number,
  start: Pick<CutPoint, 'aAfter' | 'bAfter' | 'tStart' | 'confidence'>,
  end: Pick<CutPoint, 'aBefore' | 'bBefore' | 'tEnd' | 'confidence'>,
): Candidate {
  return {
    fragmentIndex,
    aFirst: start.aAfter,
    aLast: end.aBefore,
    bFirst: start.bAfter,
    bLast: end.bBefore,
    offset: start.tStart,
    end: end.tEnd,
    boundaryConfidence: Math.min(start.confidence, end.confidence),
  };
}

/** Unchosen stretches between points p … q, split into pieces no longer than the maximum duration when possible. */
function pushLeftovers(
  out: Candidate[],
  input: CutInput,
  fragmentIndex: number,
  points: readonly CutPoint[],
  p: number,
  q: number,
): void {
  let startIndex = p;
  for (let k = p + 1; k <= q; k += 1) {
    const start = points[startIndex];
    const end = points[k];
    const nextEnd = points[k + 1];
    if (start === undefined || end === undefined) return;
    const tooLongWithNext =
      k < q && nextEnd !== undefined && nextEnd.tEnd - start.tStart > input.options.maxDurationSec;
    if (k === q || tooLongWithNext) {
      out.push(candidateBetween(fragmentIndex, start, end));
      startIndex = k;
    }
  }
}

/** Cuts every fragment's well-matched blocks into candidate segments (chosen ones and rejected leftovers). */
export function cutSegments(input: CutInput): Candidate[] {
  const costs = buildCosts(input);
  const { alignment, transcript } = input;
  const out: Candidate[] = [];
  input.acta.fragments.forEach((fragment, fragmentIndex) => {
    for (const block of blocksOf(input, fragment)) {
      const i0 = block[0] ?? 0;
      const iL = block[block.length - 1] ?? 0;
      const j0 = alignment.pairA[i0] ?? 0;
      const jL = alignment.pairA[iL] ?? 0;
      const blockStart = cutTimes(input, (transcript.word[j0] ?? 0) - 1, transcript.word[j0] ?? 0);
      const blockEnd = cutTimes(input, transcript.word[jL] ?? 0, (transcript.word[jL] ?? 0) + 1);
      const head = { aAfter: i0, bAfter: j0, tStart: blockStart.tStart, confidence: 0 };
      const tail = { aBefore: iL, bBefore: jL, tEnd: blockEnd.tEnd, confidence: 0 };
      const points = cutPointsOf(input, fragment, block);
      const first = points[0];
      const last = points[points.length - 1];
      if (first === undefined || last === undefined) {
        out.push(candidateBetween(fragmentIndex, head, tail));
        continue;
      }
      if (first.aBefore !== -1) out.push(candidateBetween(fragmentIndex, head, first));
      let covered = 0;
      for (const [p, q] of choosePairs(input, costs, points)) {
        if (p > covered) pushLeftovers(out, input, fragmentIndex, points, covered, p);
        const start = points[p];
        const end = points[q];
        if (start !== undefined && end !== undefined) out.push(candidateBetween(fragmentIndex, start, end));
        covered = q;
      }
      if (covered < points.length - 1) pushLeftovers(out, input, fragmentIndex, points, covered, points.length - 1);
      if (last.aAfter !== -1) out.push(candidateBetween(fragmentIndex, last, tail));
    }
  });
  return out;
}
