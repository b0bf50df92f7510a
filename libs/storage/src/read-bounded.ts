import type { Readable } from 'node:stream';
import { StorageError } from './errors';

/**
 * Reads a whole stream into memory, never holding more than `maxBytes`: beyond that the
 * stream is destroyed and `StorageError('too_large')` thrown. Stream errors pass through.
 */
export async function readBounded(stream: Readable, maxBytes: number, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.byteLength;
    if (total > maxBytes) {
      stream.destroy();
      throw tooLarge(key, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, total);
}

export function tooLarge(key: string, maxBytes: number, bytes?: number): StorageError {
  const size = bytes === undefined ? 'is larger than' : `has ${bytes} bytes, more than`;
  return new StorageError('too_large', `Object ${JSON.stringify(key)} ${size} maxBytes=${maxBytes}.`, { key });
}

/** `maxBytes` must be a non-negative safe integer. */
export function assertMaxBytes(maxBytes: number): number {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new StorageError(
      'invalid_argument',
      `Invalid maxBytes ${String(maxBytes)}: expected a non-negative integer.`,
    );
  }
  return maxBytes;
}
