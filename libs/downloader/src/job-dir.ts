import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from './model';

/** Prefix of every per-job temp dir; `sweepStaleTempDirs` removes only dirs that carry it. */
export const TEMP_DIR_PREFIX = 'astra-dl-';

/** Creates `<tmpRoot>/astra-dl-XXXXXX` (and tmpRoot itself when missing), private to the current user. */
export async function createJobDir(tmpRoot: string): Promise<string> {
  const root = path.resolve(tmpRoot);
  await mkdir(root, { recursive: true });
  return mkdtemp(path.join(root, TEMP_DIR_PREFIX));
}

/** Removes a job dir and everything in it; a failure is logged, never thrown over the job's own outcome. */
export async function removeJobDir(dir: string, logger: Logger): Promise<void> {
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  } catch (error) {
    logger.error({ dir, err: error }, 'could not remove the job temp dir');
  }
}
