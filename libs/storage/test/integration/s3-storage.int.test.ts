import { createServer } from 'node:net';
import { CreateMultipartUploadCommand, ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '@astra/contracts';
import { createS3Client, openStorage, S3Storage, type Storage } from '@astra/storage';
import { collect, randomByteStream } from '../support/byte-streams';
import { describeStorageBehaviour, expectStorageError } from '../support/describe-storage-behaviour';
import { S3RVER_BUCKET, S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/start-s3rver';

const MiB = 1024 * 1024;

describeStorageBehaviour('s3:// (s3rver)', async () => {
  const server = await startS3rver();
  const workDir = await mkdtemp(join(tmpdir(), 'astra-s3-work-'));
  // The client is built by the lib from plain settings, as the app will: path style and
  // WHEN_REQUIRED checksums must come out right for s3rver to store the bytes unchanged.
  const storage = openStorage(`s3://${S3RVER_BUCKET}`, {
    s3: { endpoint: server.endpoint, credentials: S3RVER_CREDENTIALS },
  });
  return {
    storage,
    workDir,
    async cleanup() {
      await storage.close();
      await server.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
});

interface RecordedCommand {
  name: string;
  uploadId?: string;
}

/** A real client whose commands (and the upload ids they carry or return) are recorded. */
function recordingClient(endpoint: string): { client: S3Client; commands: RecordedCommand[] } {
  const client = createS3Client({ endpoint, credentials: S3RVER_CREDENTIALS });
  const commands: RecordedCommand[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { UploadId?: string };
      const record: RecordedCommand = {
        name: context.commandName ?? '?',
        ...(input.UploadId === undefined ? {} : { uploadId: input.UploadId }),
      };
      commands.push(record);
      const result = await next(args);
      const output = result.output as { UploadId?: string };
      if (record.uploadId === undefined && output.UploadId !== undefined) record.uploadId = output.UploadId;
      return result;
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return { client, commands };
}

function recordingLogger(): { logger: Logger; warnings: Array<{ obj: object; msg?: string }> } {
  const warnings: Array<{ obj: object; msg?: string }> = [];
  const ignore = (): undefined => undefined;
  return {
    warnings,
    logger: {
      debug: ignore,
      info: ignore,
      error: ignore,
      warn: (obj, msg) => warnings.push(msg === undefined ? { obj } : { obj, msg }),
    },
  };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('S3Storage specifics (s3rver)', () => {
  let server: RunningS3rver;

  beforeAll(async () => {
    server = await startS3rver();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('returns the ETag on put, head and list', async () => {
    const storage = openStorage('s3://astra-raw', {
      s3: { endpoint: server.endpoint, credentials: S3RVER_CREDENTIALS },
    });
    const put = await storage.put('etag/x.txt', 'hello');
    expect(put.etag).toBe('5d41402abc4b2a76b9719d911017c592'); // md5("hello"), unquoted
    expect((await storage.head('etag/x.txt'))?.etag).toBe(put.etag);
    expect((await collect(storage.list('etag/')))[0]?.etag).toBe(put.etag);
    await storage.close();
  });

  it('keeps keys under the URI prefix and lists them relative to it', async () => {
    const s3 = { endpoint: server.endpoint, credentials: S3RVER_CREDENTIALS };
    const prefixed = openStorage('s3://astra-raw/env/staging/', { s3 });
    const whole = openStorage('s3://astra-raw', { s3 });
    expect(prefixed.uri).toBe('s3://astra-raw/env/staging');
    const result = await prefixed.put('mining/t/a.json', '{}');
    expect(result.uri).toBe('s3://astra-raw/env/staging/mining/t/a.json');
    expect(await whole.exists('env/staging/mining/t/a.json')).toBe(true);
    expect((await collect(prefixed.list('mining/'))).map((info) => info.key)).toEqual(['mining/t/a.json']);
    await prefixed.close();
    await whole.close();
  });

  it('aborts the multipart upload of a failed stream (s3rver refuses the abort: logged at warn)', async () => {
    const { client, commands } = recordingClient(server.endpoint);
    const { logger, warnings } = recordingLogger();
    const storage = new S3Storage('astra-raw', { client, logger, partSizeBytes: 5 * MiB, queueSize: 2 });
    const source = randomByteStream(30 * MiB, { failAfterBytes: 12 * MiB });
    await expectStorageError(storage.put('mpu/failed.wav', source.stream), 'io');

    const created = commands.filter((command) => command.name === 'CreateMultipartUploadCommand');
    const aborted = commands.filter((command) => command.name === 'AbortMultipartUploadCommand');
    expect(created).toHaveLength(1);
    expect(created[0]?.uploadId).toMatch(/^[0-9a-f]+$/);
    expect(aborted.map((command) => command.uploadId)).toEqual([created[0]?.uploadId]);
    expect(commands.some((command) => command.name === 'CompleteMultipartUploadCommand')).toBe(false);
    // s3rver 3.7.1 answers AbortMultipartUpload with 405 MethodNotAllowed: we say so, and go on.
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.obj).toMatchObject({ key: 'mpu/failed.wav', uploadId: created[0]?.uploadId });
    expect(await storage.head('mpu/failed.wav')).toBeUndefined();
    expect(await collect(storage.list('mpu/'))).toEqual([]);
    await storage.close();
  });

  it('stops sending parts as soon as the caller aborts', async () => {
    const { client, commands } = recordingClient(server.endpoint);
    const storage = new S3Storage('astra-raw', { client, partSizeBytes: 5 * MiB, queueSize: 1 });
    const controller = new AbortController();
    const source = randomByteStream(100 * MiB, {
      onEmitted: (bytes) => {
        if (bytes >= 12 * MiB && !controller.signal.aborted) controller.abort();
      },
    });
    await expectStorageError(storage.put('mpu/aborted.wav', source.stream, { signal: controller.signal }), 'aborted');
    const parts = commands.filter((command) => command.name === 'UploadPartCommand');
    // 12 MiB read when the abort came: at most the parts buffered so far were sent, never all 20.
    expect(parts.length).toBeLessThanOrEqual(3);
    expect(source.emitted()).toBeLessThan(30 * MiB);
    expect(commands.filter((command) => command.name === 'AbortMultipartUploadCommand')).toHaveLength(1);
    expect(await storage.exists('mpu/aborted.wav')).toBe(false);
    await storage.close();
  });

  it('s3rver 3.7.1 does not implement ListMultipartUploads (so the abort is checked by the commands sent)', async () => {
    const client = createS3Client({ endpoint: server.endpoint, credentials: S3RVER_CREDENTIALS });
    await client.send(new CreateMultipartUploadCommand({ Bucket: S3RVER_BUCKET, Key: 'probe' }));
    const error: unknown = await client.send(new ListMultipartUploadsCommand({ Bucket: S3RVER_BUCKET })).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    client.destroy();
  });

  it('maps bad credentials to access_denied (not retryable)', async () => {
    const storage = openStorage('s3://astra-raw', {
      s3: { endpoint: server.endpoint, credentials: { accessKeyId: 'WRONG', secretAccessKey: 'WRONG' } },
    });
    const error = await expectStorageError(storage.put('denied/x', 'x'), 'access_denied');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain('WRONG');
    await expectStorageError(storage.head('denied/x'), 'access_denied');
    await storage.close();
  });

  it('maps a missing bucket to not_found', async () => {
    const storage = openStorage('s3://no-such-bucket', {
      s3: { endpoint: server.endpoint, credentials: S3RVER_CREDENTIALS },
    });
    await expectStorageError(storage.put('x', 'x'), 'not_found');
    await expectStorageError(collect(storage.list('')), 'not_found');
    await storage.close();
  });

  it('maps a refused connection to unavailable (retryable)', async () => {
    const port = await closedPort();
    const client = new S3Client({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: S3RVER_CREDENTIALS,
      maxAttempts: 1,
    });
    const storage: Storage = new S3Storage('astra-raw', { client });
    const error = await expectStorageError(storage.get('x'), 'unavailable');
    expect(error.retryable).toBe(true);
    await expectStorageError(storage.put('x', 'x'), 'unavailable');
    client.destroy();
  });
});
