/** Stable error codes of @astra/storage. Callers branch on `code`, never on `message`. */
export type StorageErrorCode =
  | 'invalid_uri'
  | 'invalid_key'
  | 'invalid_tenant'
  | 'invalid_argument'
  | 'not_found'
  | 'too_large'
  | 'conflict'
  | 'access_denied'
  | 'unavailable'
  | 'aborted'
  | 'no_space'
  | 'io';

export interface StorageErrorOptions {
  retryable?: boolean;
  key?: string;
  cause?: unknown;
}

/** Codes that are worth retrying unless the caller says otherwise. */
const RETRYABLE_BY_DEFAULT: ReadonlySet<StorageErrorCode> = new Set(['unavailable', 'no_space']);

/**
 * The only error class this lib throws. `message` is one sentence without credentials;
 * `key` is the storage key involved (never a signed URL); `cause` keeps the original error.
 */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly retryable: boolean;
  readonly key?: string;

  constructor(code: StorageErrorCode, message: string, options: StorageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT.has(code);
    if (options.key !== undefined) this.key = options.key;
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}
