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
    ['ENOSPC', true, 'io'],
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

  it('reports aborted when the signal is aborted', () => {
    expect(mapFsError(fsError('EPIPE'), { operation: 'read', signal: AbortSignal.abort() }).code).toBe('aborted');
  });
});
