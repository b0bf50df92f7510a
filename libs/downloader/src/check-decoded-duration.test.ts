import { describe, expect, it } from 'vitest';
import { checkDecodedDuration } from './check-decoded-duration';
import type { MediaProbe } from './probe-media';

const probe = (declaredDurationSec: number | undefined, durationReliable = true): MediaProbe => ({
  audioStreams: 1,
  durationReliable,
  ...(declaredDurationSec === undefined ? {} : { declaredDurationSec }),
});

describe('checkDecodedDuration', () => {
  it.each([
    [3.0, probe(3.008)],
    [3.018, probe(3.0)],
    [2.1, probe(3.0)],
    [3582, probe(3600)],
    [1.2, probe(3.0, false)],
    [1.2, probe(undefined)],
  ])('accepts %s s decoded for %j', (decoded, p) => {
    expect(() => checkDecodedDuration(decoded, p)).not.toThrow();
  });

  it.each([
    [1.15, probe(3.008)],
    [1.9, probe(3.0)],
    [3500, probe(3600)],
  ])('rejects %s s decoded for %j as truncated', (decoded, p) => {
    expect(() => checkDecodedDuration(decoded, p)).toThrow(
      expect.objectContaining({ code: 'invalid_media', retryable: false }),
    );
  });
});
