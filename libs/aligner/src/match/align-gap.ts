/** How an acta token is paired with a transcript token. */
export const OP_NONE = 0;
export const OP_MATCH = 1;
/** Same word up to one or two letters ("concejal"/"concejala", "presupuesto"/"presupuestos"). */
export const OP_NEAR = 2;
export const OP_SUBSTITUTION = 3;

/** Pairing of acta tokens (A) with transcript tokens (B); -1 = unpaired. Mutated in place by the aligners. */
export interface TokenAlignment {
  pairA: Int32Array;
  opA: Uint8Array;
  pairB: Int32Array;
}

export function createAlignment(aLength: number, bLength: number): TokenAlignment {
  return {
    pairA: new Int32Array(aLength).fill(-1),
    opA: new Uint8Array(aLength),
    pairB: new Int32Array(bLength).fill(-1),
  };
}

export function pairTokens(alignment: TokenAlignment, i: number, j: number, op: number): void {
  alignment.pairA[i] = j;
  alignment.opA[i] = op;
  alignment.pairB[j] = i;
}

export function unpairA(alignment: TokenAlignment, i: number): void {
  const j = alignment.pairA[i] ?? -1;
  if (j >= 0 && alignment.pairB[j] === i) alignment.pairB[j] = -1;
  alignment.pairA[i] = -1;
  alignment.opA[i] = OP_NONE;
}

/**
 * Levenshtein distance between `a` and `b` at most `limit`? Early exit; uses the caller's scratch rows (length ≥
 * `b.length + 1`) so the hot DP loops allocate nothing.
 */
function withinDistance(a: string, b: string, limit: number, previous: Int32Array, current: Int32Array): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  const m = b.length;
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  let prev = previous;
  let cur = current;
  for (let i = 1; i <= a.length; i += 1) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j += 1) {
      const value = Math.min(
        (prev[j - 1] ?? 0) + (ai === b.charCodeAt(j - 1) ? 0 : 1),
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
      );
      cur[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return false;
    [prev, cur] = [cur, prev];
  }
  return (prev[m] ?? limit + 1) <= limit;
}

const COST_MATCH = 0;
const COST_NEAR = 1;
const COST_SUBSTITUTION = 3;
const COST_GAP = 2;
const FROM_DIAGONAL = 1;
const FROM_A = 2;
const FROM_B = 3;

/** Extension scores (higher is better): an extension stops where more tokens would only lower its score. */
const SCORE_MATCH = 4;
const SCORE_NEAR = 2;
const SCORE_SUBSTITUTION = -2;
const SCORE_GAP = -3;

/**
 * Decides (and remembers) whether two vocabulary ids are near matches — a likely ASR misspelling of the same word:
 * both 4+ letters, same first or last letter, 1 edit apart (2 from 8 letters). One per alignment run.
 */
export type NearMatcher = (a: number, b: number) => boolean;

export function createNearMatcher(words: readonly string[]): NearMatcher {
  const cache = new Map<number, boolean>();
  const length = Int32Array.from(words, (w) => w.length);
  const first = Int32Array.from(words, (w) => w.charCodeAt(0));
  const last = Int32Array.from(words, (w) => w.charCodeAt(w.length - 1));
  let rowA = new Int32Array(64);
  let rowB = new Int32Array(64);
  return (a, b) => {
    const la = length[a] ?? 0;
    const lb = length[b] ?? 0;
    if (la < 4 || lb < 4 || Math.abs(la - lb) > 2) return false;
    if (first[a] !== first[b] && last[a] !== last[b]) return false;
    const key = a * 67_108_864 + b;
    let near = cache.get(key);
    if (near === undefined) {
      if (lb + 1 > rowA.length) {
        rowA = new Int32Array(lb + 1);
        rowB = new Int32Array(lb + 1);
      }
      near = withinDistance(words[a] ?? '', words[b] ?? '', Math.min(la, lb) >= 8 ? 2 : 1, rowA, rowB);
      cache.set(key, near);
    }
    return near;
  };
}

function opOf(a: number, b: number, near: NearMatcher): number {
  if (a === b) return OP_MATCH;
  return near(a, b) ? OP_NEAR : OP_SUBSTITUTION;
}

/**
 * Exact edit-distance alignment of A[a0, a1) with B[b0, b1) (Needleman–Wunsch, O(n·m), one trace byte per cell);
 * pairs the diagonal steps (match, near match, substitution). Only ever run on gaps between anchors.
 */
export function alignGap(
  a: Int32Array,
  b: Int32Array,
  near: NearMatcher,
  alignment: TokenAlignment,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n <= 0 || m <= 0) return;
  const width = m + 1;
  const trace = new Uint8Array((n + 1) * width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 1; j <= m; j += 1) previous[j] = j * COST_GAP;
  for (let i = 1; i <= n; i += 1) {
    current[0] = i * COST_GAP;
    const ai = a[a0 + i - 1] ?? -1;
    for (let j = 1; j <= m; j += 1) {
      const bj = b[b0 + j - 1] ?? -2;
      const pair = ai === bj ? COST_MATCH : near(ai, bj) ? COST_NEAR : COST_SUBSTITUTION;
      const diagonal = (previous[j - 1] ?? 0) + pair;
      const fromA = (previous[j] ?? 0) + COST_GAP;
      const fromB = (current[j - 1] ?? 0) + COST_GAP;
      let best = diagonal;
      let step = FROM_DIAGONAL;
      if (fromA < best) {
        best = fromA;
        step = FROM_A;
      }
      if (fromB < best) {
        best = fromB;
        step = FROM_B;
      }
      current[j] = best;
      trace[i * width + j] = step;
    }
    [previous, current] = [current, previous];
  }
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    const step = trace[i * width + j];
    if (step === FROM_DIAGONAL) {
      const ai = a[a0 + i - 1] ?? -1;
      const bj = b[b0 + j - 1] ?? -2;
      pairTokens(alignment, a0 + i - 1, b0 + j - 1, opOf(ai, bj, near));
      i -= 1;
      j -= 1;
    } else if (step === FROM_A) i -= 1;
    else j -= 1;
  }
}

/**
 * Extends an alignment from an anchor into A[a0, a1) × B[b0, b1): `forward` from (a0, b0), otherwise backward from
 * (a1, b1). Keeps the best-scoring prefix (matches pay, substitutions and gaps cost), so it stops by itself where
 * the two sides stop agreeing. Returns how many A and B tokens the extension consumed.
 */
export function extendGap(
  a: Int32Array,
  b: Int32Array,
  near: NearMatcher,
  alignment: TokenAlignment,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  forward: boolean,
): { aUsed: number; bUsed: number } {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n <= 0 || m <= 0) return { aUsed: 0, bUsed: 0 };
  const aAt = (i: number): number => (forward ? a[a0 + i] : a[a1 - 1 - i]) ?? -1;
  const bAt = (j: number): number => (forward ? b[b0 + j] : b[b1 - 1 - j]) ?? -2;
  const width = m + 1;
  const trace = new Uint8Array((n + 1) * width);
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let j = 1; j <= m; j += 1) previous[j] = j * SCORE_GAP;
  let bestScore = 0;
  let bestI = 0;
  let bestJ = 0;
  for (let i = 1; i <= n; i += 1) {
    current[0] = i * SCORE_GAP;
    const ai = aAt(i - 1);
    for (let j = 1; j <= m; j += 1) {
      const bj = bAt(j - 1);
      const pair = ai === bj ? SCORE_MATCH : near(ai, bj) ? SCORE_NEAR : SCORE_SUBSTITUTION;
      const diagonal = (previous[j - 1] ?? 0) + pair;
      const fromA = (previous[j] ?? 0) + SCORE_GAP;
      const fromB = (current[j - 1] ?? 0) + SCORE_GAP;
      let best = diagonal;
      let step = FROM_DIAGONAL;
      if (fromA > best) {
        best = fromA;
        step = FROM_A;
      }
      if (fromB > best) {
        best = fromB;
        step = FROM_B;
      }
      current[j] = best;
      trace[i * width + j] = step;
      if (best > bestScore) {
        bestScore = best;
        bestI = i;
        bestJ = j;
      }
    }
    [previous, current] = [current, previous];
  }
  let i = bestI;
  let j = bestJ;
  while (i > 0 && j > 0) {
    const step = trace[i * width + j];
    if (step === FROM_DIAGONAL) {
      const ai = aAt(i - 1);
      const bj = bAt(j - 1);
      const aIndex = forward ? a0 + i - 1 : a1 - i;
      const bIndex = forward ? b0 + j - 1 : b1 - j;
      pairTokens(alignment, aIndex, bIndex, opOf(ai, bj, near));
      i -= 1;
      j -= 1;
    } else if (step === FROM_A) i -= 1;
    else j -= 1;
  }
  return { aUsed: bestI, bUsed: bestJ };
}
