import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallFileSystem {
  /** The mount point of a fresh tmpfs of `sizeBytes`. */
  dir: string;
  unmount(): Promise<void>;
}

/**
 * Mounts a tmpfs of `sizeBytes` (root, or CAP_SYS_ADMIN, needed) so that disk-full errors come from a real
 * file system. Throws, naming what is missing, when the mount is not allowed.
 */
export async function mountSmallFileSystem(sizeBytes: number): Promise<SmallFileSystem> {
  const base = await mkdtemp(join(tmpdir(), 'astra-small-fs-'));
  const dir = join(base, 'mnt');
  await mkdir(dir);
  const mounted = await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir]);
  if (!mounted.ok) {
    await rm(base, { recursive: true, force: true });
    throw new Error(`The disk-full tests mount a ${sizeBytes}-byte tmpfs and need root: ${mounted.stderr.trim()}`);
  }
  return {
    dir,
    async unmount() {
      await run('umount', [dir]);
      await rm(base, { recursive: true, force: true });
    },
  };
}

function run(file: string, args: string[]): Promise<{ ok: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, (error, _stdout, stderr) => resolve({ ok: error === null, stderr: String(stderr) }));
  });
}
