import { StorageError, type StorageErrorCode } from './errors';
import { findMountPoint } from './find-mount-point';

export interface FsErrorContext {
  /** What was being done, e.g. `read`, `write`, `list`. */
  operation: string;
  key?: string;
  /** The local path written or read; named in a disk-full message (local paths are not secrets). */
  path?: string;
  signal?: AbortSignal;
  /** Writing: a file where a folder must go (or the reverse) is a `conflict`, not `not_found`. */
  writing?: boolean;
}

/** File-versus-folder clashes: key `a` cannot be a file while keys `a/...` exist, and the reverse. */
const WRITE_CONFLICTS = new Set(['EISDIR', 'ENOTDIR', 'EEXIST']);

const CODES: Readonly<Record<string, StorageErrorCode>> = {
  ENOENT: 'not_found',
  ENOTDIR: 'not_found',
  EISDIR: 'not_found',
  EACCES: 'access_denied',
  EPERM: 'access_denied',
  EROFS: 'access_denied',
  EMFILE: 'unavailable',
  ENFILE: 'unavailable',
  EAGAIN: 'unavailable',
  EBUSY: 'unavailable',
  ENOSPC: 'no_space',
  EDQUOT: 'no_space',
  ABORT_ERR: 'aborted',
};

/** Codes worth retrying: the condition may clear (descriptors freed, space freed). */
const RETRYABLE: ReadonlySet<StorageErrorCode> = new Set(['unavailable', 'no_space']);

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as Record<string, unknown>)['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a Node fs error into a `StorageError`: ENOENT/ENOTDIR/EISDIR → `not_found`,
 * EACCES/EPERM/EROFS → `access_denied`, EMFILE/ENFILE/EAGAIN/EBUSY → `unavailable` (retryable),
 * ENOSPC/EDQUOT → `no_space` (retryable; the message says where), an abort → `aborted`, a
 * file/folder clash while writing → `conflict`, anything else (EIO…) → `io`. The message names the
 * key, and for a full disk the path and its mount point.
 */
export function mapFsError(error: unknown, context: FsErrorContext): StorageError {
  if (error instanceof StorageError) return error;
  const errno = errnoCode(error);
  const isAbort = context.signal?.aborted === true || (error instanceof Error && error.name === 'AbortError');
  const conflict = context.writing === true && errno !== undefined && WRITE_CONFLICTS.has(errno);
  const code: StorageErrorCode = isAbort
    ? 'aborted'
    : conflict
      ? 'conflict'
      : ((errno !== undefined ? CODES[errno] : undefined) ?? 'io');
  const target = context.key === undefined ? '' : ` of ${JSON.stringify(context.key)}`;
  let message: string;
  if (code === 'aborted') message = `File storage ${context.operation}${target} was aborted.`;
  else if (code === 'no_space')
    message = `File storage ${context.operation}${target} failed: ${noSpaceReason(errno, context.path)}`;
  else message = `File storage ${context.operation}${target} failed${errno === undefined ? '' : ` (${errno})`}.`;
  return new StorageError(code, message, {
    cause: error,
    retryable: RETRYABLE.has(code),
    ...(context.key === undefined ? {} : { key: context.key }),
  });
}

function noSpaceReason(errno: string | undefined, path: string | undefined): string {
  const what = errno === 'EDQUOT' ? 'the disk quota is exceeded' : 'the disk is full';
  if (path === undefined) return `${what} (${errno}).`;
  const mount = findMountPoint(path);
  return `${what} (${errno}) writing ${JSON.stringify(path)}${mount === undefined ? '' : ` on the file system mounted at ${JSON.stringify(mount)}`}.`;
}
