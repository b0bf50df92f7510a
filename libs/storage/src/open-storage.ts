import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeValue } from '@astra/contracts';
import { StorageError } from './errors';
import { FileStorage } from './file-storage';
import { silentLogger, type Logger } from '@astra/contracts';
import type { Storage } from './model';
import { S3Storage, type S3StorageOptions } from './s3-storage';

export interface OpenStorageOptions {
  /** Client settings for `s3://` URIs (endpoint, region, credentials, part size…). */
  s3?: Omit<S3StorageOptions, 'prefix' | 'logger'>;
  /** Base of relative `file://DIR` and plain paths. Default `process.cwd()`. */
  cwd?: string;
  logger?: Logger;
}

export interface ResolvedOpenStorageOptions {
  s3: Omit<S3StorageOptions, 'prefix' | 'logger'>;
  cwd: string;
  logger: Logger;
}

export function resolveOpenStorageOptions(options: OpenStorageOptions = {}): ResolvedOpenStorageOptions {
  return { s3: options.s3 ?? {}, cwd: options.cwd ?? process.cwd(), logger: options.logger ?? silentLogger };
}

export type StorageLocation = { kind: 's3'; bucket: string; prefix: string } | { kind: 'file'; dir: string };

function invalid(uri: string, reason: string, cause?: unknown): StorageError {
  return new StorageError(
    'invalid_uri',
    `Invalid storage URI ${describeValue(uri)}: ${reason}.`,
    cause === undefined ? {} : { cause },
  );
}

/**
 * Where a storage URI points, without opening anything:
 * - `s3://bucket` or `s3://bucket/prefix` (no user info, port, query or fragment);
 * - `file:///abs/dir`, `file://localhost/abs/dir` (percent-decoded), or `file://rel/dir`
 *   (`file://./.astra-data`: a relative DIR, taken literally and resolved against `cwd`);
 * - a plain absolute or relative path.
 * Any other scheme, or an empty string, is `StorageError('invalid_uri')`.
 */
export function parseStorageUri(uri: string, cwd: string): StorageLocation {
  if (typeof uri !== 'string' || uri.trim() === '') throw invalid(String(uri), 'empty');
  if (/^s3:\/\//i.test(uri)) {
    const rest = uri.slice('s3://'.length);
    if (/[?#]/.test(rest)) throw invalid(uri, 'an s3 URI is s3://bucket[/prefix] without query or fragment');
    const slash = rest.indexOf('/');
    const bucket = slash === -1 ? rest : rest.slice(0, slash);
    const prefix = slash === -1 ? '' : rest.slice(slash + 1).replace(/\/+$/, '');
    return { kind: 's3', bucket, prefix };
  }
  if (/^file:/i.test(uri)) {
    if (!/^file:\/\//i.test(uri)) throw invalid(uri, 'expected file://DIR');
    const rest = uri.slice('file://'.length);
    if (rest === '') throw invalid(uri, 'no directory');
    if (/[?#]/.test(rest)) throw invalid(uri, 'query and fragment are not allowed');
    if (rest.startsWith('/') || /^localhost\//i.test(rest)) {
      try {
        return { kind: 'file', dir: fileURLToPath(`file://${rest}`) };
      } catch (error) {
        throw invalid(uri, 'not a local file URL', error);
      }
    }
    return { kind: 'file', dir: resolve(cwd, rest) };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(uri)) throw invalid(uri, 'only s3:// and file:// are supported');
  return { kind: 'file', dir: isAbsolute(uri) ? resolve(uri) : resolve(cwd, uri) };
}

/**
 * Opens the storage a URI names: `s3://bucket[/prefix]` → S3Storage, `file://DIR` or a plain
 * path → FileStorage. Nothing is contacted or created until the first operation.
 */
export function openStorage(uri: string, options: OpenStorageOptions = {}): Storage {
  const resolved = resolveOpenStorageOptions(options);
  const location = parseStorageUri(uri, resolved.cwd);
  if (location.kind === 'file') return new FileStorage(location.dir, { logger: resolved.logger });
  return new S3Storage(location.bucket, {
    ...resolved.s3,
    ...(location.prefix === '' ? {} : { prefix: location.prefix }),
    logger: resolved.logger,
  });
}
