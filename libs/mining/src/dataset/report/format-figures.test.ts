import { describe, expect, it } from 'vitest';
import { formatClock, formatDuration, formatNumber, formatPercent } from './format-figures';

describe('format figures', () => {
  it.each([
    [0, '0.0 s'],
    [45.24, '45.2 s'],
    [750, '12.5 min'],
    [3600, '1.00 h'],
    [11_556, '3.21 h'],
    [Number.NaN, 'unknown'],
  ])('formatDuration(%s) = %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it.each([
    [1, 4, '25.0 %'],
    [0, 10, '0.0 %'],
    [3, 0, '–'],
    [Number.NaN, 10, '–'],
  ])('formatPercent(%s, %s) = %s', (part, whole, expected) => {
    expect(formatPercent(part, whole)).toBe(expected);
  });

  it.each([
    [0, '0:00.0'],
    [5.25, '0:05.3'],
    [59.96, '1:00.0'],
    [812.44, '13:32.4'],
    [3725.2, '1:02:05'],
  ])('formatClock(%s) = %s', (seconds, expected) => {
    expect(formatClock(seconds)).toBe(expected);
  });

  it.each([
    [1.23456, '1.235'],
    [2, '2'],
    [0.1 + 0.2, '0.3'],
  ])('formatNumber(%s) = %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
});
