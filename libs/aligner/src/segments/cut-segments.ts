import type { Word } from '@astra/contracts';
import { OP_MATCH, OP_NEAR, OP_NONE, OP_SUBSTITUTION, type TokenAlignment } from '../match/align-gap';
import type { ResolvedAlignOptions } from '../align-options';
import type { ActaStream, LabelFragment, TranscriptStream } from '../match/build-streams';
import type { EdgeEvidence } from './edge-evidence';
import { countIn, type LabelDefects } from './find-label-defects';

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
  defects: LabelDefects;
  edgeEvidence: EdgeEvidence;
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
const TIGHT_PAD_SEC = 0.05;
/**
 * Shortest gap between two ASR words where a segment may end or start tight against a word next to a gap between
 * label and speech (so a defect costs the words around it, not the whole stretch between two pauses).
 */
const TIGHT_MIN_PAUSE_SEC = 0.06;
const UNACCOUNTED_CONFIDENCE = 0.8;

/**
 * A place where a segment may end (`aBefore`, `bBefore`, `tEnd`: -1 when it may not) and/or the next one start
 * (`aAfter`, `bAfter`, `tStart`: -1 when it may not). Where label and speech part ways (speech the acta lacks,
 * acta text nobody said) a segment may end before the gap and the next start after it: two one-sided points.
 */
interface CutPoint {
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

function tightPause(options: ResolvedAlignOptions): number {
  return Math.min(options.minPauseSec, TIGHT_MIN_PAUSE_SEC);
}

/** Words `before` and `after` have different diarized speakers: another voice is itself a boundary. */
function isTurn(input: CutInput, before: number, after: number): boolean {
  const a = input.words[before]?.speaker;
  const b = input.words[after]?.speaker;
  return a !== undefined && b !== undefined && a !== b;
}

/**
 * Where a segment may start at acta token `i` (and its transcript token): at a chunk and word boundary after a
 * pause of at least `minPauseSec`. An acta word just before `i` that no ASR word accounts for may have been said
 * (and missed by the ASR) inside this pause: the segment then starts right at the first word, so it cannot take in
 * part of it (`tight` forces that).
 */
function edgeBefore(input: CutInput, fragment: LabelFragment, i: number, tight = false): CutPoint | undefined {
  const { acta, transcript, alignment, options } = input;
  const wordOf = (j: number): number => transcript.word[j] ?? 0;
  const chunkOf = (k: number): number => acta.chunk[k] ?? 0;
  const j = alignment.pairA[i] ?? 0;
  const startsChunk = i === fragment.first || chunkOf(i - 1) !== chunkOf(i);
  const startsWord = j === 0 || wordOf(j - 1) !== wordOf(j);
  const cut = cutTimes(input, wordOf(j) - 1, wordOf(j));
  const minPause = tight || isTurn(input, wordOf(j) - 1, wordOf(j)) ? tightPause(options) : options.minPauseSec;
  if (!startsChunk || !startsWord || cut.pause < minPause) return undefined;
  const sentence = i === fragment.first || fragment.spoken.chunks[chunkOf(i)]?.startsSentence === true;
  const previousPair = alignment.pairA[i - 1] ?? -1;
  const accounted = !tight && (i === fragment.first || (previousPair >= 0 && previousPair < j));
  const firstWord = input.words[wordOf(j)];
  const tStart =
    accounted || firstWord === undefined ? cut.tStart : Math.max(cut.tStart, firstWord.start - TIGHT_PAD_SEC);
  const confidence = confidenceOf(cut.pause, sentence, minPause) * (accounted ? 1 : UNACCOUNTED_CONFIDENCE);
  return { aBefore: -1, bBefore: -1, tEnd: -1, aAfter: i, bAfter: j, tStart, confidence };
}

/** Where a segment may end after acta token `i`: the mirror of {@link edgeBefore}. `tight`: always tight. */
function edgeAfter(input: CutInput, fragment: LabelFragment, i: number, tight = false): CutPoint | undefined {
  const { acta, transcript, alignment, options } = input;
  const wordOf = (j: number): number => transcript.word[j] ?? 0;
  const chunkOf = (k: number): number => acta.chunk[k] ?? 0;
  const j = alignment.pairA[i] ?? 0;
  const endsChunk = i === fragment.end - 1 || chunkOf(i + 1) !== chunkOf(i);
  const endsWord = j === transcript.ids.length - 1 || wordOf(j + 1) !== wordOf(j);
  const cut = cutTimes(input, wordOf(j), wordOf(j) + 1);
  const minPause = tight || isTurn(input, wordOf(j), wordOf(j) + 1) ? tightPause(options) : options.minPauseSec;
  if (!endsChunk || !endsWord || cut.pause < minPause) return undefined;
  const sentence = i === fragment.end - 1 || fragment.spoken.chunks[chunkOf(i)]?.endsSentence === true;
  const nextPair = alignment.pairA[i + 1] ?? -1;
  const accounted = !tight && (i === fragment.end - 1 || nextPair > j);
  const lastWord = input.words[wordOf(j)];
  const tEnd = accounted || lastWord === undefined ? cut.tEnd : Math.min(cut.tEnd, lastWord.end + TIGHT_PAD_SEC);
  const confidence = confidenceOf(cut.pause, sentence, minPause) * (accounted ? 1 : UNACCOUNTED_CONFIDENCE);
  return { aBefore: i, bBefore: j, tEnd, aAfter: -1, bAfter: -1, tStart: -1, confidence };
}

/** Words at most this far from a gap between label and speech are searched for a tight cut when the gap has none. */
const MAX_TIGHT_SEARCH = 12;

/** Order of cut points along the block: by transcript token, an end before a start at the same place. */
function pointKey(point: CutPoint): number {
  return point.aBefore >= 0 ? point.bBefore + 0.5 : point.bAfter - 0.5 + 0.25;
}

/**
 * Cut points of a block, in order: its start (when clean), the clean pauses inside between two adjacent matches,
 * one-sided tight points around every gap where label and speech part ways (or, when the gap's own edge has no
 * pause at all, the nearest word boundary with one), tight points at changes of diarized speaker, its end.
 */
function cutPointsOf(input: CutInput, fragment: LabelFragment, block: readonly number[]): CutPoint[] {
  const { acta, transcript, alignment, options } = input;
  const wordOf = (j: number): number => transcript.word[j] ?? 0;
  const chunkOf = (i: number): number => acta.chunk[i] ?? 0;
  const adjacent = (k: number): boolean => {
    const p = block[k] ?? 0;
    const q = block[k + 1] ?? 0;
    return q === p + 1 && (alignment.pairA[q] ?? 0) === (alignment.pairA[p] ?? 0) + 1;
  };
  const points: CutPoint[] = [];
  const start = edgeBefore(input, fragment, block[0] ?? 0);
  if (start !== undefined) points.push(start);
  const clean = new Uint8Array(block.length);
  const missingEnds: number[] = [];
  const missingStarts: number[] = [];
  for (let k = 0; k + 1 < block.length; k += 1) {
    const p = block[k] ?? 0;
    const q = block[k + 1] ?? 0;
    const jp = alignment.pairA[p] ?? 0;
    const jq = alignment.pairA[q] ?? 0;
    if (adjacent(k)) {
      if (chunkOf(p) === chunkOf(q) || wordOf(jp) === wordOf(jq)) continue;
      const cut = cutTimes(input, wordOf(jp), wordOf(jq));
      const turn = isTurn(input, wordOf(jp), wordOf(jq));
      if (cut.pause >= options.minPauseSec) {
        const sentence = fragment.spoken.chunks[chunkOf(p)]?.endsSentence === true;
        clean[k] = 1;
        points.push({
          aBefore: p,
          bBefore: jp,
          aAfter: q,
          bAfter: jq,
          tEnd: cut.tEnd,
          tStart: cut.tStart,
          confidence: confidenceOf(cut.pause, sentence, options.minPauseSec),
        });
      } else if (turn) {
        // Another voice starts here: a segment may end and the next start tight against the words.
        const before = edgeAfter(input, fragment, p, true);
        const after = edgeBefore(input, fragment, q, true);
        if (before !== undefined && after !== undefined) points.push(before, after);
      }
      continue;
    }
    // Next to words only one side has, a pause may hide a word the ASR dropped: cut tight against the words.
    const end = edgeAfter(input, fragment, p, true);
    if (end !== undefined) points.push(end);
    else missingEnds.push(k);
    const next = edgeBefore(input, fragment, q, true);
    if (next !== undefined) points.push(next);
    else missingStarts.push(k + 1);
  }
  for (const k of missingEnds) {
    for (let r = k - 1; r >= 0 && k - r <= MAX_TIGHT_SEARCH && clean[r] === 0 && adjacent(r); r -= 1) {
      const end = edgeAfter(input, fragment, block[r] ?? 0, true);
      if (end === undefined) continue;
      points.push(end);
      break;
    }
  }
  for (const k of missingStarts) {
    for (let r = k; r + 1 < block.length && r - k < MAX_TIGHT_SEARCH && clean[r] === 0 && adjacent(r); r += 1) {
      const next = edgeBefore(input, fragment, block[r + 1] ?? 0, true);
      if (next === undefined) continue;
      points.push(next);
      break;
    }
  }
  const end = edgeAfter(input, fragment, block[block.length - 1] ?? 0);
  if (end !== undefined) points.push(end);
  // Points found by the search land out of order; the rest are pushed in order.
  return missingEnds.length + missingStarts.length > 0 ? points.sort((x, y) => pointKey(x) - pointKey(y)) : points;
}

/** A span that no label may cover: speech the label lacks, acta text nobody said, or a change of speaker. */
function hasDefect(input: CutInput, aFirst: number, aLast: number, bFirst: number, bLast: number): boolean {
  const { defects } = input;
  return (
    countIn(defects.missingSpeech, bFirst, bLast) > 0 ||
    countIn(defects.extraText, aFirst, aLast) > 0 ||
    defects.crossesSpeakerChange(bFirst, bLast)
  );
}

/**
 * Picks which cut points become segments: maximises kept duration (plus a bonus for sentence boundaries, minus a
 * small per-segment cost) under the duration, CER, coverage and label-defect limits. O(points × window).
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
    if (end === undefined || end.aBefore < 0) continue;
    for (let p = q - 1; p >= 0; p -= 1) {
      const start = points[p];
      if (start === undefined) break;
      if (start.aAfter < 0) continue;
      const duration = end.tEnd - start.tStart;
      if (duration > options.maxDurationSec) break;
      if (duration < options.minDurationSec) continue;
      const quality = spanQuality(costs, start.aAfter, end.aBefore, start.bAfter, end.bBefore);
      if (quality.cer > options.maxCer || quality.coverage < options.minCoverage) continue;
      if (hasDefect(input, start.aAfter, end.aBefore, start.bAfter, end.bBefore)) continue;
      if (!input.edgeEvidence(start.aAfter, end.aBefore)) continue;
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

function candidateBetween(fragmentIndex: number, start: CutPoint, end: CutPoint): Candidate {
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

/**
 * Unchosen stretches between points p … q, as rejected candidates: each runs from a point where a segment may
 * start to one where it may end, split where the next piece would exceed the maximum duration.
 */
function pushLeftovers(
  out: Candidate[],
  input: CutInput,
  fragmentIndex: number,
  points: readonly CutPoint[],
  p: number,
  q: number,
): void {
  const nextEnd = new Int32Array(q - p + 2).fill(-1);
  for (let k = q; k >= p; k -= 1) nextEnd[k - p] = (points[k]?.aBefore ?? -1) >= 0 ? k : (nextEnd[k - p + 1] ?? -1);
  let open = -1;
  for (let k = p; k <= q; k += 1) {
    const point = points[k];
    if (point === undefined) return;
    const opened = points[open];
    if (opened !== undefined && k > open && point.aBefore >= 0) {
      const following = points[nextEnd[k - p + 1] ?? -1];
      const tooLong = following !== undefined && following.tEnd - opened.tStart > input.options.maxDurationSec;
      // The block's uncertain head and tail stay pieces of their own, as they are rejected for their edge.
      const edge = open === 0 || following === points[points.length - 1];
      if (following === undefined || tooLong || edge || point.aAfter < 0) {
        out.push(candidateBetween(fragmentIndex, opened, point));
        open = -1;
      }
    }
    // A clean start right after the block's uncertain head starts the leftover instead of the head.
    const replacesHead = open === p && p === 0 && point.aBefore < 0 && point.aAfter >= 0;
    if ((open < 0 || replacesHead) && point.aAfter >= 0 && k < q) open = k;
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
      // The block's own edges, usable only for rejected rows (confidence 0: not a clean cut).
      const head: CutPoint = {
        aBefore: -1,
        bBefore: -1,
        tEnd: -1,
        aAfter: i0,
        bAfter: j0,
        tStart: blockStart.tStart,
        confidence: 0,
      };
      const tail: CutPoint = {
        aBefore: iL,
        bBefore: jL,
        tEnd: blockEnd.tEnd,
        aAfter: -1,
        bAfter: -1,
        tStart: -1,
        confidence: 0,
      };
      const inner = cutPointsOf(input, fragment, block);
      const points = [head, ...inner, tail];
      let covered = 0;
      for (const [p, q] of choosePairs(input, costs, inner)) {
        if (p + 1 > covered) pushLeftovers(out, input, fragmentIndex, points, covered, p + 1);
        const start = points[p + 1];
        const end = points[q + 1];
        if (start !== undefined && end !== undefined) out.push(candidateBetween(fragmentIndex, start, end));
        covered = q + 1;
      }
      if (covered < points.length - 1) pushLeftovers(out, input, fragmentIndex, points, covered, points.length - 1);
    }
  });
  return out;
}
