import { lstat, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_DIR_PREFIX } from './job-dir';

/**
 * Removes `astra-dl-*` dirs directly under `tmpRoot` whose last change is older than `olderThanMs` (left by a
 * process that crashed or was killed). Symlinks and other files are left alone. Returns the removed paths.
 */
export async function sweepStaleTempDirs(tmpRoot: string, olderThanMs: number): Promise<string[]> {
  const root = path.resolve(tmpRoot);
  let names: string[];
  try {
    names = await readdir(root);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  const cutoff = Date.now() - olderThanMs;
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(TEMP_DIR_PREFIX)) continue;
    const dir = path.join(root, name);
    const stats = await lstat(dir).catch((error: unknown) => {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    });
    if (!stats?.isDirectory() || stats.mtimeMs > cutoff) continue;
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    removed.push(dir);
  }
  return removed;
}

function isErrno(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === code;
}
