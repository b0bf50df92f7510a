import type { Readable } from 'node:stream';

/** What `head` and `list` return for one stored object. `etag` is unquoted (S3 only). */
export interface ObjectInfo {
  key: string;
  bytes: number;
  lastModified: Date;
  etag?: string;
}

export interface PutOptions {
  /** MIME type stored with the object (S3 `Content-Type`; ignored by the file backend). */
  contentType?: string;
  /** Aborting rejects with `StorageError('aborted')`; nothing partial is left behind. */
  signal?: AbortSignal;
  /** User metadata (S3 `x-amz-meta-*`; ignored by the file backend). Names: [A-Za-z0-9_-], values: printable ASCII. */
  metadata?: Record<string, string>;
  /** Also return the SHA-256 of the bytes written, computed while they are read (`PutResult.sha256`). */
  sha256?: boolean;
}

export interface PutFileOptions extends PutOptions {
  /**
   * The caller gives the file up: the file backend renames it into place when it is on the same file
   * system (fsync, rename, fsync of the folder: no copy), else copies it; S3 uploads it. Do not use the file
   * afterwards (it may or may not still be at its path).
   */
  move?: boolean;
}

export interface PutResult {
  key: string;
  uri: string;
  /** Bytes actually written. */
  bytes: number;
  etag?: string;
  /** Hex SHA-256 of the bytes written, when `sha256: true` was asked for. */
  sha256?: string;
}

export interface GetOptions {
  signal?: AbortSignal;
}

export interface GetBytesOptions {
  /** Upper bound of the object size; larger objects fail with `StorageError('too_large')`. */
  maxBytes: number;
  signal?: AbortSignal;
}

export interface GetFileOptions {
  signal?: AbortSignal;
}

/** Body accepted by `Storage.put`. Strings are written as UTF-8. */
export type PutBody = Readable | Uint8Array | string;

/**
 * An object store addressed by keys (architecture §3). Keys are validated by `assertKey`; every
 * write is atomic: readers see the old object, the whole new object, or nothing.
 */
export interface Storage {
  /** `s3://bucket[/prefix]` or `file:///abs/dir`. */
  readonly uri: string;
  /** The URI of one object: `s3://astra-raw/mining/t/<uuid>.wav`, `file:///abs/dir/mining/t/<uuid>.wav`. */
  uriFor(key: string): string;
  /** Upload a local file (multipart on S3); `move` lets the file backend rename it into place. */
  putFile(key: string, path: string, options?: PutFileOptions): Promise<PutResult>;
  /** Upload bytes, a string or a stream (streams use a multipart upload on S3). */
  put(key: string, body: PutBody, options?: PutOptions): Promise<PutResult>;
  /** The object as a stream; `StorageError('not_found')` when absent. Stream errors are StorageErrors too. */
  get(key: string, options?: GetOptions): Promise<Readable>;
  /** The whole object in memory, bounded by `maxBytes` (`StorageError('too_large')` beyond it). */
  getBytes(key: string, options: GetBytesOptions): Promise<Buffer>;
  /** Download to a local file atomically (temp file next to `path`, fsync, rename). */
  getFile(key: string, path: string, options?: GetFileOptions): Promise<void>;
  /** Size and date of an object, `undefined` when absent. */
  head(key: string): Promise<ObjectInfo | undefined>;
  exists(key: string): Promise<boolean>;
  /** Objects whose key starts with `prefix`, sorted by key (UTF-8 byte order). */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Remove an object; removing an absent object is not an error. */
  delete(key: string): Promise<void>;
  /** Release sockets of an S3 client this storage created itself (no-op otherwise). */
  close(): Promise<void>;
}
