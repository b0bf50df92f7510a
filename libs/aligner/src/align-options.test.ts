import { describe, expect, it } from 'vitest';
import { DEFAULT_ALIGN_OPTIONS, resolveAlignOptions } from './align-options';
import { AlignError } from './errors';

describe('resolveAlignOptions', () => {
  it('applies the defaults (docs/architecture.md §6: 1..30 s, written labels, Spanish)', () => {
    const resolved = resolveAlignOptions();
    expect(resolved).toMatchObject({ minDurationSec: 1, maxDurationSec: 30, labelStyle: 'written', language: 'es' });
    expect(resolved).toEqual({ ...DEFAULT_ALIGN_OPTIONS });
  });

  it('keeps given values and ignores undefined ones', () => {
    expect(resolveAlignOptions({ maxCer: 0.15, minScore: undefined, labelStyle: 'spoken' })).toMatchObject({
      maxCer: 0.15,
      minScore: 0,
      labelStyle: 'spoken',
    });
  });

  it.each([
    [{ minDurationSec: -1 }, 'minDurationSec'],
    [{ maxDurationSec: 0 }, 'maxDurationSec'],
    [{ maxCer: 1.5 }, 'maxCer'],
    [{ minCoverage: -0.1 }, 'minCoverage'],
    [{ labelStyle: 'shouted' as 'spoken' }, 'labelStyle'],
    [{ speakerMismatch: 'ignore' as 'unlabel' }, 'speakerMismatch'],
    [{ minDurationSec: 5, maxDurationSec: 5 }, 'maxDurationSec must be above minDurationSec'],
  ])('rejects %j', (options, mentions) => {
    expect(() => resolveAlignOptions(options)).toThrowError(AlignError);
    expect(() => resolveAlignOptions(options)).toThrowError(new RegExp(mentions, 'u'));
  });
});
