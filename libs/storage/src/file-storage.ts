import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readdir, realpath, rename, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { assertKey, assertKeyPrefix, isKey } from './assert-key';
import { assertPutOptions } from './assert-put-options';
import { StorageError } from './errors';
import { guardReadStream } from './guard-read-stream';
import { silentLogger, type Logger } from '@astra/contracts';
import { mapFsError } from './map-fs-error';
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
import { isTempName, syncDirectory, writeFileAtomic } from './write-file-atomic';
import { writeObjectToFile } from './write-object-to-file';

export interface FileStorageOptions {
  logger?: Logger;
}

function errnoOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function throwIfAborted(signal: AbortSignal | undefined, key: string): void {
  if (signal?.aborted === true) {
    throw new StorageError('aborted', `File storage operation on ${JSON.stringify(key)} was aborted.`, {
      key,
      cause: signal.reason,
    });
  }
}

/** Read errors of an object's stream become `StorageError`s; `signal` destroys the stream. */
function guardObjectStream(stream: Readable, key: string, signal: AbortSignal | undefined): Readable {
  const context = { operation: 'read', key, ...(signal === undefined ? {} : { signal }) };
  return guardReadStream(stream, {
    ...(signal === undefined ? {} : { signal }),
    mapError: (error) => mapFsError(error, context),
  });
}

/**
 * SHA-256 of an open file from its start, read into one reused buffer (fresh large buffers per read cost
 * several times the CPU in page faults and garbage collection). The handle stays open.
 */
async function hashHandle(handle: FileHandle, signal: AbortSignal | undefined): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  for (let position = 0; ;) {
    signal?.throwIfAborted();
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    hash.update(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  return hash.digest('hex');
}

interface ListEntry {
  name: string;
  isDirectory: boolean;
  sortKey: Buffer;
}

/**
 * `file://DIR` backend: the same keys as S3, as files under DIR. Writes are atomic (temp file in
 * the same directory, fsync, rename); temp files are never listed. Keys cannot escape DIR: they
 * are validated, the joined path must stay inside DIR, and real paths (symlinks resolved) are
 * checked against DIR's real path. `contentType` and `metadata` are accepted and ignored.
 * Unlike S3, a key cannot be both an object and a folder of other keys (`a` and `a/x`): such a
 * put fails with `StorageError('conflict')`. architecture §3's layout never does this.
 */
export class FileStorage implements Storage {
  readonly uri: string;
  readonly root: string;
  private readonly logger: Logger;
  private realRoot: string | undefined;

  constructor(dir: string, options: FileStorageOptions = {}) {
    if (typeof dir !== 'string' || dir === '') {
      throw new StorageError('invalid_uri', 'File storage needs a directory.');
    }
    this.root = resolve(dir);
    this.uri = pathToFileURL(this.root).href;
    this.logger = options.logger ?? silentLogger;
  }

  uriFor(key: string): string {
    return pathToFileURL(this.pathFor(key)).href;
  }

  async putFile(key: string, path: string, options: PutFileOptions = {}): Promise<PutResult> {
    const target = this.pathFor(key);
    assertPutOptions(options, key);
    throwIfAborted(options.signal, key);
    if (options.move === true) {
      const moved = await this.moveIntoPlace(key, target, path, options);
      if (moved !== undefined) return moved;
    }
    const { stream } = await openLocalFile(path, key);
    return this.write(key, target, stream, options);
  }

  async put(key: string, body: PutBody, options: PutOptions = {}): Promise<PutResult> {
    const target = this.pathFor(key);
    assertPutOptions(options, key);
    return this.write(key, target, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, options);
  }

  async get(key: string, options: GetOptions = {}): Promise<Readable> {
    const path = this.pathFor(key);
    throwIfAborted(options.signal, key);
    const { stream } = await this.openObject(key, path);
    return guardObjectStream(stream, key, options.signal);
  }

  async getBytes(key: string, options: GetBytesOptions): Promise<Buffer> {
    const path = this.pathFor(key);
    const maxBytes = assertMaxBytes(options.maxBytes);
    throwIfAborted(options.signal, key);
    const { stream, bytes } = await this.openObject(key, path);
    if (bytes > maxBytes) {
      stream.destroy();
      throw tooLarge(key, maxBytes, bytes);
    }
    const guarded = guardObjectStream(stream, key, options.signal);
    return readBounded(guarded, maxBytes, key);
  }

  async getFile(key: string, path: string, options: GetFileOptions = {}): Promise<void> {
    const stream = await this.get(key, options);
    await writeObjectToFile(key, stream, path, {
      logger: this.logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    const path = this.pathFor(key);
    try {
      const real = await this.realPathInside(key, path);
      const info = await stat(real);
      if (!info.isFile()) return undefined;
      return { key, bytes: info.size, lastModified: info.mtime };
    } catch (error) {
      const mapped = mapFsError(error, { operation: 'head', key });
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
    const path = this.pathFor(key);
    try {
      await this.assertParentInside(key, path);
      await unlink(path);
    } catch (error) {
      const errno = errnoOf(error);
      // Absent (or a folder of other keys): nothing to delete, like S3.
      if (errno === 'ENOENT' || errno === 'ENOTDIR' || errno === 'EISDIR') return;
      throw mapFsError(error, { operation: 'delete', key });
    }
    await this.pruneEmptyDirectories(dirname(path));
  }

  async close(): Promise<void> {
    // Nothing to release: every operation closes its own file handles.
  }

  /** The absolute path of a key; throws `invalid_key` for keys that are invalid or would leave DIR. */
  private pathFor(key: string): string {
    assertKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) {
      throw new StorageError(
        'invalid_key',
        `Invalid storage key ${JSON.stringify(key)}: resolves outside the storage directory.`,
        { key },
      );
    }
    return path;
  }

  private async getRealRoot(): Promise<string> {
    this.realRoot ??= await realpath(this.root);
    return this.realRoot;
  }

  private async assertRealInside(key: string, real: string): Promise<string> {
    const realRoot = await this.getRealRoot();
    if (real !== realRoot && !real.startsWith(realRoot + sep)) {
      throw new StorageError(
        'invalid_key',
        `Invalid storage key ${JSON.stringify(key)}: a symbolic link leads outside the storage directory.`,
        { key },
      );
    }
    return real;
  }

  private async realPathInside(key: string, path: string): Promise<string> {
    return this.assertRealInside(key, await realpath(path));
  }

  /** Checks the deepest existing ancestor of `path`, so that `mkdir -p` never follows a link out of DIR. */
  private async assertParentInside(key: string, path: string): Promise<void> {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      try {
        await this.realPathInside(key, dir);
        return;
      } catch (error) {
        if (errnoOf(error) !== 'ENOENT' || dir === this.root || !dir.startsWith(this.root)) throw error;
      }
    }
  }

  private async write(key: string, path: string, body: Readable | Uint8Array, options: PutOptions): Promise<PutResult> {
    const { signal } = options;
    try {
      throwIfAborted(signal, key);
      await mkdir(this.root, { recursive: true });
      await this.assertParentInside(key, path);
      const written = await writeFileAtomic(path, body, {
        mkdir: true,
        logger: this.logger,
        sha256: options.sha256 === true,
        ...(signal === undefined ? {} : { signal }),
      });
      this.logger.debug({ key, bytes: written.bytes }, 'stored object');
      return { key, uri: pathToFileURL(path).href, ...written };
    } catch (error) {
      if (!(body instanceof Uint8Array)) body.destroy();
      throw mapFsError(error, {
        operation: 'write',
        key,
        path,
        writing: true,
        ...(signal === undefined ? {} : { signal }),
      });
    }
  }

  /**
   * `putFile` with `move`: fsync the file (hashing it meanwhile, from the page cache, when asked), rename it
   * over the target, fsync the folder. Atomic like every write: readers see the old object or the whole new
   * one. `undefined` when the file is on another file system (EXDEV): the caller copies it instead.
   */
  private async moveIntoPlace(
    key: string,
    target: string,
    source: string,
    options: PutFileOptions,
  ): Promise<PutResult | undefined> {
    const { signal } = options;
    try {
      const info = await lstat(source);
      if (!info.isFile()) {
        throw new StorageError('invalid_argument', `Cannot upload ${JSON.stringify(source)}: not a regular file.`, {
          key,
        });
      }
      await mkdir(this.root, { recursive: true });
      await this.assertParentInside(key, target);
      await mkdir(dirname(target), { recursive: true });
      const handle = await open(source, 'r');
      let sha256: string | undefined;
      try {
        const hashing = options.sha256 === true ? hashHandle(handle, signal) : Promise.resolve(undefined);
        [sha256] = await Promise.all([hashing, handle.sync()]);
      } finally {
        await handle.close();
      }
      throwIfAborted(signal, key);
      try {
        await rename(source, target);
      } catch (error) {
        if (errnoOf(error) === 'EXDEV') return undefined;
        throw error;
      }
      await syncDirectory(dirname(target));
      this.logger.debug({ key, bytes: info.size, moved: true }, 'stored object');
      return {
        key,
        uri: pathToFileURL(target).href,
        bytes: info.size,
        ...(sha256 === undefined ? {} : { sha256 }),
      };
    } catch (error) {
      throw mapFsError(error, {
        operation: 'write',
        key,
        path: target,
        writing: true,
        ...(signal === undefined ? {} : { signal }),
      });
    }
  }

  private async openObject(key: string, path: string): Promise<{ stream: Readable; bytes: number }> {
    try {
      const real = await this.realPathInside(key, path);
      const handle = await open(real, 'r');
      try {
        const info = await handle.stat();
        if (!info.isFile()) {
          throw Object.assign(new Error('not a regular file'), { code: 'EISDIR' });
        }
        return { stream: handle.createReadStream(), bytes: info.size };
      } catch (error) {
        await handle.close();
        throw error;
      }
    } catch (error) {
      const mapped = mapFsError(error, { operation: 'read', key });
      if (mapped.code === 'not_found') {
        throw new StorageError('not_found', `Object ${JSON.stringify(key)} not found in ${this.uri}.`, {
          key,
          cause: error,
        });
      }
      throw mapped;
    }
  }

  private async *listValid(prefix: string): AsyncGenerator<ObjectInfo> {
    const slash = prefix.lastIndexOf('/');
    const folderKey = prefix.slice(0, slash + 1);
    const namePrefix = prefix.slice(slash + 1);
    const folder = folderKey === '' ? this.root : join(this.root, ...folderKey.slice(0, -1).split('/'));
    try {
      await this.realPathInside(prefix, folder);
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') return;
      throw mapFsError(error, { operation: 'list', key: prefix });
    }
    yield* this.walk(folder, folderKey, namePrefix);
  }

  /**
   * Depth-first walk yielding keys in UTF-8 byte order: a folder sorts as `name/`, so
   * `a-b` < `a/x` < `a0` exactly as S3 orders the keys. Symbolic links are not followed.
   */
  private async *walk(dir: string, keyPrefix: string, namePrefix: string): AsyncGenerator<ObjectInfo> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === 'ENOENT' || errno === 'ENOTDIR') return; // removed while listing
      throw mapFsError(error, { operation: 'list', key: keyPrefix });
    }
    const items: ListEntry[] = entries
      .filter((entry) => entry.name.startsWith(namePrefix) && !isTempName(entry.name))
      .filter((entry) => entry.isFile() || entry.isDirectory())
      .map((entry) => ({
        name: entry.name,
        isDirectory: entry.isDirectory(),
        sortKey: Buffer.from(entry.isDirectory() ? `${entry.name}/` : entry.name, 'utf8'),
      }))
      .sort((a, b) => Buffer.compare(a.sortKey, b.sortKey));
    for (const item of items) {
      const key = `${keyPrefix}${item.name}`;
      const path = join(dir, item.name);
      if (item.isDirectory) {
        yield* this.walk(path, `${key}/`, '');
        continue;
      }
      if (!isKey(key)) continue; // a file no key can name (put there by hand)
      try {
        const info = await stat(path);
        yield { key, bytes: info.size, lastModified: info.mtime };
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') continue; // deleted while listing
        throw mapFsError(error, { operation: 'list', key });
      }
    }
  }

  /** Removes folders left empty by a delete, up to (not including) DIR; stops at the first non-empty one. */
  private async pruneEmptyDirectories(start: string): Promise<void> {
    for (let dir = start; dir !== this.root && dir.startsWith(this.root + sep); dir = dirname(dir)) {
      try {
        await rmdir(dir);
      } catch (error) {
        // Not empty (the usual case), already gone, or a concurrent put: leave it.
        const errno = errnoOf(error);
        if (errno !== 'ENOTEMPTY' && errno !== 'EEXIST' && errno !== 'ENOENT') {
          this.logger.debug({ code: errno }, 'could not remove an empty folder');
        }
        return;
      }
    }
  }
}
