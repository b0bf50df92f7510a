import type { ReportBucket } from './report-model';

type Measured = { duration: number };

/**
 * Kept and rejected segments per bucket of `valueOf`: bucket i holds values ≤ `edges[i]` and above the previous
 * edge (the last edge may be `Infinity`). Counts and seconds, so the report can say hours per CER bucket.
 */
export function bucketSegments<T extends Measured>(
  kept: readonly T[],
  rejected: readonly T[],
  edges: readonly number[],
  valueOf: (item: T) => number,
  labelOf: (edge: number, previous: number | undefined) => string,
): ReportBucket[] {
  const buckets = edges.map((edge, i) => ({
    label: labelOf(edge, edges[i - 1]),
    kept: 0,
    keptSec: 0,
    rejected: 0,
    rejectedSec: 0,
  }));
  const add = (item: T, side: 'kept' | 'rejected') => {
    const value = valueOf(item);
    const index = edges.findIndex((edge) => value <= edge);
    const bucket = buckets[index === -1 ? buckets.length - 1 : index];
    if (!bucket) return;
    if (side === 'kept') {
      bucket.kept += 1;
      bucket.keptSec += item.duration;
    } else {
      bucket.rejected += 1;
      bucket.rejectedSec += item.duration;
    }
  };
  for (const item of kept) add(item, 'kept');
  for (const item of rejected) add(item, 'rejected');
  return buckets;
}

/** CER buckets: exact matches apart, then finer steps where the usual thresholds (0.1–0.3) sit. */
export const CER_EDGES: readonly number[] = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, Number.POSITIVE_INFINITY];
export const DURATION_EDGES: readonly number[] = [2, 5, 10, 15, 20, 30, Number.POSITIVE_INFINITY];

export function cerBucketLabel(edge: number, previous: number | undefined): string {
  if (edge === 0) return '0';
  if (!Number.isFinite(edge)) return `> ${previous ?? 0}`;
  return `${previous ?? 0}–${edge}`;
}

export function durationBucketLabel(edge: number, previous: number | undefined): string {
  if (!Number.isFinite(edge)) return `> ${previous ?? 0} s`;
  return `${previous ?? 0}–${edge} s`;
}
