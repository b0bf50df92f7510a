import { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';

interface FakeUpload {
  key: string;
  parts: Map<number, Buffer>;
}

/** Shaped like the SDK's S3ServiceException. */
export function s3ServiceError(name: string, status: number): Error {
  return Object.assign(new Error(`${name} (fake)`), {
    name,
    $metadata: { httpStatusCode: status },
    $fault: status >= 500 ? 'server' : 'client',
  });
}

function toBuffer(body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof Uint8Array) return Buffer.from(body);
  throw new Error(`fake S3 cannot read a ${typeof body} body`);
}

/**
 * An in-memory S3 for unit tests, plugged into a real S3Client at the `initialize` step (no
 * network, no signing, no SDK retries). Implements the commands @astra/storage sends plus
 * ListMultipartUploads, which s3rver lacks. `failOn` injects an error into the n-th call of a command.
 */
export class FakeS3 {
  readonly objects = new Map<string, { body: Buffer; lastModified: Date }>();
  readonly uploads = new Map<string, FakeUpload>();
  readonly calls: string[] = [];
  /** Keys per ListObjectsV2 page; pages come back in reverse order inside, to prove the client sorts. */
  pageSize = 2;
  lie: { contentLength?: number } = {};
  private readonly failures: Array<{ command: string; call: number; error: Error }> = [];
  private uploadCounter = 0;

  failOn(command: string, call: number, error: Error): void {
    this.failures.push({ command, call, error });
  }

  attach(client: S3Client): S3Client {
    client.middlewareStack.add(
      (_next, context) => async (args) => {
        const output = this.handle(context.commandName ?? '?', args.input as Record<string, unknown>);
        return { output: { $metadata: { httpStatusCode: 200 }, ...output }, response: {} };
      },
      { step: 'initialize', name: 'fakeS3', priority: 'high' },
    );
    return client;
  }

  private handle(command: string, input: Record<string, unknown>): Record<string, unknown> {
    this.calls.push(command);
    const call = this.calls.filter((name) => name === command).length;
    const failure = this.failures.find((candidate) => candidate.command === command && candidate.call === call);
    if (failure !== undefined) throw failure.error;
    const key = String(input['Key']);
    switch (command) {
      case 'PutObjectCommand':
        this.objects.set(key, { body: toBuffer(input['Body']), lastModified: new Date() });
        return { ETag: '"put"' };
      case 'CreateMultipartUploadCommand': {
        const uploadId = `upload-${++this.uploadCounter}`;
        this.uploads.set(uploadId, { key, parts: new Map() });
        return { UploadId: uploadId };
      }
      case 'UploadPartCommand': {
        const upload = this.uploads.get(String(input['UploadId']));
        if (upload === undefined) throw s3ServiceError('NoSuchUpload', 404);
        upload.parts.set(Number(input['PartNumber']), toBuffer(input['Body']));
        return { ETag: `"part-${String(input['PartNumber'])}"` };
      }
      case 'CompleteMultipartUploadCommand': {
        const uploadId = String(input['UploadId']);
        const upload = this.uploads.get(uploadId);
        if (upload === undefined) throw s3ServiceError('NoSuchUpload', 404);
        const numbers = [...upload.parts.keys()].sort((a, b) => a - b);
        this.objects.set(key, {
          body: Buffer.concat(numbers.map((n) => upload.parts.get(n) as Buffer)),
          lastModified: new Date(),
        });
        this.uploads.delete(uploadId);
        return { ETag: '"complete-2"' };
      }
      case 'AbortMultipartUploadCommand':
        if (!this.uploads.delete(String(input['UploadId']))) throw s3ServiceError('NoSuchUpload', 404);
        return {};
      case 'ListMultipartUploadsCommand':
        return {
          Uploads: [...this.uploads.entries()].map(([uploadId, upload]) => ({ UploadId: uploadId, Key: upload.key })),
        };
      case 'HeadObjectCommand': {
        const object = this.objects.get(key);
        if (object === undefined) throw s3ServiceError('NotFound', 404);
        return { ContentLength: object.body.byteLength, LastModified: object.lastModified, ETag: '"etag"' };
      }
      case 'GetObjectCommand': {
        const object = this.objects.get(key);
        if (object === undefined) throw s3ServiceError('NoSuchKey', 404);
        return { Body: Readable.from([object.body]), ContentLength: this.lie.contentLength ?? object.body.byteLength };
      }
      case 'DeleteObjectCommand':
        this.objects.delete(key);
        return {};
      case 'ListObjectsV2Command': {
        const prefix = String(input['Prefix'] ?? '');
        const keys = [...this.objects.keys()].filter((candidate) => candidate.startsWith(prefix));
        const start = Number(input['ContinuationToken'] ?? 0);
        const page = keys.slice(start, start + this.pageSize).reverse();
        const next = start + this.pageSize;
        return {
          Contents: page.map((pageKey) => ({
            Key: pageKey,
            Size: this.objects.get(pageKey)?.body.byteLength,
            LastModified: new Date(),
            ETag: '"e"',
          })),
          IsTruncated: next < keys.length,
          ...(next < keys.length ? { NextContinuationToken: String(next) } : {}),
        };
      }
      default:
        throw new Error(`fake S3 does not know ${command}`);
    }
  }
}
