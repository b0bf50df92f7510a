import { mkdir, mkdtemp, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepStaleTempDirs } from '@astra/downloader';

let root: string;
let outside: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'astra-sweep-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'astra-sweep-outside-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function makeDir(name: string, ageMs: number): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir);
  await writeFile(path.join(dir, 'source.webm.part'), 'partial');
  const when = new Date(Date.now() - ageMs);
  await utimes(dir, when, when);
  return dir;
}

describe('sweepStaleTempDirs', () => {
  it('removes only old astra-dl-* directories and leaves everything else', async () => {
    const stale = await makeDir('astra-dl-old111', 3 * 3600_000);
    await makeDir('astra-dl-new222', 1000);
    await makeDir('other-old333', 3 * 3600_000);
    await writeFile(path.join(root, 'astra-dl-file'), 'not a dir');
    await writeFile(path.join(outside, 'keep.txt'), 'keep');
    await symlink(outside, path.join(root, 'astra-dl-link'));

    const removed = await sweepStaleTempDirs(root, 3600_000);

    expect(removed).toEqual([stale]);
    expect((await readdir(root)).sort()).toEqual(['astra-dl-file', 'astra-dl-link', 'astra-dl-new222', 'other-old333']);
    expect(await readdir(outside)).toEqual(['keep.txt']);
  });

  it('returns an empty list for a temp root that does not exist', async () => {
    expect(await sweepStaleTempDirs(path.join(root, 'missing'), 0)).toEqual([]);
  });
});
