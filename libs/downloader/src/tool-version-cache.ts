import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { ToolName } from './classify-tool-failure';

const MAX_CACHE_BYTES = 64 * 1024;
const MAX_ENTRIES = 32;
const cacheSchema = z.object({ entries: z.record(z.string().max(4096), z.string().max(200)) });

/**
 * Where a tool's binary is and which build it is: real path, device, inode, size and modification time. An
 * upgraded or replaced binary gets another identity, so a cached version is never stale. `undefined` when the
 * binary cannot be found (the spawn will then report it missing).
 */
export async function identifyExecutable(tool: ToolName, file: string): Promise<string | undefined> {
  const found = file.includes('/') ? path.resolve(file) : await findOnPath(file);
  if (found === undefined) return undefined;
  try {
    const real = await realpath(found);
    const info = await stat(real);
    if (!info.isFile()) return undefined;
    return `${tool}\u0000${real}\u0000${info.dev}:${info.ino}:${info.size}:${Math.trunc(info.mtimeMs)}`;
  } catch {
    return undefined;
  }
}

/**
 * The versions saved earlier, keyed by identity. Only a regular file owned by this user and writable by no one
 * else is trusted (the cache may live in a shared temp dir); anything else reads as empty.
 */
export async function readVersionCache(cacheFile: string): Promise<Map<string, string>> {
  try {
    const info = await lstat(cacheFile);
    const ownUid = process.getuid?.();
    if (!info.isFile() || info.size > MAX_CACHE_BYTES || (info.mode & 0o022) !== 0) return new Map();
    if (ownUid !== undefined && info.uid !== ownUid) return new Map();
    const handle = await open(cacheFile, 'r');
    try {
      const parsed = cacheSchema.safeParse(JSON.parse(await handle.readFile('utf8')));
      return parsed.success ? new Map(Object.entries(parsed.data.entries)) : new Map();
    } finally {
      await handle.close();
    }
  } catch {
    return new Map();
  }
}

/** Saves the versions (the most recent entries first), atomically; a failure only costs a probe next time. */
export async function writeVersionCache(cacheFile: string, entries: Map<string, string>): Promise<void> {
  const kept = Object.fromEntries([...entries].slice(-MAX_ENTRIES));
  const temp = `${cacheFile}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify({ entries: kept })}\n`);
    } finally {
      await handle.close();
    }
    await rename(temp, cacheFile);
  } catch {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * The binary a spawn of the bare name `file` runs: the first executable match on PATH. PATH is read here, not
 * as configuration, because it is what the spawn itself will use.
 */
async function findOnPath(file: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, file);
    try {
      const info = await stat(candidate);
      if (info.isFile() && (info.mode & 0o111) !== 0) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}
