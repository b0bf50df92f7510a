import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SUPPORTED_NODE_RANGE } from '../../src/config/check-node-support';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

type Manifest = { name?: string; workspaces?: string[]; engines?: { node?: string } };

async function readManifest(dir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** The root and every workspace of it (`libs/*` expanded), as npm sees them. */
async function workspaceDirs(): Promise<string[]> {
  const root = await readManifest(repoRoot);
  const dirs = [repoRoot];
  for (const pattern of root.workspaces ?? []) {
    if (!pattern.endsWith('/*')) {
      dirs.push(path.join(repoRoot, pattern));
      continue;
    }
    const parent = path.join(repoRoot, pattern.slice(0, -2));
    const entries = await readdir(parent, { withFileTypes: true });
    const withManifest = await Promise.all(
      entries
        .filter((entry) => entry.isDirectory())
        .map(async (entry) => {
          const dir = path.join(parent, entry.name);
          const names = await readdir(dir);
          return names.includes('package.json') ? dir : undefined;
        }),
    );
    dirs.push(...withManifest.filter((dir): dir is string => dir !== undefined));
  }
  return dirs;
}

describe('engines.node', () => {
  it('every package.json of the workspace states the range the CLI and the worker check at start', async () => {
    const dirs = await workspaceDirs();
    expect(dirs.length).toBeGreaterThan(10);
    const ranges = await Promise.all(
      dirs.map(async (dir) => [path.relative(repoRoot, dir) || '.', (await readManifest(dir)).engines?.node] as const),
    );
    expect(ranges.filter(([, range]) => range !== SUPPORTED_NODE_RANGE)).toEqual([]);
  });
});
