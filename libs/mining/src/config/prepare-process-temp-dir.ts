import { lstat, mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { sweepStaleTempDirs } from '@astra/downloader';

export type ProcessTempDirOptions = {
  hostname: string;
  pid: number;
  /** Whether a process id is alive on this host (default: `process.kill(pid, 0)`). */
  isProcessAlive?: (pid: number) => boolean;
  /** A dir of another host (shared temp volume) is only removed when untouched for this long. */
  foreignStaleMs?: number;
};

export type ProcessTempDir = {
  /** `{base}/{hostname}-{pid}`: this process's own temp dir. */
  dir: string;
  /** Dirs of dead processes removed on the way. */
  swept: string[];
};

export const DEFAULT_FOREIGN_STALE_MS = 24 * 3600_000;

/**
 * Gives this process its own temp dir `{base}/{hostname}-{pid}` (the orchestrator's `astra-mine-*` and the
 * downloader's `astra-dl-*` dirs go inside it) after removing the dirs of dead processes: same host and a pid
 * that is no longer alive (or our own pid: a restarted container reuses it). An age-based sweep alone cannot
 * tell a killed process's files from a live hour-long download; ownership by pid can. Stray `astra-dl-*` dirs
 * directly under `base` are swept by age with the downloader's own sweeper. The worker and `astra-ingest mine`
 * both start with it, each under its own base.
 */
export async function prepareProcessTempDir(base: string, options: ProcessTempDirOptions): Promise<ProcessTempDir> {
  const root = path.resolve(base);
  await mkdir(root, { recursive: true, mode: 0o700 });
  const host = sanitizeHost(options.hostname);
  const isAlive = options.isProcessAlive ?? isProcessAlive;
  const foreignStaleMs = options.foreignStaleMs ?? DEFAULT_FOREIGN_STALE_MS;
  const swept: string[] = [];

  for (const name of await readdir(root)) {
    const owner = parseOwner(name);
    if (!owner) continue;
    const dir = path.join(root, name);
    const info = await lstat(dir).catch(() => undefined);
    if (!info?.isDirectory()) continue;
    const dead =
      owner.host === host
        ? owner.pid === options.pid || !isAlive(owner.pid)
        : Date.now() - info.mtimeMs > foreignStaleMs;
    if (!dead) continue;
    await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
    swept.push(dir);
  }
  swept.push(...(await sweepStaleTempDirs(root, foreignStaleMs)));

  const dir = path.join(root, `${host}-${options.pid}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  return { dir, swept };
}

/** `{host}-{pid}` → its parts; other names (not ours) → undefined. */
export function parseOwner(name: string): { host: string; pid: number } | undefined {
  const match = /^([A-Za-z0-9._-]+)-(\d{1,10})$/.exec(name);
  if (!match?.[1] || !match[2]) return undefined;
  return { host: match[1], pid: Number(match[2]) };
}

export function sanitizeHost(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 100) || 'host';
}

/** Signal 0 checks existence only; EPERM means the process exists but belongs to another user. */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
