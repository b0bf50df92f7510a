import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileStorage, openStorage, type Storage } from '@astra/storage';
import { collect, randomByteStream, sha256OfStream } from '../support/byte-streams';
import { describeStorageBehaviour, expectStorageError } from '../support/describe-storage-behaviour';

const MiB = 1024 * 1024;

/** Every file under `dir`, relative, sorted (folders end with '/'). */
async function tree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .map((entry) => {
      const relative = join(entry.parentPath, entry.name).slice(dir.length + 1);
      return entry.isDirectory() ? `${relative}/` : relative;
    })
    .sort();
}

describeStorageBehaviour('file://', async () => {
  const base = await mkdtemp(join(tmpdir(), 'astra-file-storage-'));
  await mkdir(join(base, 'work'));
  // A relative file:// URI, as the CLI's default `file://./.astra-data`.
  const storage = openStorage('file://./data', { cwd: base });
  return {
    storage,
    workDir: join(base, 'work'),
    async cleanup() {
      await storage.close();
      await rm(base, { recursive: true, force: true });
    },
  };
});

describe('FileStorage putFile with move', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'astra-file-move-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('renames a file on the same file system into place (no copy) and replaces an older object atomically', async () => {
    const storage = openStorage(`file://${join(base, 'root')}`);
    const key = 'mining/t/abc.wav';
    await storage.put(key, 'old');
    const sourcePath = join(base, 'job', 'audio.wav');
    await mkdir(join(base, 'job'));
    await writeFile(sourcePath, randomBytes(3 * MiB));
    const { ino } = await stat(sourcePath);
    const expected = createHash('sha256')
      .update(await readFile(sourcePath))
      .digest('hex');
    const result = await storage.putFile(key, sourcePath, { move: true, sha256: true });
    expect(result).toMatchObject({ bytes: 3 * MiB, sha256: expected });
    // Same inode: the file was renamed, not copied; nothing is left at the source path.
    expect((await stat(join(base, 'root', key))).ino).toBe(ino);
    expect(await readdir(join(base, 'job'))).toEqual([]);
    expect(await tree(join(base, 'root'))).toEqual(['mining/', 'mining/t/', 'mining/t/abc.wav']);
  });

  it('refuses to move a symbolic link into storage', async () => {
    const storage = openStorage(`file://${join(base, 'root')}`);
    await writeFile(join(base, 'secret'), 'x');
    await symlink(join(base, 'secret'), join(base, 'link.wav'));
    await expectStorageError(storage.putFile('k.wav', join(base, 'link.wav'), { move: true }), 'invalid_argument');
    expect(await storage.exists('k.wav')).toBe(false);
  });
});

describe('FileStorage specifics', () => {
  let base: string;
  let root: string;
  let storage: Storage;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'astra-file-specific-'));
    root = join(base, 'root');
    storage = openStorage(`file://${root}`);
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it.each([
    ['file://./rel/dir', (cwd: string) => join(cwd, 'rel/dir')],
    ['file://rel', (cwd: string) => join(cwd, 'rel')],
    ['plain/relative', (cwd: string) => join(cwd, 'plain/relative')],
    ['/abs/plain', () => '/abs/plain'],
    ['file:///abs/with%20space', () => '/abs/with space'],
    ['file://localhost/abs/dir', () => '/abs/dir'],
  ])('openStorage(%j) resolves the directory', (uri, expected) => {
    const opened = openStorage(uri, { cwd: base });
    expect(opened).toBeInstanceOf(FileStorage);
    expect((opened as FileStorage).root).toBe(expected(base));
    expect(opened.uri).toBe(pathToFileURL(expected(base)).href);
  });

  it('creates the directory on the first write and lays keys out as files', async () => {
    await storage.put('mining/t/x.source.json', '{}');
    expect(await tree(root)).toEqual(['mining/', 'mining/t/', 'mining/t/x.source.json']);
    expect(storage.uriFor('mining/t/x.source.json')).toBe(pathToFileURL(join(root, 'mining/t/x.source.json')).href);
  });

  it('removes the temp file when the body fails half way, and keeps the old file', async () => {
    await storage.put('a/kept.wav', 'old');
    const source = randomByteStream(20 * MiB, { failAfterBytes: 5 * MiB });
    await expectStorageError(storage.put('a/kept.wav', source.stream), 'io');
    await expectStorageError(
      storage.put('a/new.wav', randomByteStream(20 * MiB, { failAfterBytes: 3 * MiB }).stream),
      'io',
    );
    expect(await tree(root)).toEqual(['a/', 'a/kept.wav']);
    expect(await readFile(join(root, 'a/kept.wav'), 'utf8')).toBe('old');
  });

  it('removes the temp file when the upload is aborted', async () => {
    const controller = new AbortController();
    const source = randomByteStream(20 * MiB, {
      onEmitted: (bytes) => {
        if (bytes >= 4 * MiB) controller.abort();
      },
    });
    await expectStorageError(storage.put('b/aborted.wav', source.stream, { signal: controller.signal }), 'aborted');
    expect(await tree(root)).toEqual(['b/']);
  });

  it('never lists temp files, and no key can name one', async () => {
    await storage.put('c/real.txt', 'x');
    await writeFile(join(root, 'c', '.astra-tmp-0123456789abcdef'), 'half written');
    expect((await collect(storage.list(''))).map((info) => info.key)).toEqual(['c/real.txt']);
    await expectStorageError(storage.head('c/.astra-tmp-0123456789abcdef'), 'invalid_key');
  });

  it('does not list files that no key can name', async () => {
    await storage.put('d/good.txt', 'x');
    await writeFile(join(root, 'd', 'back\\slash'), 'x');
    await writeFile(join(root, 'd', 'new\nline'), 'x');
    expect((await collect(storage.list('d/'))).map((info) => info.key)).toEqual(['d/good.txt']);
  });

  it('refuses keys that reach outside DIR through a symbolic link', async () => {
    const outside = join(base, 'outside');
    await mkdir(outside);
    await writeFile(join(outside, 'secret.txt'), 'secret');
    await mkdir(root, { recursive: true });
    await symlink(outside, join(root, 'escape'));
    await symlink(join(outside, 'secret.txt'), join(root, 'link.txt'));

    await expectStorageError(storage.get('escape/secret.txt'), 'invalid_key');
    await expectStorageError(storage.getBytes('link.txt', { maxBytes: 100 }), 'invalid_key');
    await expectStorageError(storage.head('link.txt'), 'invalid_key');
    await expectStorageError(storage.put('escape/new.txt', 'x'), 'invalid_key');
    await expectStorageError(storage.put('escape/deeper/new.txt', 'x'), 'invalid_key');
    await expectStorageError(storage.delete('escape/secret.txt'), 'invalid_key');
    await expectStorageError(collect(storage.list('escape/')), 'invalid_key');
    expect((await collect(storage.list(''))).map((info) => info.key)).toEqual([]);
    expect(await tree(outside)).toEqual(['secret.txt']);
    expect(await readFile(join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('refuses with conflict a key that is also a folder of other keys (S3 allows it)', async () => {
    await storage.put('j/a/x', 'x');
    await storage.put('j/file', 'f');
    await expectStorageError(storage.put('j/a', 'object where a folder is'), 'conflict');
    await expectStorageError(storage.put('j/file/below', 'folder where an object is'), 'conflict');
    expect(await tree(join(root, 'j'))).toEqual(['a/', 'a/x', 'file']);
  });

  it('prunes folders left empty by delete, but not DIR itself', async () => {
    await storage.put('e/f/g/one.txt', '1');
    await storage.put('e/two.txt', '2');
    await storage.delete('e/f/g/one.txt');
    expect(await tree(root)).toEqual(['e/', 'e/two.txt']);
    await storage.delete('e/two.txt');
    expect(await tree(root)).toEqual([]);
  });

  it('concurrent writes of one key leave one whole body, never a mix', async () => {
    const first = randomBytes(3 * MiB);
    const second = randomBytes(3 * MiB);
    await Promise.all([storage.put('h/race.bin', first), storage.put('h/race.bin', second)]);
    const stored = await storage.getBytes('h/race.bin', { maxBytes: 3 * MiB });
    expect([Buffer.compare(stored, first), Buffer.compare(stored, second)]).toContain(0);
    expect(await tree(root)).toEqual(['h/', 'h/race.bin']);
  });

  it('streams a stored object back byte for byte', async () => {
    const body = randomBytes(2 * MiB + 1);
    await storage.put('i/x.bin', body);
    expect(await sha256OfStream(await storage.get('i/x.bin'))).toEqual({
      sha256: createHash('sha256').update(body).digest('hex'),
      bytes: body.byteLength,
    });
  });
});
