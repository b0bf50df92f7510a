/**
 * The README's first commands in a fresh clone (issue 13 item 1): `npm ci`, `npm run build`, then
 * `npx astra-ingest --help` and `npx astra-ingest-worker`. npm links a workspace's bins at install time only if
 * their targets exist, and `dist/` is built after the install, so the bins are committed shims that load `dist/`.
 *
 * The clone is of the current commit (uncommitted changes are not in it). It installs from npm's cache when it
 * can; the build shares this checkout's Nx cache, which replays outputs only for identical inputs, so a clone
 * whose sources differ still builds for real.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/run-cli';

const exec = promisify(execFile);

type Run = { exitCode: number; stdout: string; stderr: string };

let dir: string;
let clone: string;
let beforeBuild: Run;

async function runIn(cwd: string, file: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  try {
    const { stdout, stderr } = await exec(file, args, {
      cwd,
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...env },
      timeout: 20 * 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      exitCode: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-fresh-clone-'));
  clone = path.join(dir, 'astra-ingest');
  const { stdout: head } = await exec('git', ['-C', repoRoot, 'rev-parse', 'HEAD']);
  await exec('git', ['clone', '--quiet', '--no-checkout', repoRoot, clone]);
  await exec('git', ['-C', clone, 'checkout', '--quiet', head.trim()]);
  const install = await runIn(clone, 'npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline']);
  if (install.exitCode !== 0) throw new Error(`npm ci failed: ${install.stderr.slice(-2000)}`);
  beforeBuild = await runIn(clone, 'npx', ['--no-install', 'astra-ingest', '--version']);
  const build = await runIn(clone, 'npm', ['run', 'build'], {
    NX_CACHE_DIRECTORY: path.join(repoRoot, '.nx', 'cache'),
  });
  if (build.exitCode !== 0) throw new Error(`npm run build failed: ${(build.stdout + build.stderr).slice(-4000)}`);
}, 45 * 60_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a fresh clone after npm ci and npm run build', () => {
  it('has both bins linked by npm ci', async () => {
    for (const bin of ['astra-ingest', 'astra-ingest-worker']) {
      expect((await lstat(path.join(clone, 'node_modules', '.bin', bin))).isSymbolicLink()).toBe(true);
    }
  });

  it('says to build first when run before the build', () => {
    expect(beforeBuild.exitCode).toBe(1);
    expect(beforeBuild.stderr).toContain('astra-ingest is not built yet: run `npm run build`');
  });

  it('runs `npx astra-ingest --help` and `--version`', async () => {
    const help = await runIn(clone, 'npx', ['--no-install', 'astra-ingest', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toMatch(/^Usage: astra-ingest \[options\] \[command\]/);
    expect(help.stdout).toMatch(/\bmine \[options\]/);
    const version = await runIn(clone, 'npx', ['--no-install', 'astra-ingest', '--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('runs `npx astra-ingest-worker` (a bad REDIS_URL makes it stop at once with exit 2)', async () => {
    const worker = await runIn(clone, 'npx', ['--no-install', 'astra-ingest-worker'], {
      REDIS_URL: 'http://not-redis',
    });
    expect(worker.exitCode).toBe(2);
    expect(worker.stdout + worker.stderr).toContain('invalid configuration: REDIS_URL');
  });
});
