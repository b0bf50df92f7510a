import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionKeys, StorageError, tenantPrefix, type Storage, type StorageErrorCode } from '@astra/storage';
import { collect, randomByteStream, sha256OfFile, sha256OfStream } from './byte-streams';

const MiB = 1024 * 1024;

export interface StorageFixture {
  storage: Storage;
  /** A scratch directory for local files (putFile sources, getFile targets). */
  workDir: string;
  cleanup(): Promise<void>;
}

/** Resolves if `promise` rejects with a StorageError of `code`; returns it for more checks. */
export async function expectStorageError(promise: Promise<unknown>, code: StorageErrorCode): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(StorageError);
  const storageError = error as StorageError;
  expect({ code: storageError.code, name: storageError.name }).toEqual({ code, name: 'StorageError' });
  return storageError;
}

export function expectStorageErrorSync(run: () => unknown, code: StorageErrorCode): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(StorageError);
  expect((thrown as StorageError).code).toBe(code);
}

const BAD_KEYS = [
  '',
  '/abs',
  'a//b',
  'a/',
  '../x',
  'a/../../x',
  './a',
  'a/./b',
  'a\\b',
  'a\u0000b',
  'a\nb',
  `${'x'.repeat(1025)}`,
  'a/.astra-tmp-1234',
];

/**
 * The behaviour every Storage backend must share. Each backend's integration test calls this
 * with a factory; each case works under its own key prefix so cases never see each other.
 */
export function describeStorageBehaviour(backend: string, setup: () => Promise<StorageFixture>): void {
  describe(`Storage behaviour: ${backend}`, () => {
    let fixture: StorageFixture;
    let storage: Storage;
    let caseNumber = 0;
    const nextPrefix = (): string => `case-${String(++caseNumber).padStart(2, '0')}/`;

    beforeAll(async () => {
      fixture = await setup();
      storage = fixture.storage;
    });
    afterAll(async () => {
      await fixture?.cleanup();
    });

    it('puts a string and returns the key, the URI and the byte count', async () => {
      const key = `${nextPrefix()}hello.txt`;
      const result = await storage.put(key, 'hola, señor');
      expect(result).toMatchObject({ key, uri: storage.uriFor(key), bytes: Buffer.byteLength('hola, señor') });
      expect(result.uri.startsWith(`${storage.uri}/`)).toBe(true);
      expect((await storage.getBytes(key, { maxBytes: 100 })).toString('utf8')).toBe('hola, señor');
    });

    it('round-trips every byte value and an empty body', async () => {
      const prefix = nextPrefix();
      const allBytes = Uint8Array.from({ length: 512 }, (_, index) => index % 256);
      expect((await storage.put(`${prefix}bytes.bin`, allBytes)).bytes).toBe(512);
      expect(
        Buffer.compare(await storage.getBytes(`${prefix}bytes.bin`, { maxBytes: 512 }), Buffer.from(allBytes)),
      ).toBe(0);
      expect((await storage.put(`${prefix}empty`, '')).bytes).toBe(0);
      expect(await storage.head(`${prefix}empty`)).toMatchObject({ key: `${prefix}empty`, bytes: 0 });
      expect((await storage.getBytes(`${prefix}empty`, { maxBytes: 0 })).byteLength).toBe(0);
    });

    it('round-trips a ≥20 MB stream byte for byte (multipart on S3)', async () => {
      const key = `${nextPrefix()}big.wav`;
      const totalBytes = 21 * MiB + 123;
      const source = randomByteStream(totalBytes);
      const result = await storage.put(key, source.stream, { contentType: 'audio/wav', metadata: { sha256: 'test' } });
      expect(result.bytes).toBe(totalBytes);
      expect((await storage.head(key))?.bytes).toBe(totalBytes);
      expect(await sha256OfStream(await storage.get(key))).toEqual({ sha256: source.sha256(), bytes: totalBytes });
    });

    it('round-trips a ≥20 MB file with putFile and getFile, leaving no temp file', async () => {
      const key = `${nextPrefix()}file.bin`;
      const sourcePath = join(fixture.workDir, 'source-22mb.bin');
      await writeFile(sourcePath, randomBytes(22 * MiB + 7));
      const expected = await sha256OfFile(sourcePath);
      expect((await storage.putFile(key, sourcePath)).bytes).toBe(expected.bytes);
      const targetDir = join(fixture.workDir, 'downloads', 'nested');
      const targetPath = join(targetDir, 'copy.bin');
      await storage.getFile(key, targetPath);
      expect(await sha256OfFile(targetPath)).toEqual(expected);
      expect(await readdir(targetDir)).toEqual(['copy.bin']);
    });

    it('putFile with move and sha256 stores the file and returns the SHA-256 of what it stored', async () => {
      const key = `${nextPrefix()}moved.wav`;
      const sourcePath = join(fixture.workDir, 'to-move.bin');
      await writeFile(sourcePath, randomBytes(9 * MiB + 3));
      const expected = await sha256OfFile(sourcePath);
      const result = await storage.putFile(key, sourcePath, { move: true, sha256: true, contentType: 'audio/wav' });
      expect(result).toMatchObject({ key, uri: storage.uriFor(key), bytes: expected.bytes, sha256: expected.sha256 });
      expect(await sha256OfStream(await storage.get(key))).toEqual(expected);
    });

    it.each([
      ['a stream', () => randomByteStream(6 * MiB + 5)],
      ['bytes', (): { stream: Buffer; sha256: () => string } => ({ stream: randomBytes(1000), sha256: () => '' })],
    ])('put of %s with sha256 returns the SHA-256 of what it stored', async (_label, make) => {
      const key = `${nextPrefix()}hashed.bin`;
      const source = make();
      const result = await storage.put(key, source.stream, { sha256: true });
      const stored = await sha256OfStream(await storage.get(key));
      expect(result).toMatchObject({ bytes: stored.bytes, sha256: stored.sha256 });
      if (!(source.stream instanceof Uint8Array)) expect(result.sha256).toBe(source.sha256());
    });

    it('returns no sha256 unless asked for', async () => {
      const key = `${nextPrefix()}plain.bin`;
      expect((await storage.put(key, 'abc')).sha256).toBeUndefined();
    });

    it('head and exists tell present from absent objects', async () => {
      const key = `${nextPrefix()}present.json`;
      expect(await storage.head(key)).toBeUndefined();
      expect(await storage.exists(key)).toBe(false);
      await storage.put(key, '{"a":1}');
      const info = await storage.head(key);
      expect(info).toMatchObject({ key, bytes: 7 });
      expect(info?.lastModified).toBeInstanceOf(Date);
      expect(Number.isNaN(info?.lastModified.getTime())).toBe(false);
      expect(await storage.exists(key)).toBe(true);
    });

    it('get, getBytes and getFile of a missing key fail with not_found and touch no local file', async () => {
      const key = `${nextPrefix()}missing.wav`;
      const error = await expectStorageError(storage.get(key), 'not_found');
      expect(error).toMatchObject({ key, retryable: false });
      await expectStorageError(storage.getBytes(key, { maxBytes: 10 }), 'not_found');
      const targetDir = join(fixture.workDir, 'missing-target');
      await mkdir(targetDir, { recursive: true });
      const targetPath = join(targetDir, 'existing.wav');
      await writeFile(targetPath, 'previous content');
      await expectStorageError(storage.getFile(key, targetPath), 'not_found');
      expect(await readFile(targetPath, 'utf8')).toBe('previous content');
      expect(await readdir(targetDir)).toEqual(['existing.wav']);
    });

    it('getBytes returns objects up to maxBytes and refuses larger ones with too_large', async () => {
      const key = `${nextPrefix()}sized.txt`;
      await storage.put(key, '0123456789');
      expect((await storage.getBytes(key, { maxBytes: 10 })).toString()).toBe('0123456789');
      const error = await expectStorageError(storage.getBytes(key, { maxBytes: 9 }), 'too_large');
      expect(error).toMatchObject({ key, retryable: false });
      await expectStorageError(storage.getBytes(key, { maxBytes: -1 }), 'invalid_argument');
      await expectStorageError(storage.getBytes(key, { maxBytes: 1.5 }), 'invalid_argument');
    });

    it('lists keys under a prefix in UTF-8 byte order', async () => {
      const prefix = nextPrefix();
      // '-' (0x2d) < '.' (0x2e) < '/' (0x2f) < '0' (0x30): a folder sorts among its siblings by 'a/'.
      const names = ['z', 'ñ', 'a0', 'a/x', 'a.b', 'b/c/d', 'a-b', 'A'];
      for (const name of names) await storage.put(`${prefix}${name}`, name);
      const keysOf = async (listPrefix: string): Promise<string[]> =>
        (await collect(storage.list(listPrefix))).map((info) => info.key);
      expect(await keysOf(prefix)).toEqual(
        ['A', 'a-b', 'a.b', 'a/x', 'a0', 'b/c/d', 'z', 'ñ'].map((name) => `${prefix}${name}`),
      );
      expect(await keysOf(`${prefix}a`)).toEqual(['a-b', 'a.b', 'a/x', 'a0'].map((name) => `${prefix}${name}`));
      expect(await keysOf(`${prefix}a/`)).toEqual([`${prefix}a/x`]);
      expect(await keysOf(`${prefix}b/c`)).toEqual([`${prefix}b/c/d`]);
      expect(await keysOf(`${prefix}nothing/`)).toEqual([]);
      const listed = await collect(storage.list(`${prefix}b/`));
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ key: `${prefix}b/c/d`, bytes: 5 });
      expect(listed[0]?.lastModified).toBeInstanceOf(Date);
    });

    it.each(['/x', 'a//b/', '../x/', 'a/../b', 'a\\b', 'a\u0001'])(
      'list refuses the invalid prefix %j at once',
      (prefix) => {
        expectStorageErrorSync(() => storage.list(prefix), 'invalid_key');
      },
    );

    it('delete removes one object, keeps its siblings, and ignores absent keys', async () => {
      const prefix = nextPrefix();
      await storage.put(`${prefix}deep/one`, '1');
      await storage.put(`${prefix}two`, '2');
      await storage.delete(`${prefix}deep/one`);
      expect(await storage.exists(`${prefix}deep/one`)).toBe(false);
      await storage.delete(`${prefix}deep/one`);
      await storage.delete(`${prefix}never-was`);
      expect((await collect(storage.list(prefix))).map((info) => info.key)).toEqual([`${prefix}two`]);
    });

    it('a second put replaces the object', async () => {
      const key = `${nextPrefix()}replaced.txt`;
      await storage.put(key, 'first version, longer');
      await storage.put(key, 'second');
      expect((await storage.getBytes(key, { maxBytes: 100 })).toString()).toBe('second');
      expect((await storage.head(key))?.bytes).toBe(6);
    });

    it('a stream that fails half way leaves no object', async () => {
      const prefix = nextPrefix();
      const key = `${prefix}broken.wav`;
      const source = randomByteStream(30 * MiB, { failAfterBytes: 12 * MiB });
      const error = await expectStorageError(storage.put(key, source.stream), 'io');
      expect(error.key).toBe(key);
      expect(String((error.cause as Error | undefined)?.message)).toContain('source failed');
      expect(source.emitted()).toBeLessThan(30 * MiB);
      expect(await storage.head(key)).toBeUndefined();
      expect(await collect(storage.list(prefix))).toEqual([]);
    });

    it('a failed overwrite keeps the previous object intact', async () => {
      const key = `${nextPrefix()}kept.txt`;
      await storage.put(key, 'the good version');
      const source = randomByteStream(20 * MiB, { failAfterBytes: 9 * MiB });
      await expectStorageError(storage.put(key, source.stream), 'io');
      expect((await storage.getBytes(key, { maxBytes: 100 })).toString()).toBe('the good version');
    });

    it('an abort mid-upload rejects with aborted and leaves no object', async () => {
      const prefix = nextPrefix();
      const key = `${prefix}aborted.wav`;
      const controller = new AbortController();
      const source = randomByteStream(40 * MiB, {
        onEmitted: (bytes) => {
          if (bytes >= 10 * MiB && !controller.signal.aborted) controller.abort();
        },
      });
      const error = await expectStorageError(storage.put(key, source.stream, { signal: controller.signal }), 'aborted');
      expect(error).toMatchObject({ key, retryable: false });
      expect(source.emitted()).toBeLessThan(40 * MiB);
      expect(await storage.head(key)).toBeUndefined();
      expect(await collect(storage.list(prefix))).toEqual([]);
    });

    it('an already aborted signal writes nothing, from a stream or a file', async () => {
      const prefix = nextPrefix();
      const sourcePath = join(fixture.workDir, 'small.txt');
      await writeFile(sourcePath, 'small');
      const signal = AbortSignal.abort();
      await expectStorageError(storage.put(`${prefix}a`, randomByteStream(MiB).stream, { signal }), 'aborted');
      await expectStorageError(storage.put(`${prefix}b`, 'text', { signal }), 'aborted');
      await expectStorageError(storage.putFile(`${prefix}c`, sourcePath, { signal }), 'aborted');
      await expectStorageError(storage.get(`${prefix}a`, { signal }), 'aborted');
      expect(await collect(storage.list(prefix))).toEqual([]);
    });

    it('aborting a download destroys the stream with aborted', async () => {
      const key = `${nextPrefix()}download.bin`;
      await storage.put(key, randomBytes(4 * MiB));
      const controller = new AbortController();
      const stream = await storage.get(key, { signal: controller.signal });
      const chunks = stream[Symbol.asyncIterator]();
      const first = await chunks.next();
      expect(first.done).toBe(false);
      controller.abort();
      await expectStorageError(
        (async () => {
          for (;;) if ((await chunks.next()).done === true) return;
        })(),
        'aborted',
      );
    });

    it('putFile of a missing local file fails with not_found and stores nothing', async () => {
      const prefix = nextPrefix();
      await expectStorageError(storage.putFile(`${prefix}x`, join(fixture.workDir, 'no-such-file.wav')), 'not_found');
      expect(await collect(storage.list(prefix))).toEqual([]);
    });

    it('refuses metadata that S3 could not carry', async () => {
      const key = `${nextPrefix()}meta.txt`;
      await expectStorageError(storage.put(key, 'x', { metadata: { 'bad name': 'v' } }), 'invalid_argument');
      await expectStorageError(storage.put(key, 'x', { metadata: { name: 'ñ' } }), 'invalid_argument');
      expect(await storage.exists(key)).toBe(false);
    });

    it.each(BAD_KEYS)('refuses the invalid key %j in every operation', async (key) => {
      const local = join(fixture.workDir, 'unused');
      expectStorageErrorSync(() => storage.uriFor(key), 'invalid_key');
      await expectStorageError(storage.put(key, 'x'), 'invalid_key');
      await expectStorageError(storage.putFile(key, local), 'invalid_key');
      await expectStorageError(storage.get(key), 'invalid_key');
      await expectStorageError(storage.getBytes(key, { maxBytes: 1 }), 'invalid_key');
      await expectStorageError(storage.getFile(key, local), 'invalid_key');
      await expectStorageError(storage.head(key), 'invalid_key');
      await expectStorageError(storage.exists(key), 'invalid_key');
      await expectStorageError(storage.delete(key), 'invalid_key');
    });

    it('stores a session under the architecture §3 layout and lists it by tenant', async () => {
      const tenant = `tenant-${String(++caseNumber)}`;
      const keys = sessionKeys(tenant, '0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a');
      await storage.put(keys.source, '{}');
      await storage.put(keys.audio, randomBytes(1000));
      const listed = (await collect(storage.list(tenantPrefix(tenant)))).map((info) => info.key);
      expect(listed).toEqual([
        `mining/${tenant}/0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a.source.json`,
        `mining/${tenant}/0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a.wav`,
      ]);
      expect(storage.uriFor(keys.audio)).toBe(
        `${storage.uri}/mining/${tenant}/0b7f3c52-9d43-5a51-8a3e-2f5f6e0c1d2a.wav`,
      );
    });
  });
}
