import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProcessAlive, parseOwner, prepareProcessTempDir, sanitizeHost } from './prepare-process-temp-dir';

describe('parseOwner', () => {
  it.each([
    ['box-1-4242', { host: 'box-1', pid: 4242 }],
    ['ip-10-0-0-7.eu-west-1.compute.internal-17', { host: 'ip-10-0-0-7.eu-west-1.compute.internal', pid: 17 }],
    ['astra-mine-abc123', undefined],
    ['lost+found', undefined],
    ['4242', undefined],
  ])('%s', (name, owner) => {
    expect(parseOwner(name)).toEqual(owner);
  });

  it('reads back what sanitizeHost wrote', () => {
    expect(parseOwner(`${sanitizeHost('my host/ä')}-9`)).toEqual({ host: 'my_host__', pid: 9 });
  });
});

describe('isProcessAlive', () => {
  it('is true for this process and false for a pid that cannot exist', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(2 ** 30)).toBe(false);
  });
});

describe('prepareProcessTempDir', () => {
  it('removes the dirs of dead processes of this host, keeps live and foreign ones, and makes its own', async () => {
    const base = await mkdtemp(path.join(os.tmpdir(), 'process-temp-'));
    const make = async (name: string) => {
      await mkdir(path.join(base, name, 'astra-dl-x'), { recursive: true });
      await writeFile(path.join(base, name, 'astra-dl-x', 'a.webm.part'), 'partial');
    };
    await Promise.all(['box-100', 'box-200', 'other-300', 'unrelated'].map(make));
    const { dir, swept } = await prepareProcessTempDir(base, {
      hostname: 'box',
      pid: 400,
      isProcessAlive: (pid) => pid === 200,
    });
    expect(dir).toBe(path.join(base, 'box-400'));
    expect(swept).toEqual([path.join(base, 'box-100')]);
    expect((await readdir(base)).sort()).toEqual(['box-200', 'box-400', 'other-300', 'unrelated']);
    await rm(base, { recursive: true, force: true });
  });
});
