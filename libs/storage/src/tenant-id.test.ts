import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { isTenantId } from '@astra/contracts';
import { assertTenantId } from './tenant-id';

describe('tenant ids', () => {
  it.each(['a', '0', 'ayto-madrid', 'ayto_madrid', 'a1-b2_c3', 'x'.repeat(63), '9lives'])('accepts %j', (id) => {
    expect(isTenantId(id)).toBe(true);
    expect(assertTenantId(id)).toBe(id);
  });

  it.each([
    ['upper case', 'A'],
    ['upper case inside', 'ayto-Madrid'],
    ['empty', ''],
    ['parent folder', '../x'],
    ['slash', 'a/b'],
    ['backslash', 'a\\b'],
    ['64 characters', 'x'.repeat(64)],
    ['non-ASCII', 'ñ'],
    ['non-ASCII inside', 'logroño'],
    ['leading dash', '-a'],
    ['leading underscore', '_a'],
    ['dot', 'a.b'],
    ['space', 'a b'],
    ['trailing newline', 'a\n'],
    ['NUL', 'a\u0000'],
  ])('rejects %s (%j) with invalid_tenant', (_label, id) => {
    expect(isTenantId(id)).toBe(false);
    let thrown: unknown;
    try {
      assertTenantId(id);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageError);
    expect(thrown).toMatchObject({ code: 'invalid_tenant', retryable: false, name: 'StorageError' });
  });

  it('rejects non-strings without throwing a TypeError', () => {
    expect(isTenantId(42 as unknown as string)).toBe(false);
    expect(() => assertTenantId(undefined as unknown as string)).toThrow(StorageError);
  });

  it('keeps the message to one short line for a huge input', () => {
    let message = '';
    try {
      assertTenantId(`A${'x'.repeat(10_000)}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('\n');
    expect(message.length).toBeLessThan(200);
  });
});
