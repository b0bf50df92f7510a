import { StorageError, type StorageErrorCode } from './errors';

export interface S3ErrorContext {
  /** The S3 operation, as in the API reference (`GetObject`, `UploadPart`…). */
  operation: string;
  /** `s3://bucket/key` or `s3://bucket/prefix` — never a signed URL. */
  target: string;
  key?: string;
  signal?: AbortSignal;
}

const NOT_FOUND_NAMES = new Set(['NoSuchKey', 'NotFound', 'NoSuchBucket']);
const ACCESS_DENIED_NAMES = new Set([
  'AccessDenied',
  'AllAccessDisabled',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
  'TokenRefreshRequired',
  'CredentialsProviderError',
]);
const UNAVAILABLE_NAMES = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestTimeout',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'InternalError',
  'TimeoutError',
]);
/** Node / undici network failures: the server may well be back in a moment. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

interface ErrorFacts {
  name?: string;
  status?: number;
  code?: string;
  retryable: boolean;
}

function factsOf(error: unknown): ErrorFacts {
  const facts: ErrorFacts = { retryable: false };
  // Walk `cause` / AggregateError `errors` a few levels deep: network failures are often wrapped.
  const queue: unknown[] = [error];
  for (let depth = 0; depth < 8 && queue.length > 0; depth += 1) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null) continue;
    const record = current as Record<string, unknown>;
    if (facts.name === undefined && typeof record['name'] === 'string' && record['name'] !== 'Error') {
      facts.name = record['name'];
    }
    const metadata = record['$metadata'];
    if (facts.status === undefined && typeof metadata === 'object' && metadata !== null) {
      const status = (metadata as Record<string, unknown>)['httpStatusCode'];
      if (typeof status === 'number') facts.status = status;
    }
    if (facts.code === undefined && typeof record['code'] === 'string') facts.code = record['code'];
    if (record['$retryable'] !== undefined && record['$retryable'] !== null) facts.retryable = true;
    if (record['cause'] !== undefined) queue.push(record['cause']);
    if (Array.isArray(record['errors'])) queue.push(...(record['errors'] as unknown[]));
  }
  return facts;
}

function classify(facts: ErrorFacts): StorageErrorCode {
  const { name, status, code } = facts;
  if (name === 'AbortError') return 'aborted';
  if ((name !== undefined && NOT_FOUND_NAMES.has(name)) || status === 404) return 'not_found';
  if ((name !== undefined && ACCESS_DENIED_NAMES.has(name)) || status === 401 || status === 403) return 'access_denied';
  if (
    (name !== undefined && UNAVAILABLE_NAMES.has(name)) ||
    (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('UND_ERR_'))) ||
    (status !== undefined && (status >= 500 || status === 408 || status === 429)) ||
    facts.retryable
  ) {
    return 'unavailable';
  }
  return 'io';
}

/**
 * Turns whatever the AWS SDK threw into a `StorageError`: NoSuchKey/404 → `not_found`,
 * 401/403 and credential failures → `access_denied`, network errors, 5xx, 408, 429 and
 * throttling → `unavailable` (retryable), an aborted signal → `aborted`, anything else → `io`.
 */
export function mapS3Error(error: unknown, context: S3ErrorContext): StorageError {
  if (error instanceof StorageError) return error;
  const facts = factsOf(error);
  const code: StorageErrorCode = context.signal?.aborted === true ? 'aborted' : classify(facts);
  const detail = [facts.name, facts.code, facts.status === undefined ? undefined : `HTTP ${facts.status}`]
    .filter((part) => part !== undefined)
    .join(', ');
  const message =
    code === 'aborted'
      ? `S3 ${context.operation} of ${context.target} was aborted.`
      : `S3 ${context.operation} of ${context.target} failed${detail === '' ? '' : ` (${detail})`}.`;
  return new StorageError(code, message, {
    cause: error,
    retryable: code === 'unavailable',
    ...(context.key === undefined ? {} : { key: context.key }),
  });
}
