import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { ListMultipartUploadsCommand, type S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { FakeS3, s3ServiceError } from '../test/support/fake-s3';
import { collect, randomByteStream } from '../test/support/byte-streams';
import { expectStorageError } from '../test/support/describe-storage-behaviour';
import { createS3Client } from './create-s3-client';
import type { Logger } from '@astra/contracts';
import { S3Storage } from './s3-storage';

const MiB = 1024 * 1024;

function setup(options: { logger?: Logger } = {}): { fake: FakeS3; client: S3Client; storage: S3Storage } {
  const fake = new FakeS3();
  const client = fake.attach(createS3Client({ credentials: { accessKeyId: 'k', secretAccessKey: 's' } }));
  const storage = new S3Storage('astra-raw', { client, partSizeBytes: 5 * MiB, queueSize: 2, ...options });
  return { fake, client, storage };
}

async function openUploads(client: S3Client): Promise<number> {
  const output = await client.send(new ListMultipartUploadsCommand({ Bucket: 'astra-raw' }));
  return output.Uploads?.length ?? 0;
}

describe('S3Storage against an in-memory S3', () => {
  it('uses one PutObject for a small body and a multipart upload for a stream beyond one part', async () => {
    const { fake, storage } = setup();
    await storage.put('small.txt', 'hola');
    expect(fake.calls).toEqual(['PutObjectCommand']);
    const body = randomBytes(12 * MiB + 5);
    const result = await storage.put('big.wav', Readable.from([body.subarray(0, 7 * MiB), body.subarray(7 * MiB)]));
    expect(result).toMatchObject({
      key: 'big.wav',
      uri: 's3://astra-raw/big.wav',
      bytes: body.byteLength,
      etag: 'complete-2',
    });
    expect(fake.calls.filter((call) => call === 'UploadPartCommand')).toHaveLength(3);
    expect(Buffer.compare(fake.objects.get('big.wav')?.body ?? Buffer.alloc(0), body)).toBe(0);
  });

  it('a stream failing half way leaves no object and no open multipart upload', async () => {
    const { fake, client, storage } = setup();
    await expectStorageError(
      storage.put('broken.wav', randomByteStream(30 * MiB, { failAfterBytes: 11 * MiB }).stream),
      'io',
    );
    expect(fake.calls).toContain('AbortMultipartUploadCommand');
    expect(fake.calls).not.toContain('CompleteMultipartUploadCommand');
    expect(await openUploads(client)).toBe(0);
    expect(fake.objects.has('broken.wav')).toBe(false);
  });

  it('a failed part stops the upload, aborts it, and reports the part error (retryable)', async () => {
    const { fake, client, storage } = setup();
    fake.failOn('UploadPartCommand', 2, s3ServiceError('SlowDown', 503));
    const error = await expectStorageError(
      storage.put('throttled.wav', randomByteStream(60 * MiB).stream),
      'unavailable',
    );
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('UploadPart');
    // Parts in flight may finish, but the 12 parts of the whole body are never all sent.
    expect(fake.calls.filter((call) => call === 'UploadPartCommand').length).toBeLessThan(6);
    expect(await openUploads(client)).toBe(0);
    expect(fake.objects.size).toBe(0);
  });

  it('a refused abort is logged at warn and the original error still wins', async () => {
    const warnings: object[] = [];
    const logger: Logger = {
      debug: () => undefined,
      info: () => undefined,
      error: () => undefined,
      warn: (obj) => warnings.push(obj),
    };
    const { fake, client, storage } = setup({ logger });
    fake.failOn('AbortMultipartUploadCommand', 1, s3ServiceError('MethodNotAllowed', 405));
    await expectStorageError(
      storage.put('x.wav', randomByteStream(20 * MiB, { failAfterBytes: 8 * MiB }).stream),
      'io',
    );
    expect(warnings).toEqual([expect.objectContaining({ key: 'x.wav', uploadId: 'upload-1' })]);
    expect(await openUploads(client)).toBe(1);
  });

  it('a caller abort stops reading the body and aborts the upload', async () => {
    const { fake, client, storage } = setup();
    const controller = new AbortController();
    const source = randomByteStream(200 * MiB, {
      onEmitted: (bytes) => {
        if (bytes >= 12 * MiB) controller.abort();
      },
    });
    await expectStorageError(storage.put('aborted.wav', source.stream, { signal: controller.signal }), 'aborted');
    expect(source.emitted()).toBeLessThan(40 * MiB);
    expect(await openUploads(client)).toBe(0);
    expect(fake.objects.size).toBe(0);
  });

  it('lists every page and sorts the keys even when the server does not', async () => {
    const { fake, storage } = setup();
    for (const key of ['t/c', 't/a/x', 't/a-b', 't/b', 't/a0'])
      fake.objects.set(key, { body: Buffer.from(key), lastModified: new Date() });
    fake.objects.set('other/z', { body: Buffer.from('z'), lastModified: new Date() });
    fake.objects.set('t/bad//key', { body: Buffer.from('z'), lastModified: new Date() });
    expect((await collect(storage.list('t/'))).map((info) => info.key)).toEqual([
      't/a-b',
      't/a/x',
      't/a0',
      't/b',
      't/c',
    ]);
    expect(fake.calls.filter((call) => call === 'ListObjectsV2Command')).toHaveLength(3);
  });

  it('head: absent → undefined, forbidden → access_denied', async () => {
    const { fake, storage } = setup();
    expect(await storage.head('nope')).toBeUndefined();
    fake.failOn('HeadObjectCommand', 2, s3ServiceError('Forbidden', 403));
    await expectStorageError(storage.head('nope'), 'access_denied');
  });

  it('getBytes refuses by Content-Length before reading, and bounds the read when the length lies', async () => {
    const { fake, storage } = setup();
    fake.objects.set('ten', { body: Buffer.from('0123456789'), lastModified: new Date() });
    await expectStorageError(storage.getBytes('ten', { maxBytes: 5 }), 'too_large');
    fake.lie.contentLength = 3;
    await expectStorageError(storage.getBytes('ten', { maxBytes: 5 }), 'too_large');
    expect((await storage.getBytes('ten', { maxBytes: 10 })).toString()).toBe('0123456789');
  });
});
