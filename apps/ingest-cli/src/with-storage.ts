import type { RuntimeConfig } from '@astra/mining/config';
import { openStorage, type Storage } from '@astra/storage';
import type { Output } from './output';

/** Opens the configured storage, runs `body`, and always closes it (S3 sockets keep Node alive). */
export async function withStorage<T>(
  config: RuntimeConfig,
  output: Output,
  body: (storage: Storage) => Promise<T>,
): Promise<T> {
  const storage = openStorage(config.storage.uri, { ...config.storage.options, logger: output.logger });
  try {
    return await body(storage);
  } finally {
    await storage.close();
  }
}
