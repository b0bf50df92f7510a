import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { mapS3Error } from './map-s3-error';

/** Shaped like the SDK's S3ServiceException. */
function serviceError(name: string, status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`${name} message`), {
    name,
    $metadata: { httpStatusCode: status },
    $fault: status >= 500 ? 'server' : 'client',
    ...extra,
  });
}

function networkError(code: string): Error {
  return Object.assign(new Error(`connect ${code}`), { code });
}

const context = { operation: 'GetObject', target: 's3://astra-raw/mining/t/x.wav', key: 'mining/t/x.wav' };

describe('mapS3Error', () => {
  it.each([
    ['NoSuchKey', serviceError('NoSuchKey', 404), 'not_found', false],
    ['HEAD 404', serviceError('NotFound', 404), 'not_found', false],
    ['NoSuchBucket', serviceError('NoSuchBucket', 404), 'not_found', false],
    ['unknown 404', serviceError('Weird', 404), 'not_found', false],
    ['AccessDenied', serviceError('AccessDenied', 403), 'access_denied', false],
    ['bad key id', serviceError('InvalidAccessKeyId', 403), 'access_denied', false],
    ['bad signature', serviceError('SignatureDoesNotMatch', 403), 'access_denied', false],
    ['expired token', serviceError('ExpiredToken', 400), 'access_denied', false],
    [
      'no credentials',
      Object.assign(new Error('Could not load credentials'), { name: 'CredentialsProviderError' }),
      'access_denied',
      false,
    ],
    ['SlowDown', serviceError('SlowDown', 503), 'unavailable', true],
    ['InternalError', serviceError('InternalError', 500), 'unavailable', true],
    ['502', serviceError('BadGateway', 502), 'unavailable', true],
    ['429', serviceError('TooManyRequests', 429), 'unavailable', true],
    ['RequestTimeout', serviceError('RequestTimeout', 400), 'unavailable', true],
    ['SDK throttling flag', serviceError('Throttled', 400, { $retryable: { throttling: true } }), 'unavailable', true],
    ['ECONNREFUSED', networkError('ECONNREFUSED'), 'unavailable', true],
    ['ECONNRESET', networkError('ECONNRESET'), 'unavailable', true],
    ['ENOTFOUND', networkError('ENOTFOUND'), 'unavailable', true],
    [
      'wrapped network error',
      Object.assign(new Error('outer'), { cause: networkError('ETIMEDOUT') }),
      'unavailable',
      true,
    ],
    [
      'AggregateError',
      new AggregateError([networkError('ECONNREFUSED'), networkError('ECONNREFUSED')], 'all failed'),
      'unavailable',
      true,
    ],
    ['socket timeout', Object.assign(new Error('timeout'), { name: 'TimeoutError' }), 'unavailable', true],
    ['abort', Object.assign(new Error('The operation was aborted'), { name: 'AbortError' }), 'aborted', false],
    ['400 InvalidArgument', serviceError('InvalidArgument', 400), 'io', false],
    ['405 MethodNotAllowed', serviceError('MethodNotAllowed', 405), 'io', false],
    ['plain error', new Error('boom'), 'io', false],
    ['not an error', 'a string', 'io', false],
  ])('%s → %s', (_label, error, code, retryable) => {
    const mapped = mapS3Error(error, context);
    expect(mapped).toBeInstanceOf(StorageError);
    expect(mapped).toMatchObject({ code, retryable, key: 'mining/t/x.wav', name: 'StorageError' });
    expect(mapped.cause).toBe(error);
    expect(mapped.message).toContain('s3://astra-raw/mining/t/x.wav');
    expect(mapped.message).not.toContain('\n');
  });

  it('reports aborted whenever the caller signal is aborted, whatever the SDK threw', () => {
    const mapped = mapS3Error(networkError('ECONNRESET'), { ...context, signal: AbortSignal.abort() });
    expect(mapped.code).toBe('aborted');
  });

  it('names the operation, error name and status in the message', () => {
    expect(mapS3Error(serviceError('NoSuchKey', 404), context).message).toBe(
      'S3 GetObject of s3://astra-raw/mining/t/x.wav failed (NoSuchKey, HTTP 404).',
    );
  });

  it('passes StorageErrors through unchanged', () => {
    const original = new StorageError('too_large', 'x');
    expect(mapS3Error(original, context)).toBe(original);
  });
});
