import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { StorageError } from './errors';
import { mapFsError } from './map-fs-error';

/**
 * Opens a local file for upload. A missing file is `StorageError('not_found')`, a directory or
 * special file `StorageError('invalid_argument')`; the message names the file (local paths are
 * the caller's own input, not secrets).
 */
export async function openLocalFile(path: string, key: string): Promise<{ stream: Readable; bytes: number }> {
  try {
    const handle = await open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) {
        throw new StorageError('invalid_argument', `Cannot upload ${JSON.stringify(path)}: not a regular file.`, {
          key,
        });
      }
      return { stream: handle.createReadStream(), bytes: stat.size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  } catch (error) {
    if (error instanceof StorageError) throw error;
    const mapped = mapFsError(error, { operation: `read of local file ${JSON.stringify(path)} for`, key });
    throw mapped;
  }
}
