import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The mount point of the file system holding `path` (or its nearest existing ancestor): the highest ancestor
 * on the same device. Synchronous, for error messages only; `undefined` when nothing along the path can be read.
 */
export function findMountPoint(path: string): string | undefined {
  let current = resolve(path);
  let device: number | undefined;
  for (;;) {
    const stats = statSync(current, { throwIfNoEntry: false });
    if (stats !== undefined) {
      device = stats.dev;
      break;
    }
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
  for (;;) {
    const parent = dirname(current);
    if (parent === current) return current;
    const stats = statSync(parent, { throwIfNoEntry: false });
    if (stats === undefined || stats.dev !== device) return current;
    current = parent;
  }
}
