import { openStorage, type Storage } from '@astra/storage';
import { resolveStorageConfig, type Env } from './config';
import type { Output } from './output';

/** Opens the storage the flags and env name, runs `body`, and always closes it (S3 sockets keep Node alive). */
export async function withStorage<T>(
  flags: { storage?: string; s3Endpoint?: string },
  env: Env,
  output: Output,
  body: (storage: Storage) => Promise<T>,
): Promise<T> {
  const config = resolveStorageConfig(flags, env);
  const storage = openStorage(config.uri, { ...config.options, logger: output.logger });
  try {
    return await body(storage);
  } finally {
    await storage.close();
  }
}
