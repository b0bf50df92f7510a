import { normalizeForMatch } from '../spanish/normalize-for-match';

export interface ErrorRateOptions {
  /** Compare the match-normalised forms (default) or the raw strings. */
  normalize?: boolean;
  language?: string;
}

const WORD_BITS = 32;
/** Bit 31 as an int32 (every bit vector here is a signed 32-bit integer, see {@link stringEditDistance}). */
const HIGH_BIT = 1 << 31;

/** Buffers reused by {@link stringEditDistance} across calls (one per alignment run; never shared between runs). */
export interface EditDistanceScratch {
  peq: Int32Array;
  pv: Int32Array;
  mv: Int32Array;
  ascii: Int16Array;
  /** Pattern-alphabet index of every text character (-1: not in the pattern). */
  textSymbols: Int32Array;
}

export function createEditDistanceScratch(): EditDistanceScratch {
  return {
    peq: new Int32Array(64 * 8),
    pv: new Int32Array(8),
    mv: new Int32Array(8),
    ascii: new Int16Array(128),
    textSymbols: new Int32Array(256),
  };
}

/**
 * Levenshtein distance between two strings by Myers' bit-parallel algorithm in blocks of 32 pattern characters
 * (Hyyrö's multi-word form): O(⌈m/32⌉·n) word operations, which keeps CER cheap on 30-second labels. Bit vectors
 * are kept as signed 32-bit integers: unsigned ones (`>>> 0`) above 2³¹ are heap numbers until the function is
 * optimised, and a one-shot process (the pipeline's) runs much of it before that.
 */
export function stringEditDistance(
  x: string,
  y: string,
  scratch: EditDistanceScratch = createEditDistanceScratch(),
): number {
  // A common prefix and suffix never change the distance: most labels and what was heard agree nearly everywhere,
  // so the bit-parallel part runs only on the stretch where they differ.
  let head = 0;
  const shorter = Math.min(x.length, y.length);
  while (head < shorter && x.charCodeAt(head) === y.charCodeAt(head)) head += 1;
  let tail = 0;
  while (tail < shorter - head && x.charCodeAt(x.length - 1 - tail) === y.charCodeAt(y.length - 1 - tail)) tail += 1;
  const xCore = head === 0 && tail === 0 ? x : x.slice(head, x.length - tail);
  const yCore = head === 0 && tail === 0 ? y : y.slice(head, y.length - tail);
  const swap = xCore.length > yCore.length;
  const pattern = swap ? yCore : xCore;
  const text = swap ? xCore : yCore;
  const m = pattern.length;
  const n = text.length;
  if (m === 0) return n;
  const blocks = Math.ceil(m / WORD_BITS);
  // Pattern alphabet → dense index (ASCII through a table, the rest through a map); other characters never match.
  const ascii = scratch.ascii;
  ascii.fill(-1);
  let other: Map<number, number> | undefined;
  let symbols = 0;
  for (let i = 0; i < m; i += 1) {
    const code = pattern.charCodeAt(i);
    if (code < 128) {
      if ((ascii[code] ?? -1) < 0) ascii[code] = symbols++;
    } else {
      other ??= new Map();
      if (!other.has(code)) other.set(code, symbols++);
    }
  }
  if (scratch.peq.length < blocks * symbols) scratch.peq = new Int32Array(blocks * symbols * 2);
  if (scratch.pv.length < blocks) {
    scratch.pv = new Int32Array(blocks * 2);
    scratch.mv = new Int32Array(blocks * 2);
  }
  if (scratch.textSymbols.length < n) scratch.textSymbols = new Int32Array(n * 2);
  const { peq, textSymbols } = scratch;
  peq.fill(0, 0, blocks * symbols);
  for (let i = 0; i < m; i += 1) {
    const code = pattern.charCodeAt(i);
    const symbol = code < 128 ? (ascii[code] ?? 0) : (other?.get(code) ?? 0);
    const index = symbol * blocks + Math.floor(i / WORD_BITS);
    peq[index] = (peq[index] ?? 0) | (1 << (i % WORD_BITS));
  }
  for (let j = 0; j < n; j += 1) {
    const code = text.charCodeAt(j);
    textSymbols[j] = code < 128 ? (ascii[code] ?? -1) : (other?.get(code) ?? -1);
  }
  return myersDistance(peq, scratch.pv, scratch.mv, textSymbols, m, n, blocks);
}

/**
 * The bit-parallel scan itself, over typed arrays and integers only: a small function the optimising compiler
 * takes up early (the whole of {@link stringEditDistance} took it tens of milliseconds, run unoptimised meanwhile).
 */
function myersDistance(
  peq: Int32Array,
  pv: Int32Array,
  mv: Int32Array,
  textSymbols: Int32Array,
  m: number,
  n: number,
  blocks: number,
): number {
  pv.fill(-1, 0, blocks);
  mv.fill(0, 0, blocks);
  const lastBit = 1 << ((m - 1) % WORD_BITS);
  let score = m;
  for (let j = 0; j < n; j += 1) {
    const symbol = textSymbols[j] ?? -1;
    const base = symbol * blocks;
    let hin = 1;
    for (let b = 0; b < blocks; b += 1) {
      let eq = symbol < 0 ? 0 : (peq[base + b] ?? 0);
      const pvb = pv[b] ?? 0;
      const mvb = mv[b] ?? 0;
      const hinNegative = hin < 0 ? 1 : 0;
      const xv = eq | mvb;
      eq |= hinNegative;
      // The carry out of bit 31 is dropped by `| 0`, as in 32-bit unsigned arithmetic.
      const xh = ((((eq & pvb) + pvb) | 0) ^ pvb) | eq;
      let ph = mvb | ~(xh | pvb);
      let mh = pvb & xh;
      const bit = b === blocks - 1 ? lastBit : HIGH_BIT;
      const hout = (ph & bit ? 1 : 0) - (mh & bit ? 1 : 0);
      ph = (ph << 1) | (hin > 0 ? 1 : 0);
      mh = (mh << 1) | hinNegative;
      pv[b] = mh | ~(xv | ph);
      mv[b] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}

/** Levenshtein distance between two sequences of comparable items (two rolling rows, O(n·m)). */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j += 1) previous[j] = j;
  for (let i = 1; i <= n; i += 1) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= m; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (ai === b[j - 1] ? 0 : 1);
      const deletion = (previous[j] ?? 0) + 1;
      const insertion = (current[j - 1] ?? 0) + 1;
      current[j] = Math.min(substitution, deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[m] ?? 0;
}

function rate(errors: number, referenceLength: number, hypothesisLength: number): number {
  if (referenceLength === 0) return hypothesisLength === 0 ? 0 : 1;
  return errors / referenceLength;
}

/**
 * Character error rate of `hypothesis` against `reference` (edits / reference length; 1 when the reference is
 * empty and the hypothesis is not). By default both are match-normalised first, so "25.000 €" and
 * "veinticinco mil euros" do not differ.
 */
export function computeCer(reference: string, hypothesis: string, options: ErrorRateOptions = {}): number {
  const normalize = options.normalize ?? true;
  const ref = normalize ? normalizeForMatch(reference, options.language).join(' ') : reference;
  const hyp = normalize ? normalizeForMatch(hypothesis, options.language).join(' ') : hypothesis;
  return rate(stringEditDistance(ref, hyp), ref.length, hyp.length);
}

/** Word error rate, same conventions as {@link computeCer}. */
export function computeWer(reference: string, hypothesis: string, options: ErrorRateOptions = {}): number {
  const normalize = options.normalize ?? true;
  const split = (text: string): string[] => text.split(/\s+/u).filter((w) => w !== '');
  const ref = normalize ? normalizeForMatch(reference, options.language) : split(reference);
  const hyp = normalize ? normalizeForMatch(hypothesis, options.language) : split(hypothesis);
  return rate(editDistance(ref, hyp), ref.length, hyp.length);
}
