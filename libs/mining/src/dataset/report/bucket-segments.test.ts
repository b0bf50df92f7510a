import { describe, expect, it } from 'vitest';
import { bucketSegments, CER_EDGES, cerBucketLabel, DURATION_EDGES, durationBucketLabel } from './bucket-segments';

const seg = (cer: number, duration = 2) => ({ cer, duration });

describe('bucketSegments', () => {
  it.each([
    [0, '0'],
    [0.001, '0–0.02'],
    [0.02, '0–0.02'],
    [0.021, '0.02–0.05'],
    [0.3, '0.2–0.3'],
    [0.31, '0.3–0.5'],
    [0.9, '> 0.5'],
    [5, '> 0.5'],
  ])('puts CER %s in bucket %s', (cer, label) => {
    const buckets = bucketSegments([seg(cer, 3)], [], CER_EDGES, (s) => s.cer, cerBucketLabel);
    expect(buckets.filter((b) => b.kept > 0)).toEqual([{ label, kept: 1, keptSec: 3, rejected: 0, rejectedSec: 0 }]);
  });

  it('sums kept and rejected seconds apart, every bucket listed', () => {
    const buckets = bucketSegments(
      [seg(0.01, 2), seg(0.015, 3)],
      [seg(0.6, 4), seg(0.01, 1)],
      CER_EDGES,
      (s) => s.cer,
      cerBucketLabel,
    );
    expect(buckets).toHaveLength(CER_EDGES.length);
    expect(buckets[1]).toEqual({ label: '0–0.02', kept: 2, keptSec: 5, rejected: 1, rejectedSec: 1 });
    expect(buckets.at(-1)).toEqual({ label: '> 0.5', kept: 0, keptSec: 0, rejected: 1, rejectedSec: 4 });
  });

  it('labels duration buckets in seconds', () => {
    const buckets = bucketSegments(
      [seg(0, 1.5), seg(0, 31)],
      [],
      DURATION_EDGES,
      (s) => s.duration,
      durationBucketLabel,
    );
    expect(buckets.map((b) => b.label)).toEqual([
      '0–2 s',
      '2–5 s',
      '5–10 s',
      '10–15 s',
      '15–20 s',
      '20–30 s',
      '> 30 s',
    ]);
    expect(buckets.map((b) => b.kept)).toEqual([1, 0, 0, 0, 0, 0, 1]);
  });
});
