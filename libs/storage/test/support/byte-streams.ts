import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const MiB = 1024 * 1024;

export interface GeneratedStream {
  stream: Readable;
  /** sha256 of everything the stream emitted, known once it has ended. */
  sha256(): string;
  /** Bytes emitted so far. */
  emitted(): number;
}

/**
 * A stream of `totalBytes` random bytes in 1 MiB chunks. With `failAfterBytes` it errors
 * instead of emitting more than that. `onEmitted` sees the running total (to abort mid-way).
 */
export function randomByteStream(
  totalBytes: number,
  options: { failAfterBytes?: number; onEmitted?: (bytes: number) => void; chunkBytes?: number } = {},
): GeneratedStream {
  const chunkBytes = options.chunkBytes ?? MiB;
  const hash = createHash('sha256');
  let emitted = 0;
  let digest: string | undefined;
  const stream = new Readable({
    read() {
      if (options.failAfterBytes !== undefined && emitted >= options.failAfterBytes) {
        this.destroy(new Error(`source failed after ${emitted} bytes (test)`));
        return;
      }
      if (emitted >= totalBytes) {
        digest = hash.digest('hex');
        this.push(null);
        return;
      }
      const chunk = randomBytes(Math.min(chunkBytes, totalBytes - emitted));
      hash.update(chunk);
      emitted += chunk.byteLength;
      options.onEmitted?.(emitted);
      this.push(chunk);
    },
  });
  return {
    stream,
    sha256() {
      if (digest === undefined) throw new Error('the stream has not ended');
      return digest;
    },
    emitted: () => emitted,
  };
}

export async function sha256OfStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(stream, async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      hash.update(chunk);
      bytes += chunk.byteLength;
    }
  });
  return { sha256: hash.digest('hex'), bytes };
}

export async function sha256OfFile(path: string): Promise<{ sha256: string; bytes: number }> {
  return sha256OfStream(createReadStream(path));
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
