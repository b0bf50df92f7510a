/**
 * Disk full on a real (tiny) file system: every way of writing maps ENOSPC to `no_space`, retryable, with a
 * message that says the disk is full and where; nothing partial is left; the same write succeeds once there is
 * room again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '@astra/storage';
import { expectStorageError } from '../support/describe-storage-behaviour';
import { mountSmallFileSystem, type SmallFileSystem } from '../support/small-file-system';
import { S3RVER_BUCKET, S3RVER_CREDENTIALS, startS3rver, type RunningS3rver } from '../support/start-s3rver';

const KiB = 1024;
const FS_BYTES = 512 * KiB;
const TOO_BIG = 2 * FS_BYTES;

let small: SmallFileSystem;
let work: string;
let s3: RunningS3rver;

beforeAll(async () => {
  small = await mountSmallFileSystem(FS_BYTES);
  work = await mkdtemp(join(tmpdir(), 'astra-disk-full-'));
  s3 = await startS3rver();
});
afterAll(async () => {
  await small?.unmount();
  await s3?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** Every file under the small file system, hidden temp files included. */
const leftovers = async () =>
  (await readdir(small.dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name));

async function expectDiskFull(promise: Promise<unknown>, where: string) {
  const error = await expectStorageError(promise, 'no_space');
  expect(error.retryable).toBe(true);
  expect(error.message).toContain('the disk is full (ENOSPC)');
  expect(error.message).toContain(`"${where}`);
  expect(error.message).toContain(`mounted at "${small.dir}"`);
  expect(error.message.split('\n')).toHaveLength(1);
  return error;
}

describe('file storage on a full disk', () => {
  let storage: Storage;
  beforeAll(() => {
    storage = openStorage(`file://${join(small.dir, 'store')}`);
  });
  afterEach(async () => {
    await rm(join(small.dir, 'store'), { recursive: true, force: true });
    expect(await leftovers()).toEqual([]);
  });

  it.each([
    ['a Buffer', () => randomBytes(TOO_BIG)],
    ['a stream', () => Readable.from([randomBytes(TOO_BIG / 2), randomBytes(TOO_BIG / 2)])],
  ])('put of %s fails with no_space and leaves nothing', async (_label, body) => {
    await expectDiskFull(storage.put('mining/t/a.wav', body()), join(small.dir, 'store', 'mining', 't', 'a.wav'));
    expect(await storage.exists('mining/t/a.wav')).toBe(false);
  });

  it.each([
    ['copied', false],
    ['moved from another file system (so copied)', true],
  ])('putFile %s fails with no_space, leaves nothing, and succeeds once there is room', async (_label, move) => {
    const source = join(work, `source-${String(move)}.wav`);
    await writeFile(source, randomBytes(TOO_BIG));
    await expectDiskFull(
      storage.putFile('mining/t/b.wav', source, { move, sha256: true }),
      join(small.dir, 'store', 'mining', 't', 'b.wav'),
    );
    expect(await storage.exists('mining/t/b.wav')).toBe(false);
    // The condition is transient: a smaller object fits, the same call works.
    await writeFile(source, randomBytes(FS_BYTES / 4));
    const stored = await storage.putFile('mining/t/b.wav', source, { move, sha256: true });
    expect(stored.bytes).toBe(FS_BYTES / 4);
  });
});

describe('s3 storage with a full local disk', () => {
  it('getFile to a full disk fails with no_space and leaves no temp file', async () => {
    const storage = openStorage(`s3://${S3RVER_BUCKET}`, {
      s3: { endpoint: s3.endpoint, credentials: S3RVER_CREDENTIALS },
    });
    try {
      await storage.put('mining/t/c.wav', randomBytes(TOO_BIG));
      const target = join(small.dir, 'downloads', 'c.wav');
      await expectDiskFull(storage.getFile('mining/t/c.wav', target), target);
      expect(await leftovers()).toEqual([]);
    } finally {
      await storage.close();
      await rm(join(small.dir, 'downloads'), { recursive: true, force: true });
    }
  });
});
