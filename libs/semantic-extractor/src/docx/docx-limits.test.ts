import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCX_LIMITS, resolveDocxLimits } from './docx-limits';

describe('resolveDocxLimits', () => {
  it('fills in the defaults', () => {
    expect(resolveDocxLimits({ maxEntries: 10 })).toEqual({ ...DEFAULT_DOCX_LIMITS, maxEntries: 10 });
    expect(DEFAULT_DOCX_LIMITS).toEqual({
      maxCompressedBytes: 50 * 1024 * 1024,
      maxUncompressedBytes: 200 * 1024 * 1024,
      maxCompressionRatio: 100,
      maxEntries: 5000,
    });
  });

  it.each([[{ maxEntries: 0 }], [{ maxCompressionRatio: Number.NaN }], [{ maxUncompressedBytes: -1 }]])(
    'rejects %j',
    (limits) => {
      expect(() => resolveDocxLimits(limits)).toThrow(RangeError);
    },
  );
});
