import { rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { prepareProcessTempDir } from '@astra/mining/config';

/** Parent of every CLI process's own temp dir, under `ASTRA_TMPDIR` (the worker uses `astra-worker`). */
export const CLI_TEMP_BASE = 'astra-ingest';

/**
 * Runs `body` with this process's own temp dir `{tmpRoot}/astra-ingest/{host}-{pid}`, after sweeping the dirs of
 * earlier runs that were killed (SIGKILL, OOM: no `finally` ran, `.part` files stayed), the same way the worker
 * does. The dir is removed afterwards, and the base too when no other run is using it.
 */
export async function withProcessTempDir<T>(
  tmpRoot: string,
  logger: Logger,
  body: (dir: string) => Promise<T>,
): Promise<T> {
  const base = path.join(tmpRoot, CLI_TEMP_BASE);
  const temp = await prepareProcessTempDir(base, { hostname: os.hostname(), pid: process.pid });
  if (temp.swept.length > 0) logger.info({ swept: temp.swept }, 'removed temp dirs left by killed runs');
  try {
    return await body(temp.dir);
  } finally {
    await rm(temp.dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    // Another run may be using the base: rmdir only removes it when empty.
    await rmdir(base).catch(() => undefined);
  }
}
