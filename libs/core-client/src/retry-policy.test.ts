import { describe, expect, it } from 'vitest';
import { computeBackoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';

describe('isRetryableStatus', () => {
  it.each([
    [408, true],
    [429, true],
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
    [400, false],
    [401, false],
    [404, false],
    [409, false],
    [422, false],
  ])('%i → %s', (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-11T10:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['1.5', 1500],
    [' 3 ', 3000],
    ['Tue, 11 Mar 2025 10:00:30 GMT', 30_000],
    ['Tue, 11 Mar 2025 09:59:00 GMT', 0],
    ['-5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s ms', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });

  it('takes the first of repeated headers', () => {
    expect(parseRetryAfter(['2', '9'], now)).toBe(2000);
  });
});

describe('computeBackoffDelay', () => {
  it('grows exponentially up to the ceiling (random at its top)', () => {
    const top = () => 0.999_999;
    expect([0, 1, 2, 3, 10].map((attempt) => computeBackoffDelay(attempt, 500, 3000, top))).toEqual([
      499, 999, 1999, 2999, 2999,
    ]);
  });

  it('uses full jitter: zero at the bottom of the draw, half at the middle', () => {
    expect(computeBackoffDelay(3, 500, 30_000, () => 0)).toBe(0);
    expect(computeBackoffDelay(3, 500, 30_000, () => 0.5)).toBe(2000);
  });

  it('keeps a misbehaving random source in range', () => {
    expect(computeBackoffDelay(0, 500, 30_000, () => 7)).toBe(500);
    expect(computeBackoffDelay(0, 500, 30_000, () => -1)).toBe(0);
  });
});
