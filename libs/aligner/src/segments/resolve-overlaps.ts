import type { Segment } from '../model';

const EPSILON_SEC = 1e-9;

function overlaps(a: Segment | undefined, b: Segment): boolean {
  if (a === undefined) return false;
  return a.offset + a.duration > b.offset + EPSILON_SEC && b.offset + b.duration > a.offset + EPSILON_SEC;
}

/** Index of the first segment of `sorted` (by offset) starting at or after `offset`. */
function insertionPoint(sorted: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid]?.offset ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Of segments that overlap in time (possible only across fragments, e.g. the same words in two places of the
 * acta), the better-scored one stays; the others are returned as `dropped`. Both lists come back in time order.
 */
export function resolveOverlaps(segments: readonly Segment[]): { kept: Segment[]; dropped: Segment[] } {
  const byScore = [...segments].sort((x, y) => y.score - x.score || x.offset - y.offset);
  const accepted: Segment[] = [];
  const dropped: Segment[] = [];
  for (const segment of byScore) {
    const at = insertionPoint(accepted, segment.offset);
    if (overlaps(accepted[at - 1], segment) || overlaps(accepted[at], segment)) dropped.push(segment);
    else accepted.splice(at, 0, segment);
  }
  dropped.sort((x, y) => x.offset - y.offset || x.wordRange[0] - y.wordRange[0]);
  return { kept: accepted, dropped };
}
