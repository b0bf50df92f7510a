import { StorageError } from './errors';
import { describeValue } from '@astra/contracts';

/** S3's limit for a key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 1024;
/** A file name limit on common file systems; applied to S3 too so both backends accept the same keys. */
export const MAX_KEY_SEGMENT_BYTES = 255;
/**
 * Segments starting with this are reserved for the file backend's temp files (never valid keys,
 * never listed).
 */
export const RESERVED_SEGMENT_PREFIX = '.astra-tmp-';

// C0 and C1 control characters, DEL, and lone UTF-16 surrogates (not encodable as UTF-8).
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f-\u009f\\]|\p{Cs}/u;

function reject(value: unknown, reason: string): never {
  throw new StorageError('invalid_key', `Invalid storage key ${describeValue(value)}: ${reason}.`);
}

function checkCommon(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') reject(value, `${what} must be a string`);
  if (value.startsWith('/')) reject(value, `${what} must not start with '/'`);
  if (FORBIDDEN_CHARS.test(value))
    reject(value, `${what} must not contain control characters, backslashes or lone surrogates`);
  if (Buffer.byteLength(value, 'utf8') > MAX_KEY_BYTES) reject(value, `${what} is longer than ${MAX_KEY_BYTES} bytes`);
}

function checkSegment(value: string, segment: string): void {
  if (segment === '') reject(value, 'empty path segment');
  if (segment === '.' || segment === '..') reject(value, `'${segment}' segment`);
  if (segment.startsWith(RESERVED_SEGMENT_PREFIX))
    reject(value, `segments starting with '${RESERVED_SEGMENT_PREFIX}' are reserved`);
  if (Buffer.byteLength(segment, 'utf8') > MAX_KEY_SEGMENT_BYTES)
    reject(value, `a segment is longer than ${MAX_KEY_SEGMENT_BYTES} bytes`);
}

export function isKey(key: string): boolean {
  try {
    assertKey(key);
    return true;
  } catch (error) {
    if (error instanceof StorageError) return false;
    throw error;
  }
}

/**
 * Returns `key` unchanged if it is a valid storage key, else throws `StorageError('invalid_key')`:
 * non-empty, no leading '/', no empty, '.' or '..' segments, no backslash, no control characters,
 * at most 1024 UTF-8 bytes (255 per segment), no reserved segment.
 */
export function assertKey(key: string): string {
  checkCommon(key, 'key');
  if (key === '') reject(key, 'key is empty');
  for (const segment of key.split('/')) checkSegment(key, segment);
  return key;
}

/**
 * Returns `prefix` unchanged if keys can start with it: '' (everything), a folder ending in '/',
 * or a partial key. Every segment but the last must be a valid key segment.
 */
export function assertKeyPrefix(prefix: string): string {
  checkCommon(prefix, 'prefix');
  const segments = prefix.split('/');
  segments.pop();
  for (const segment of segments) checkSegment(prefix, segment);
  return prefix;
}
