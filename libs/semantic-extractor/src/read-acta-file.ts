import { open, stat } from 'node:fs/promises';
import { ActaError } from './errors';
import { extractActa, resolveExtractActaOptions, type ExtractActaOptions } from './extract-acta';
import type { Acta } from '@astra/contracts';

/**
 * Reads an acta (DOCX or PDF) from disk and extracts it. The size is checked with stat before reading, and the read itself
 * never takes more than the limit (a file growing meanwhile is caught too). I/O failures → ActaError `unreadable`.
 */
export async function readActaFile(path: string, options: ExtractActaOptions = {}): Promise<Acta> {
  const { limits } = resolveExtractActaOptions(options);
  const info = await stat(path).catch((error: unknown) => {
    throw new ActaError('unreadable', 'cannot read the acta file (stat failed)', { cause: error });
  });
  if (!info.isFile()) throw new ActaError('unreadable', 'the acta path is not a regular file');
  if (info.size > limits.maxCompressedBytes) {
    throw new ActaError('too_large', `the file has ${info.size} bytes (limit ${limits.maxCompressedBytes})`);
  }
  const bytes = await readBounded(path, limits.maxCompressedBytes);
  return extractActa(bytes, options);
}

async function readBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new ActaError('unreadable', 'cannot open the acta file', { cause: error });
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) {
        throw new ActaError('too_large', `the file has more than ${maxBytes} bytes`);
      }
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ActaError) throw error;
    throw new ActaError('unreadable', 'cannot read the acta file', { cause: error });
  } finally {
    await handle.close();
  }
}
