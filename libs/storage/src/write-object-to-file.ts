import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { Logger } from '@astra/contracts';
import { mapFsError } from './map-fs-error';
import { writeFileAtomic } from './write-file-atomic';

export interface WriteObjectToFileOptions {
  logger: Logger;
  signal?: AbortSignal;
}

/**
 * `Storage.getFile` for every backend: writes the object `key`, already opened as `stream`, to the
 * local `path` atomically (parent folders created); a failure becomes a `StorageError` naming `path`.
 */
export async function writeObjectToFile(
  key: string,
  stream: Readable,
  path: string,
  options: WriteObjectToFileOptions,
): Promise<void> {
  const { logger, signal } = options;
  try {
    await writeFileAtomic(resolve(path), stream, {
      mkdir: true,
      logger,
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    throw mapFsError(error, {
      operation: `download to ${JSON.stringify(path)}`,
      key,
      path: resolve(path),
      writing: true,
      ...(signal === undefined ? {} : { signal }),
    });
  }
}
