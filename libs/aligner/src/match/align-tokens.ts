import {
  OP_MATCH,
  OP_NEAR,
  alignGap,
  extendGap,
  createAlignment,
  type NearMatcher,
  pairTokens,
  unpairA,
  type TokenAlignment,
} from './align-gap';
import type { ActaStream } from './build-streams';
import {
  MAX_NGRAM,
  findAnchors,
  longestIncreasingChain,
  type AnchorTables,
  type NgramIndex,
  type TokenRange,
} from './find-anchors';

export interface AlignInput {
  a: Int32Array;
  b: Int32Array;
  near: NearMatcher;
  /** Fragment index of every A token (gaps are filled fragment-aware). */
  fragmentOf: Int32Array;
  /** N-gram keys of both streams, built once. */
  aNgrams: NgramIndex;
  bNgrams: NgramIndex;
  /** Hash tables reused by every anchor search of the session. */
  tables: AnchorTables;
}

/** Longest n-gram tried as an anchor; shorter ones are tried when a range has none. */
const MAX_ANCHOR_SIZE = MAX_NGRAM;
/** Ranges this small go straight to the exact DP. */
const DIRECT_DP_CELLS = 1_024;
/** Ranges without any anchor are aligned by DP only up to this size; bigger ones stay unpaired (no evidence). */
const MAX_DP_CELLS = 250_000;
/** A gap is lopsided when one side is longer than this factor times the other, plus the slack. */
const ASYMMETRY_FACTOR = 2;
const ASYMMETRY_SLACK = 8;
/** Half-width of the window that decides whether a match is supported by its neighbours. */
const SUPPORT_WINDOW = 3;
/** Two matches support each other when their diagonals differ by at most this. */
const SUPPORT_DRIFT = 3;
const MIN_SUPPORT = 0.4;
/** A fragment is "placed" once this share of its tokens is solidly matched. */
const PLACED_COVERAGE = 0.5;
const MIN_REORDER_ANCHORS = 4;
const MIN_FREE_RANGE = 6;
const CLAIM_BRIDGE = 8;
const RESEARCH_ROUNDS = 2;

/**
 * Aligns A[a0, a1) with B[b0, b1): unique n-gram anchors → longest increasing chain → the same again inside every
 * gap between consecutive anchors (shorter n-grams, uniqueness within the gap) → exact DP once a gap is small.
 * A gap with no anchor at any size and too big for the DP stays unpaired. Returns the top-level chain length.
 */
export function alignRange(
  input: AlignInput,
  alignment: TokenAlignment,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): number {
  // Task: a range and whether an anchor bounds it on the left / right.
  const stack: [number, number, number, number, boolean, boolean][] = [[a0, a1, b0, b1, false, false]];
  let topChain = -1;
  while (stack.length > 0) {
    const task = stack.pop();
    if (task === undefined) break;
    const [s0, s1, t0, t1, leftAnchor, rightAnchor] = task;
    const cells = (s1 - s0) * (t1 - t0);
    if (s1 <= s0 || t1 <= t0) continue;
    if (cells <= DIRECT_DP_CELLS) {
      fillGap(input, alignment, s0, s1, t0, t1, leftAnchor, rightAnchor);
      continue;
    }
    let placed = false;
    for (let size = MAX_ANCHOR_SIZE; size >= 1 && !placed; size -= 1) {
      const anchors = findAnchors(
        input.aNgrams,
        [[s0, s1]],
        input.bNgrams,
        [[t0, t1]],
        size,
        input.fragmentOf,
        input.tables,
      );
      if (anchors.length === 0) continue;
      placed = true;
      let pa = s0;
      let pb = t0;
      let diagonal = Number.NaN;
      let used = 0;
      for (const k of longestIncreasingChain(anchors)) {
        const i = anchors[2 * k] ?? 0;
        const j = anchors[2 * k + 1] ?? 0;
        let from: number;
        if (i >= pa && j >= pb) {
          if (i > pa && j > pb) stack.push([pa, i, pb, j, pa > s0 || leftAnchor, true]);
          from = 0;
        } else if (i - j === diagonal && i < pa) from = pa - i;
        else continue;
        for (let t = from; t < size; t += 1) pairTokens(alignment, i + t, j + t, OP_MATCH);
        pa = i + size;
        pb = j + size;
        diagonal = i - j;
        used += 1;
      }
      stack.push([pa, s1, pb, t1, true, rightAnchor]);
      if (topChain < 0) topChain = used;
    }
    if (!placed && cells <= MAX_DP_CELLS) fillGap(input, alignment, s0, s1, t0, t1, leftAnchor, rightAnchor);
  }
  return Math.max(0, topChain);
}

function isLopsided(n: number, m: number): boolean {
  return m > ASYMMETRY_FACTOR * n + ASYMMETRY_SLACK || n > ASYMMETRY_FACTOR * m + ASYMMETRY_SLACK;
}

/**
 * Aligns a gap with no anchor inside, fragment-aware. Acta tokens that continue the fragment of the anchor on
 * their left are grown from that anchor, those that begin the fragment of the anchor on their right are grown
 * back from it (so a repeated formula at a fragment's edge lands next to the rest of its fragment, not on an
 * earlier repetition); whatever lies between is aligned globally. A gap much longer on one side (speech the acta
 * skipped, acta text nobody said) is never aligned globally, which would scatter the shorter side over it.
 */
function fillGap(
  input: AlignInput,
  alignment: TokenAlignment,
  s0: number,
  s1: number,
  t0: number,
  t1: number,
  leftAnchor: boolean,
  rightAnchor: boolean,
): void {
  const { a, b, near, fragmentOf } = input;
  const leftFragment = leftAnchor ? (fragmentOf[s0 - 1] ?? -1) : -1;
  const rightFragment = rightAnchor ? (fragmentOf[s1] ?? -1) : -1;
  if (leftFragment >= 0 && leftFragment === rightFragment) {
    if (!isLopsided(s1 - s0, t1 - t0)) {
      alignGap(a, b, near, alignment, s0, s1, t0, t1);
      return;
    }
    const used = extendGap(a, b, near, alignment, s0, s1, t0, t1, true);
    extendGap(a, b, near, alignment, s0 + used.aUsed, s1, t0 + used.bUsed, t1, false);
    return;
  }
  let leftEnd = s0;
  while (leftEnd < s1 && fragmentOf[leftEnd] === leftFragment) leftEnd += 1;
  let rightStart = s1;
  while (rightStart > leftEnd && fragmentOf[rightStart - 1] === rightFragment) rightStart -= 1;
  let bFrom = t0;
  let bTo = t1;
  if (leftEnd > s0) bFrom += extendGap(a, b, near, alignment, s0, leftEnd, t0, t1, true).bUsed;
  if (rightStart < s1) bTo -= extendGap(a, b, near, alignment, rightStart, s1, bFrom, t1, false).bUsed;
  const n = rightStart - leftEnd;
  const m = bTo - bFrom;
  if (n > 0 && m > 0 && !isLopsided(n, m) && n * m <= MAX_DP_CELLS)
    alignGap(a, b, near, alignment, leftEnd, rightStart, bFrom, bTo);
}

function isMatched(alignment: TokenAlignment, i: number): boolean {
  const op = alignment.opA[i];
  return op === OP_MATCH || op === OP_NEAR;
}

/**
 * Marks the matches backed by evidence: a matched token is solid when, among the tokens around it (same fragment,
 * ±3) that are not matched elsewhere, at least 40 % (and at least two tokens) are matched on (nearly) its
 * diagonal. Tokens matched on another diagonal (the text on the far side of a skipped sentence) neither help nor
 * hurt. Lone matches of common words inside unrelated text are not solid, so no label is ever stretched over a
 * region without evidence.
 */
export function markSolid(
  stream: ActaStream,
  alignment: TokenAlignment,
  solid: Uint8Array,
  from = 0,
  to = stream.ids.length,
): void {
  const { fragment } = stream;
  for (let i = from; i < to; i += 1) {
    solid[i] = 0;
    if (!isMatched(alignment, i)) continue;
    const f = fragment[i];
    const diagonal = (alignment.pairA[i] ?? 0) - i;
    let support = 0;
    let size = 0;
    for (let k = Math.max(0, i - SUPPORT_WINDOW); k <= i + SUPPORT_WINDOW && k < fragment.length; k += 1) {
      if (fragment[k] !== f) continue;
      const matched = isMatched(alignment, k);
      const consistent = matched && Math.abs((alignment.pairA[k] ?? 0) - k - diagonal) <= SUPPORT_DRIFT;
      if (matched && !consistent) continue;
      size += 1;
      if (consistent) support += 1;
    }
    if (support >= MIN_SUPPORT * size && (support >= 2 || size === 1)) solid[i] = 1;
  }
}

function claimSolid(alignment: TokenAlignment, solid: Uint8Array, claimed: Uint8Array, from: number, to: number): void {
  let lastJ = -1;
  for (let i = from; i < to; i += 1) {
    if (solid[i] !== 1) continue;
    const j = alignment.pairA[i] ?? -1;
    if (j < 0) continue;
    if (lastJ >= 0 && j > lastJ && j - lastJ <= CLAIM_BRIDGE) claimed.fill(1, lastJ, j + 1);
    claimed[j] = 1;
    lastJ = j;
  }
}

function freeRanges(mask: Uint8Array, minLength: number): TokenRange[] {
  const ranges: TokenRange[] = [];
  let start = -1;
  for (let j = 0; j <= mask.length; j += 1) {
    const free = j < mask.length && mask[j] === 0;
    if (free && start < 0) start = j;
    if (!free && start >= 0) {
      if (j - start >= minLength) ranges.push([start, j]);
      start = -1;
    }
  }
  return ranges;
}

/** The maximal run of zeros in `mask` around `at`, inside `[lo, hi)`. */
function zeroRunAround(mask: Uint8Array, at: number, lo: number, hi: number): TokenRange {
  let start = at;
  let end = at;
  while (start > lo && mask[start - 1] === 0) start -= 1;
  while (end < hi && mask[end] === 0) end += 1;
  return [start, end];
}

function rangeIndex(ranges: readonly TokenRange[], position: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const range = ranges[mid];
    if (range === undefined) break;
    if (position < range[0]) hi = mid - 1;
    else if (position >= range[1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Out-of-order re-search: fragments left unplaced by the in-order pass (an agenda item discussed earlier or later
 * than written) are looked for in the transcript stretches no placed fragment claims, with their own anchors.
 * Returns how many blocks were placed.
 */
function researchUnplaced(input: AlignInput, stream: ActaStream, alignment: TokenAlignment, solid: Uint8Array): number {
  const { a, b } = input;
  const claimed = new Uint8Array(b.length);
  claimSolid(alignment, solid, claimed, 0, a.length);
  const unplaced = new Uint8Array(a.length).fill(1);
  for (const fragment of stream.fragments) {
    let count = 0;
    for (let i = fragment.first; i < fragment.end; i += 1) count += solid[i] ?? 0;
    if (count >= PLACED_COVERAGE * (fragment.end - fragment.first)) unplaced.fill(0, fragment.first, fragment.end);
  }
  const aRanges = freeRanges(
    unplaced.map((v) => 1 - v),
    1,
  );
  const bRanges = freeRanges(claimed, MIN_FREE_RANGE);
  if (aRanges.length === 0 || bRanges.length === 0) return 0;
  for (const [start, end] of aRanges) {
    for (let i = start; i < end; i += 1) {
      unpairA(alignment, i);
      solid[i] = 0;
    }
  }
  for (const [start, end] of bRanges) {
    for (let j = start; j < end; j += 1) {
      const i = alignment.pairB[j] ?? -1;
      if (i < 0) continue;
      unpairA(alignment, i);
      solid[i] = 0;
    }
  }
  const anchors = findAnchors(
    input.aNgrams,
    aRanges,
    input.bNgrams,
    bRanges,
    MAX_ANCHOR_SIZE,
    input.fragmentOf,
    input.tables,
  );
  const groups = new Map<number, number[]>();
  for (let k = 0; k < anchors.length; k += 2) {
    const i = anchors[k] ?? 0;
    const j = anchors[k + 1] ?? 0;
    const key = rangeIndex(aRanges, i) * bRanges.length + rangeIndex(bRanges, j);
    const members = groups.get(key) ?? [];
    members.push(i, j);
    groups.set(key, members);
  }
  const ordered = [...groups.entries()]
    .filter(([, members]) => members.length / 2 >= MIN_REORDER_ANCHORS)
    .sort((x, y) => y[1].length - x[1].length || x[0] - y[0]);
  const taken = new Uint8Array(a.length);
  taken.set(unplaced.map((v) => 1 - v));
  let placedBlocks = 0;
  for (const [key, members] of ordered) {
    const aRange = aRanges[Math.floor(key / bRanges.length)];
    const bRange = bRanges[key % bRanges.length];
    if (aRange === undefined || bRange === undefined) continue;
    const middle = 2 * Math.floor(members.length / 4);
    const midI = members[middle] ?? 0;
    const midJ = members[middle + 1] ?? 0;
    if (taken[midI] === 1 || claimed[midJ] === 1) continue;
    const [s0, s1] = zeroRunAround(taken, midI, aRange[0], aRange[1]);
    const [t0, t1] = zeroRunAround(claimed, midJ, bRange[0], bRange[1]);
    alignRange(input, alignment, s0, s1, t0, t1);
    markSolid(stream, alignment, solid, s0, s1);
    let placedTokens = 0;
    for (let i = s0; i < s1; i += 1) {
      if (solid[i] === 1) {
        taken[i] = 1;
        placedTokens += 1;
      } else unpairA(alignment, i);
    }
    claimSolid(alignment, solid, claimed, s0, s1);
    if (placedTokens > 0) placedBlocks += 1;
  }
  return placedBlocks;
}

export interface TokenAlignmentResult {
  alignment: TokenAlignment;
  /** 1 where the acta token's match is supported by its neighbours. */
  solid: Uint8Array;
  anchors: number;
  reorderedBlocks: number;
}

/** Whole-session token alignment: the in-order pass, then the out-of-order re-search. */
export function alignTokens(input: AlignInput, stream: ActaStream): TokenAlignmentResult {
  const alignment = createAlignment(input.a.length, input.b.length);
  const anchors = alignRange(input, alignment, 0, input.a.length, 0, input.b.length);
  const solid = new Uint8Array(input.a.length);
  markSolid(stream, alignment, solid);
  let reorderedBlocks = 0;
  for (let round = 0; round < RESEARCH_ROUNDS; round += 1) {
    const placed = researchUnplaced(input, stream, alignment, solid);
    reorderedBlocks += placed;
    if (placed === 0) break;
  }
  return { alignment, solid, anchors, reorderedBlocks };
}
