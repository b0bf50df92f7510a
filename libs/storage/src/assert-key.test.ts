import { describe, expect, it } from 'vitest';
import { assertKey, assertKeyPrefix, isKey } from './assert-key';
import { StorageError } from './errors';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(StorageError);
    return (error as StorageError).code;
  }
}

describe('assertKey', () => {
  it.each([
    'mining/t/0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a.wav',
    'a',
    'a/b/c.d',
    '.hidden',
    'a/..b',
    'a/b..',
    'ñandú/año.txt',
    'with space/and+plus=&.txt',
    `${'x'.repeat(255)}/${'y'.repeat(255)}`,
    `${'x/'.repeat(511)}y`,
  ])('accepts %j', (key) => {
    expect(assertKey(key)).toBe(key);
    expect(isKey(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['leading slash', '/mining/t/x.wav'],
    ['trailing slash', 'mining/t/'],
    ['empty segment', 'mining//x'],
    ['parent segment', 'mining/../etc/passwd'],
    ['parent at start', '../x'],
    ['only parent', '..'],
    ['current segment', 'mining/./x'],
    ['only current', '.'],
    ['backslash', 'mining\\x'],
    ['backslash escape', '..\\..\\x'],
    ['NUL', 'a\u0000b'],
    ['newline', 'a\nb'],
    ['tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['C1 control', 'a\u0085b'],
    ['lone surrogate', 'a\ud800b'],
    ['over 1024 bytes', 'x'.repeat(1025)],
    ['over 1024 bytes in UTF-8', 'ñ'.repeat(513)],
    ['segment over 255 bytes', `a/${'x'.repeat(256)}`],
    ['reserved temp segment', 'a/.astra-tmp-0123'],
    ['reserved temp folder', '.astra-tmp-x/b'],
  ])('rejects %s (%j) with invalid_key', (_label, key) => {
    expect(codeOf(() => assertKey(key))).toBe('invalid_key');
    expect(isKey(key)).toBe(false);
  });

  it('accepts exactly 1024 UTF-8 bytes', () => {
    const key = `${'x/'.repeat(511)}yy`;
    expect(Buffer.byteLength(key)).toBe(1024);
    expect(isKey(key)).toBe(true);
  });
});

describe('assertKeyPrefix', () => {
  it.each(['', 'mining/', 'mining/t/', 'mining/t/0b7f', 'a', 'a/.', 'a/..', 'a/.astra-tmp'])('accepts %j', (prefix) => {
    expect(assertKeyPrefix(prefix)).toBe(prefix);
  });

  it.each(['/mining/', 'a//b', '../a', 'a/../b', './a', 'a\\b', 'a\u0001', 'x'.repeat(1025)])(
    'rejects %j with invalid_key',
    (prefix) => {
      expect(codeOf(() => assertKeyPrefix(prefix))).toBe('invalid_key');
    },
  );
});
