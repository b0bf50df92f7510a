import type { S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, assertKeyPrefix, isKey } from './assert-key';
import { assertPutOptions } from './assert-put-options';
import { ByteCounter } from './byte-counter';
import { createS3Client, type S3Credentials } from './create-s3-client';
import { describeValue } from '@astra/contracts';
import { StorageError } from './errors';
import { guardReadStream } from './guard-read-stream';
import { silentLogger, type Logger } from '@astra/contracts';
import { loadClientS3, loadLibStorage } from './load-aws-sdk';
import { mapS3Error } from './map-s3-error';
import type {
  GetBytesOptions,
  GetFileOptions,
  GetOptions,
  ObjectInfo,
  PutBody,
  PutFileOptions,
  PutOptions,
  PutResult,
  Storage,
} from './model';
import { openLocalFile } from './open-local-file';
import { assertMaxBytes, readBounded, tooLarge } from './read-bounded';
import { writeObjectToFile } from './write-object-to-file';

export interface S3StorageOptions {
  /** A ready client (tests, custom middleware). When given, the options below that configure a client are ignored. */
  client?: S3Client;
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Default: automatic for an endpoint on localhost or an IP address. */
  forcePathStyle?: boolean;
  /** Default: the SDK's default provider chain. */
  credentials?: S3Credentials;
  /** Multipart part size, at least 5 MiB. Default 8 MiB. */
  partSizeBytes?: number;
  /** Parts uploaded in parallel. Default 4. */
  queueSize?: number;
  /** Key prefix inside the bucket (`s3://bucket/prefix`); keys are relative to it. */
  prefix?: string;
  logger?: Logger;
}

export const DEFAULT_S3_STORAGE_OPTIONS = {
  partSizeBytes: 8 * 1024 * 1024,
  queueSize: 4,
} as const;

/** S3's minimum part size (all parts but the last) and maximum part count. */
const MIN_PART_SIZE_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export interface ResolvedS3StorageOptions {
  client: S3Client;
  ownsClient: boolean;
  partSizeBytes: number;
  queueSize: number;
  prefix: string;
  logger: Logger;
}

export function resolveS3StorageOptions(options: S3StorageOptions = {}): ResolvedS3StorageOptions {
  const partSizeBytes = options.partSizeBytes ?? DEFAULT_S3_STORAGE_OPTIONS.partSizeBytes;
  const queueSize = options.queueSize ?? DEFAULT_S3_STORAGE_OPTIONS.queueSize;
  if (!Number.isSafeInteger(partSizeBytes) || partSizeBytes < MIN_PART_SIZE_BYTES) {
    throw new StorageError(
      'invalid_argument',
      `Invalid partSizeBytes ${String(partSizeBytes)}: at least ${MIN_PART_SIZE_BYTES} expected.`,
    );
  }
  if (!Number.isSafeInteger(queueSize) || queueSize < 1 || queueSize > 64) {
    throw new StorageError('invalid_argument', `Invalid queueSize ${String(queueSize)}: 1..64 expected.`);
  }
  const prefix = (options.prefix ?? '').replace(/\/+$/, '');
  if (prefix !== '') {
    try {
      assertKey(prefix);
    } catch (error) {
      throw new StorageError('invalid_uri', `Invalid S3 key prefix ${describeValue(options.prefix)}.`, {
        cause: error,
      });
    }
  }
  const client =
    options.client ??
    createS3Client({
      ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
      ...(options.region === undefined ? {} : { region: options.region }),
      ...(options.forcePathStyle === undefined ? {} : { forcePathStyle: options.forcePathStyle }),
      ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    });
  return {
    client,
    ownsClient: options.client === undefined,
    partSizeBytes,
    queueSize,
    prefix,
    logger: options.logger ?? silentLogger,
  };
}

export function isBucketName(name: string): boolean {
  return typeof name === 'string' && BUCKET_PATTERN.test(name) && !name.includes('..');
}

function unquote(etag: string | undefined): string | undefined {
  return etag === undefined ? undefined : etag.replace(/^"|"$/g, '');
}

function operationOf(command: object): string {
  return command.constructor.name.replace(/Command$/, '');
}

type SendCommand = Parameters<S3Client['send']>[0];

/**
 * A view of `client` whose requests are cancelled by `signal` — except the two short ones whose
 * client-side cancellation would leave server state we could not see: CreateMultipartUpload
 * (an upload id we never learn, so never abort) and CompleteMultipartUpload (an object created
 * while we report a failure). Failures are reported to `onFailure` as they happen so the other
 * parallel parts stop at once.
 */
function scopeClient(
  client: S3Client,
  signal: AbortSignal,
  onFailure: (error: unknown, operation: string) => void,
): S3Client {
  // Object.create keeps `config` (read by lib-storage) and everything else of the real client.
  const scoped: S3Client = Object.create(client);
  const { CreateMultipartUploadCommand, CompleteMultipartUploadCommand } = loadClientS3();
  const send = async (command: SendCommand): Promise<unknown> => {
    try {
      const cancellable =
        !(command instanceof CreateMultipartUploadCommand) && !(command instanceof CompleteMultipartUploadCommand);
      return await client.send(command, cancellable ? { abortSignal: signal } : {});
    } catch (error) {
      onFailure(error, operationOf(command));
      throw error;
    }
  };
  Object.defineProperty(scoped, 'send', { value: send });
  return scoped;
}

/**
 * `s3://bucket[/prefix]` backend. Uploads go through @aws-sdk/lib-storage (PutObject for bodies
 * up to one part, multipart beyond); a failed or aborted multipart upload is aborted so that no
 * object and no parts are left (a server that refuses the abort is logged at warn: keep an
 * AbortIncompleteMultipartUpload lifecycle rule on the bucket).
 */
export class S3Storage implements Storage {
  readonly uri: string;
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: S3Client;
  private readonly ownsClient: boolean;
  private readonly partSizeBytes: number;
  private readonly queueSize: number;
  private readonly logger: Logger;

  constructor(bucket: string, options: S3StorageOptions = {}) {
    if (!isBucketName(bucket)) {
      throw new StorageError('invalid_uri', `Invalid S3 bucket name ${describeValue(bucket)}.`);
    }
    const resolved = resolveS3StorageOptions(options);
    this.bucket = bucket;
    this.prefix = resolved.prefix;
    this.client = resolved.client;
    this.ownsClient = resolved.ownsClient;
    this.partSizeBytes = resolved.partSizeBytes;
    this.queueSize = resolved.queueSize;
    this.logger = resolved.logger;
    this.uri = `s3://${bucket}${this.prefix === '' ? '' : `/${this.prefix}`}`;
  }

  uriFor(key: string): string {
    return `s3://${this.bucket}/${this.objectKey(key)}`;
  }

  /** Uploads the file, hashing it in the same read when `sha256` is asked for; `move` changes nothing here. */
  async putFile(key: string, path: string, options: PutFileOptions = {}): Promise<PutResult> {
    const objectKey = this.objectKey(key);
    assertPutOptions(options, key);
    this.throwIfAborted(options.signal, key);
    const { stream, bytes } = await openLocalFile(path, key);
    // Large files: grow the part size so the upload stays within S3's 10 000 parts.
    const partSizeBytes = Math.max(this.partSizeBytes, Math.ceil(bytes / MAX_PARTS));
    return this.upload(key, objectKey, stream, options, partSizeBytes);
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const objectKey = this.objectKey(key);
    assertPutOptions(options, key);
    const source = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    return this.upload(key, objectKey, source, options, this.partSizeBytes);
  }

  async get(key: string, options: GetOptions = {}): Promise<Readable> {
    return (await this.getObject(key, options)).stream;
  }

  async getBytes(key: string, options: GetBytesOptions): Promise<Buffer> {
    const maxBytes = assertMaxBytes(options.maxBytes);
    const { stream, bytes } = await this.getObject(key, options);
    if (bytes !== undefined && bytes > maxBytes) {
      stream.destroy();
      throw tooLarge(key, maxBytes, bytes);
    }
    return readBounded(stream, maxBytes, key);
  }

  async getFile(key: string, path: string, options: GetFileOptions = {}): Promise<void> {
    const { stream } = await this.getObject(key, options);
    await writeObjectToFile(key, stream, path, {
      logger: this.logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const objectKey = this.objectKey(key);
    try {
      const { HeadObjectCommand } = loadClientS3();
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: objectKey }));
      const etag = unquote(output.ETag);
      return {
        key,
        bytes: output.ContentLength ?? 0,
        lastModified: output.LastModified ?? new Date(0),
        ...(etag === undefined ? {} : { etag }),
      };
    } catch (error) {
      const mapped = mapS3Error(error, { operation: 'HeadObject', target: this.uriFor(key), key });
      if (mapped.code === 'not_found') return undefined;
      throw mapped;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.head(key)) !== undefined;
  }

  list(prefix: string): AsyncIterable<ObjectInfo> {
    assertKeyPrefix(prefix);
    return this.listValid(prefix);
  }

  async delete(key: string): Promise<void> {
    const objectKey = this.objectKey(key);
    try {
      const { DeleteObjectCommand } = loadClientS3();
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
    } catch (error) {
      const mapped = mapS3Error(error, { operation: 'DeleteObject', target: this.uriFor(key), key });
      if (mapped.code !== 'not_found') throw mapped;
    }
  }

  async close(): Promise<void> {
    if (this.ownsClient) this.client.destroy();
  }

  private objectKey(key: string): string {
    assertKey(key);
    return this.prefix === '' ? key : `${this.prefix}/${key}`;
  }

  private throwIfAborted(signal: AbortSignal | undefined, key: string): void {
    if (signal?.aborted === true) {
      throw new StorageError('aborted', `S3 operation on ${this.uriFor(key)} was aborted.`, {
        key,
        cause: signal.reason,
      });
    }
  }

  private async getObject(key: string, options: GetOptions): Promise<{ stream: Readable; bytes: number | undefined }> {
    const objectKey = this.objectKey(key);
    const { signal } = options;
    this.throwIfAborted(signal, key);
    const context = {
      operation: 'GetObject',
      target: this.uriFor(key),
      key,
      ...(signal === undefined ? {} : { signal }),
    };
    let body: unknown;
    let bytes: number | undefined;
    try {
      const { GetObjectCommand } = loadClientS3();
      const output = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: objectKey }),
        signal === undefined ? {} : { abortSignal: signal },
      );
      body = output.Body;
      bytes = output.ContentLength;
    } catch (error) {
      throw mapS3Error(error, context);
    }
    if (!(body instanceof Readable)) {
      throw new StorageError('io', `S3 GetObject of ${this.uriFor(key)} returned no readable body.`, { key });
    }
    const stream = guardReadStream(body, {
      ...(signal === undefined ? {} : { signal }),
      mapError: (error) => mapS3Error(error, context),
    });
    return { stream, bytes };
  }

  /**
   * All pages of ListObjectsV2, then sorted by UTF-8 bytes before the first yield: AWS S3 already
   * returns that order, but S3-compatible servers need not (s3rver walks its directories and
   * puts `a/x` before `a-b`). Memory grows with the number of keys under the prefix
   * (~200 bytes each), which is fine for a tenant's folder or a dataset.
   */
  private async *listValid(prefix: string): AsyncGenerator<ObjectInfo> {
    const fullPrefix = this.prefix === '' ? prefix : `${this.prefix}/${prefix}`;
    const strip = this.prefix === '' ? 0 : this.prefix.length + 1;
    const found: Array<{ info: ObjectInfo; sortKey: Buffer }> = [];
    let token: string | undefined;
    do {
      let output;
      try {
        const { ListObjectsV2Command } = loadClientS3();
        output = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            ...(fullPrefix === '' ? {} : { Prefix: fullPrefix }),
            ...(token === undefined ? {} : { ContinuationToken: token }),
          }),
        );
      } catch (error) {
        throw mapS3Error(error, { operation: 'ListObjectsV2', target: `s3://${this.bucket}/${fullPrefix}` });
      }
      for (const object of output.Contents ?? []) {
        if (object.Key === undefined || !object.Key.startsWith(fullPrefix)) continue;
        const key = object.Key.slice(strip);
        if (!isKey(key)) continue; // written by another tool under a name no key can have
        const etag = unquote(object.ETag);
        found.push({
          sortKey: Buffer.from(key, 'utf8'),
          info: {
            key,
            bytes: object.Size ?? 0,
            lastModified: object.LastModified ?? new Date(0),
            ...(etag === undefined ? {} : { etag }),
          },
        });
      }
      token = output.IsTruncated === true ? output.NextContinuationToken : undefined;
    } while (token !== undefined);
    found.sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
    for (const { info } of found) yield info;
  }

  /**
   * One upload through lib-storage. The first failure wins and stops everything else: the
   * caller's abort, an error of the body stream, or a failed request. Then the multipart upload
   * (if one was created) is aborted before the error is thrown, so nothing partial remains.
   */
  private async upload(
    key: string,
    objectKey: string,
    body: Readable | Uint8Array,
    options: PutOptions,
    partSizeBytes: number,
  ): Promise<PutResult> {
    const target = this.uriFor(key);
    const { signal } = options;
    if (signal?.aborted === true) {
      if (body instanceof Readable) body.destroy();
      this.throwIfAborted(signal, key);
    }
    const internal = new AbortController();
    let firstFailure: StorageError | undefined;
    const fail = (failure: StorageError): void => {
      if (firstFailure !== undefined) return;
      firstFailure = failure;
      internal.abort(failure);
    };
    const onCallerAbort = (): void =>
      fail(new StorageError('aborted', `S3 upload of ${target} was aborted.`, { key, cause: signal?.reason }));
    signal?.addEventListener('abort', onCallerAbort, { once: true });

    let counter: ByteCounter | undefined;
    if (body instanceof Readable) {
      const bodyCounter = new ByteCounter({ sha256: options.sha256 === true });
      counter = bodyCounter;
      internal.signal.addEventListener('abort', () => bodyCounter.destroy(internal.signal.reason as Error), {
        once: true,
      });
      pipeline(body, bodyCounter).catch((error: unknown) => {
        fail(new StorageError('io', `Reading the body for ${target} failed.`, { key, cause: error }));
      });
    }
    const client = scopeClient(this.client, internal.signal, (error, operation) => {
      if (!internal.signal.aborted) fail(mapS3Error(error, { operation, target, key }));
    });
    const { Upload } = loadLibStorage();
    const upload = new Upload({
      client,
      params: {
        Bucket: this.bucket,
        Key: objectKey,
        Body: counter ?? body,
        ...(options.contentType === undefined ? {} : { ContentType: options.contentType }),
        ...(options.metadata === undefined ? {} : { Metadata: { ...options.metadata } }),
      },
      partSize: partSizeBytes,
      queueSize: this.queueSize,
      // We abort the multipart upload ourselves, so that our error (not the abort's) is thrown.
      leavePartsOnError: true,
    });
    try {
      const output = await upload.done();
      const bytes = body instanceof Uint8Array ? body.byteLength : (counter?.bytes ?? 0);
      const etag = unquote(output.ETag);
      const sha256 =
        options.sha256 !== true
          ? undefined
          : body instanceof Uint8Array
            ? createHash('sha256').update(body).digest('hex')
            : counter?.sha256();
      this.logger.debug({ key, bytes, multipart: upload.uploadId !== undefined }, 'stored object');
      return {
        key,
        uri: target,
        bytes,
        ...(etag === undefined ? {} : { etag }),
        ...(sha256 === undefined ? {} : { sha256 }),
      };
    } catch (error) {
      const mapped = mapS3Error(error, {
        operation: 'Upload',
        target,
        key,
        ...(signal === undefined ? {} : { signal }),
      });
      fail(mapped);
      await this.abortMultipartUpload(key, objectKey, upload.uploadId);
      throw firstFailure ?? mapped;
    } finally {
      signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  private async abortMultipartUpload(key: string, objectKey: string, uploadId: string | undefined): Promise<void> {
    if (uploadId === undefined) return;
    try {
      const { AbortMultipartUploadCommand } = loadClientS3();
      await this.client.send(
        new AbortMultipartUploadCommand({ Bucket: this.bucket, Key: objectKey, UploadId: uploadId }),
      );
      this.logger.debug({ key, uploadId }, 'aborted the multipart upload');
    } catch (error) {
      const mapped = mapS3Error(error, { operation: 'AbortMultipartUpload', target: this.uriFor(key), key });
      this.logger.warn(
        { key, uploadId, error: mapped.message },
        'could not abort a multipart upload: its parts stay until a lifecycle rule removes them',
      );
    }
  }
}
