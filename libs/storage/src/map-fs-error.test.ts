import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { mapFsError } from './map-fs-error';

function fsError(code: string): Error {
  return Object.assign(new Error(`${code}: something, open '/secret/path'`), { code });
}

describe('mapFsError', () => {
  it.each([
    ['ENOENT', false, 'not_found'],
    ['ENOTDIR', false, 'not_found'],
    ['EISDIR', false, 'not_found'],
    ['EISDIR', true, 'conflict'],
    ['ENOTDIR', true, 'conflict'],
    ['EEXIST', true, 'conflict'],
    ['EACCES', false, 'access_denied'],
    ['EPERM', true, 'access_denied'],
    ['EROFS', true, 'access_denied'],
    ['EMFILE', false, 'unavailable'],
    ['EBUSY', true, 'unavailable'],
    ['EIO', false, 'io'],
    ['ABORT_ERR', true, 'aborted'],
  ])('%s (writing: %s) → %s', (code, writing, expected) => {
    const error = fsError(code);
    const mapped = mapFsError(error, { operation: 'write', key: 'a/b', writing });
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped).toMatchObject({ code: expected, key: 'a/b', retryable: expected === 'unavailable' });
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toBe(
      `File storage write of "a/b" failed (${code}).`.replace(/failed \(ABORT_ERR\)\./, 'was aborted.'),
    );
  });

  it.each([
    ['ENOSPC', 'the disk is full'],
    ['EDQUOT', 'the disk quota is exceeded'],
  ])('%s → no_space, retryable, saying where', (code, what) => {
    const error = fsError(code);
    const mapped = mapFsError(error, { operation: 'write', key: 'a/b', path: '/no/such/dir/a/b', writing: true });
    expect(mapped).toMatchObject({ code: 'no_space', retryable: true, key: 'a/b' });
    expect(mapped.cause).toBe(error);
    // The nearest existing ancestor of this path is /, which is its own mount point.
    expect(mapped.message).toBe(
      `File storage write of "a/b" failed: ${what} (${code}) writing "/no/such/dir/a/b" on the file system mounted at "/".`,
    );
  });

  it('says the disk is full without a path when none is known', () => {
    expect(mapFsError(fsError('ENOSPC'), { operation: 'write', key: 'k' }).message).toBe(
      'File storage write of "k" failed: the disk is full (ENOSPC).',
    );
  });

  it('reports aborted when the signal is aborted', () => {
    expect(mapFsError(fsError('EPIPE'), { operation: 'read', signal: AbortSignal.abort() }).code).toBe('aborted');
  });
});
