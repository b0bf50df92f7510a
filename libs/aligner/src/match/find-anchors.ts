/** Half-open token range `[start, end)`. */
export type TokenRange = readonly [number, number];

/** Longest n-gram used as an anchor. */
export const MAX_NGRAM = 3;

/**
 * N-gram keys (1 … MAX_NGRAM tokens) at every position of one stream, computed once per session: `keys[size]`
 * holds the exact key of the n-gram starting there (ids packed into one number, or a 52-bit hash when the
 * vocabulary is too large to pack), `hashes[size]` a 32-bit mix of it for the hash tables.
 */
export interface NgramIndex {
  keys: Float64Array[];
  hashes: Int32Array[];
}

/**
 * MurmurHash3's finaliser: spreads every key bit over the low bits the tables index by (without it, n-grams that
 * end in the same token crowd the same slots: measured 2.6 extra probes per look-up on a long session, 0.2 with it).
 */
function mixBits(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

export function buildNgramIndex(ids: Int32Array, vocabularySize: number): NgramIndex {
  const keyBits = Math.max(1, Math.ceil(Math.log2(vocabularySize + 1)));
  const scale = 2 ** keyBits;
  const keys: Float64Array[] = [new Float64Array(0)];
  const hashes: Int32Array[] = [new Int32Array(0)];
  for (let size = 1; size <= MAX_NGRAM; size += 1) {
    const exact = keyBits * size <= 52;
    const count = Math.max(0, ids.length - size + 1);
    const sizeKeys = new Float64Array(count);
    const sizeHashes = new Int32Array(count);
    for (let i = 0; i < count; i += 1) {
      let key = 0;
      if (exact) for (let t = 0; t < size; t += 1) key = key * scale + (ids[i + t] ?? 0);
      else for (let t = 0; t < size; t += 1) key = (key * 1_000_003 + (ids[i + t] ?? 0)) % 4_503_599_627_370_449;
      sizeKeys[i] = key;
      const low = key % 4294967296;
      const high = Math.floor(key / 4294967296);
      sizeHashes[i] = mixBits(Math.imul(low | 0, 0x9e3779b1) ^ Math.imul(high | 0, 0x85ebca6b));
    }
    keys.push(sizeKeys);
    hashes.push(sizeHashes);
  }
  return { keys, hashes };
}

/** Open addressing stays fast at most half full: a power of two at least twice the entries. */
function capacityFor(entries: number): number {
  let capacity = 16;
  while (capacity < entries * 2) capacity *= 2;
  return capacity;
}

/**
 * Counts n-gram keys with open addressing over typed arrays (no per-entry objects): for every key, the position
 * of its only occurrence, or -1 once it has been seen twice. Reusable: `reset()` starts a new count in O(1)
 * (slots are stamped with a generation), so the many small searches of one session allocate nothing.
 */
export class UniqueKeyTable {
  private readonly keys: Float64Array;
  private readonly positions: Int32Array;
  private readonly stamps: Int32Array;
  /** Slots in use: a count of few entries stays in a small, cache-resident prefix of the arrays. */
  private mask: number;
  private generation = 1;

  constructor(maxEntries: number) {
    const capacity = capacityFor(maxEntries);
    this.keys = new Float64Array(capacity);
    this.positions = new Int32Array(capacity);
    this.stamps = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Starts a new count of at most `entries` keys (default: as many as the table was made for). */
  reset(entries = this.keys.length): void {
    this.generation += 1;
    this.mask = Math.min(capacityFor(entries), this.keys.length) - 1;
  }

  private slotOf(key: number, hash: number): number {
    let slot = hash & this.mask;
    while (this.stamps[slot] === this.generation && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  add(key: number, hash: number, position: number): void {
    const slot = this.slotOf(key, hash);
    if (this.stamps[slot] === this.generation) this.positions[slot] = -1;
    else {
      this.stamps[slot] = this.generation;
      this.keys[slot] = key;
      this.positions[slot] = position;
    }
  }

  /** Only occurrence of `key`, -1 when repeated, -2 when absent. */
  get(key: number, hash: number): number {
    const slot = this.slotOf(key, hash);
    return this.stamps[slot] === this.generation ? (this.positions[slot] ?? -2) : -2;
  }
}

/** The two tables one anchor search needs, sized for whole streams and reused by every search of a session. */
export interface AnchorTables {
  a: UniqueKeyTable;
  b: UniqueKeyTable;
}

export function createAnchorTables(aLength: number, bLength: number): AnchorTables {
  return { a: new UniqueKeyTable(aLength), b: new UniqueKeyTable(bLength) };
}

function totalLength(ranges: readonly TokenRange[]): number {
  return ranges.reduce((total, [start, end]) => total + Math.max(0, end - start), 0);
}

/**
 * The n-gram of `size` tokens at `i` spans two groups. A plain function, not a closure made per search: a new
 * closure every call sent the optimised search back to the interpreter (a deopt per call).
 */
function straddles(groups: Int32Array | undefined, i: number, size: number): boolean {
  return groups !== undefined && groups[i] !== groups[i + size - 1];
}

/**
 * Anchors between two token streams: n-grams of `size` tokens that occur exactly once in the A ranges and exactly
 * once in the B ranges (never across a range end, nor across two `aGroups` on the A side: fragments are not
 * said in acta order). Rarity is what makes repeated formulas ("votos a favor", "muchas gracias") useless as
 * anchors. Returns flat pairs `[i0, j0, i1, j1, …]` sorted by A position.
 */
export function findAnchors(
  a: NgramIndex,
  aRanges: readonly TokenRange[],
  b: NgramIndex,
  bRanges: readonly TokenRange[],
  size: number,
  aGroups?: Int32Array,
  tables?: AnchorTables,
): Int32Array {
  const aKeys = a.keys[size];
  const aHashes = a.hashes[size];
  const bKeys = b.keys[size];
  const bHashes = b.hashes[size];
  if (aKeys === undefined || aHashes === undefined || bKeys === undefined || bHashes === undefined)
    return new Int32Array(0);
  const bLength = totalLength(bRanges);
  const inB = tables?.b ?? new UniqueKeyTable(bLength);
  inB.reset(bLength);
  countKeys(inB, { keys: bKeys, hashes: bHashes, ranges: bRanges, size });
  const aLength = totalLength(aRanges);
  const inA = tables?.a ?? new UniqueKeyTable(aLength);
  inA.reset(aLength);
  const aSide = { keys: aKeys, hashes: aHashes, ranges: aRanges, size, groups: aGroups };
  countSharedKeys(inA, inB, aSide);
  return Int32Array.from(uniquePairs(inA, inB, aSide));
}

// The three passes of findAnchors are functions of their own: in one body, the optimised code compiled while the
// first (long) search was still in an early pass lacked feedback for the later ones, and every later search fell
// back to the interpreter there (two deopts per search).

/** N-gram keys of one side's ranges, with their hashes. */
interface KeyedRanges {
  keys: Float64Array;
  hashes: Int32Array;
  ranges: readonly TokenRange[];
  size: number;
  /** A side only: n-grams spanning two groups are skipped. */
  groups?: Int32Array | undefined;
}

function countKeys(table: UniqueKeyTable, side: KeyedRanges): void {
  const { keys, hashes, size } = side;
  for (const [start, end] of side.ranges) {
    for (let j = start; j + size <= end; j += 1) table.add(keys[j] ?? 0, hashes[j] ?? 0, j);
  }
}

/** Counts the A keys that occur in B at all (the others can never be anchors). */
function countSharedKeys(inA: UniqueKeyTable, inB: UniqueKeyTable, side: KeyedRanges): void {
  const { keys, hashes, size, groups } = side;
  for (const [start, end] of side.ranges) {
    for (let i = start; i + size <= end; i += 1) {
      if (straddles(groups, i, size)) continue;
      const key = keys[i] ?? 0;
      const hash = hashes[i] ?? 0;
      if (inB.get(key, hash) !== -2) inA.add(key, hash, i);
    }
  }
}

/** Flat pairs of the A positions whose key is unique in A and in B, in A order. */
function uniquePairs(inA: UniqueKeyTable, inB: UniqueKeyTable, side: KeyedRanges): number[] {
  const { keys, hashes, size, groups } = side;
  const pairs: number[] = [];
  for (const [start, end] of side.ranges) {
    for (let i = start; i + size <= end; i += 1) {
      if (straddles(groups, i, size)) continue;
      const key = keys[i] ?? 0;
      const hash = hashes[i] ?? 0;
      if (inA.get(key, hash) !== i) continue;
      const j = inB.get(key, hash);
      if (j >= 0) pairs.push(i, j);
    }
  }
  return pairs;
}

/**
 * Longest chain of anchors increasing in both streams (patience sorting, O(n log n)); anchors come sorted by A.
 * Returns the indices (into the anchor list) of the chain, in order.
 */
export function longestIncreasingChain(anchors: Int32Array): number[] {
  const count = anchors.length / 2;
  const tailIndex: number[] = [];
  const tailValue: number[] = [];
  const previous = new Int32Array(count).fill(-1);
  for (let k = 0; k < count; k += 1) {
    const j = anchors[2 * k + 1] ?? 0;
    let lo = 0;
    let hi = tailValue.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((tailValue[mid] ?? 0) < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tailIndex[lo - 1] ?? -1;
    tailIndex[lo] = k;
    tailValue[lo] = j;
  }
  const chain: number[] = [];
  for (let k = tailIndex[tailIndex.length - 1] ?? -1; k >= 0; k = previous[k] ?? -1) chain.push(k);
  return chain.reverse();
}
