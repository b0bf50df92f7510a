import { StorageError, type StorageErrorCode } from './errors';

export interface FsErrorContext {
  /** What was being done, e.g. `read`, `write`, `list`. */
  operation: string;
  key?: string;
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
  ABORT_ERR: 'aborted',
};

function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as Record<string, unknown>)['code'];
  return typeof code === 'string' ? code : undefined;
}

/**
 * Turns a Node fs error into a `StorageError`: ENOENT/ENOTDIR/EISDIR → `not_found`,
 * EACCES/EPERM/EROFS → `access_denied`, EMFILE/ENFILE/EAGAIN/EBUSY → `unavailable` (retryable),
 * an abort → `aborted`, a file/folder clash while writing → `conflict`, anything else (ENOSPC, EIO…) → `io`. The message names the key, not the path.
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
  const message =
    code === 'aborted'
      ? `File storage ${context.operation}${target} was aborted.`
      : `File storage ${context.operation}${target} failed${errno === undefined ? '' : ` (${errno})`}.`;
  return new StorageError(code, message, {
    cause: error,
    retryable: code === 'unavailable',
    ...(context.key === undefined ? {} : { key: context.key }),
  });
}
