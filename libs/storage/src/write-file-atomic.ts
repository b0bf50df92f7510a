import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { RESERVED_SEGMENT_PREFIX } from './assert-key';
import { ByteCounter } from './byte-counter';
import { silentLogger, type Logger } from '@astra/contracts';

export interface WriteFileAtomicOptions {
  signal?: AbortSignal;
  /** Create missing parent directories. */
  mkdir?: boolean;
  /** Hash the bytes (SHA-256) as they are written. */
  sha256?: boolean;
  logger?: Logger;
}

export interface WriteFileAtomicResult {
  bytes: number;
  /** Hex SHA-256 of the bytes written, when asked for. */
  sha256?: string;
}

/** Temp files live next to their target as `.astra-tmp-<random hex>`: same file system, so rename is atomic. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `${RESERVED_SEGMENT_PREFIX}${randomBytes(8).toString('hex')}`);
}

export function isTempName(name: string): boolean {
  return name.startsWith(RESERVED_SEGMENT_PREFIX);
}

async function openTemp(path: string, createDirs: boolean): Promise<{ handle: FileHandle; tempPath: string }> {
  // A concurrent delete may prune the empty parent between mkdir and open: retry a few times.
  for (let attempt = 1; ; attempt += 1) {
    const tempPath = tempPathFor(path);
    try {
      if (createDirs) await mkdir(dirname(path), { recursive: true });
      return { handle: await open(tempPath, 'wx'), tempPath };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!createDirs || code !== 'ENOENT' || attempt >= 3) throw error;
    }
  }
}

/** Writes every chunk in order (looping on short writes); the handle stays open for fsync. */
async function writeAll(handle: FileHandle, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    for (let offset = 0; offset < chunk.byteLength;) {
      const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
      offset += bytesWritten;
    }
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    // Some file systems refuse fsync on directories; the rename itself has happened.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR' && code !== 'ENOTSUP') throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Writes `body` to `path` so that readers see the old file, the whole new file, or nothing:
 * a temp file in the same directory, fsync, rename, fsync of the directory. On any failure or
 * abort the temp file is removed and the error rethrown (raw Node errors: callers map them; a
 * failed write, e.g. ENOSPC, wins over the abort it causes in the rest of the pipeline).
 * A Readable body is consumed or destroyed. Returns the bytes written (and their hash).
 */
export async function writeFileAtomic(
  path: string,
  body: Readable | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<WriteFileAtomicResult> {
  const source = body instanceof Uint8Array ? Readable.from([body]) : body;
  const logger = options.logger ?? silentLogger;
  if (options.signal?.aborted === true) {
    source.destroy();
    throw options.signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
  }
  let opened: { handle: FileHandle; tempPath: string };
  try {
    opened = await openTemp(path, options.mkdir === true);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const { handle, tempPath } = opened;
  let closed = false;
  let writeError: unknown;
  try {
    const counter = new ByteCounter({ sha256: options.sha256 === true });
    try {
      await pipeline(
        source,
        counter,
        async (chunks: AsyncIterable<Buffer>) => {
          try {
            await writeAll(handle, chunks);
          } catch (error) {
            writeError = error;
            throw error;
          }
        },
        options.signal === undefined ? {} : { signal: options.signal },
      );
    } catch (error) {
      throw isAborted(options.signal) ? error : (writeError ?? error);
    }
    await handle.sync();
    closed = true;
    await handle.close();
    await rename(tempPath, path);
    await syncDirectory(dirname(path));
    const sha256 = counter.sha256();
    return { bytes: counter.bytes, ...(sha256 === undefined ? {} : { sha256 }) };
  } catch (error) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(tempPath).catch((unlinkError: NodeJS.ErrnoException) => {
      if (unlinkError.code !== 'ENOENT') {
        logger.warn({ file: basename(tempPath), code: unlinkError.code }, 'could not remove a temp file');
      }
    });
    throw error;
  }
}

function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
