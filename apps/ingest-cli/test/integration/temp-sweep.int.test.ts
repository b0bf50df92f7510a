/**
 * Leftovers after a hard kill (issue 14 item 5): a `mine` killed with SIGKILL in the middle of a download leaves
 * its temp dir (the WAV being decoded while it downloads, or yt-dlp's `.part` file); the next run removes it at start, because its owner is gone, and
 * leaves alone the dir of a process that is still alive. Real yt-dlp, ffmpeg, s3rver, astra-core dev server.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMineFixture, type MineFixture } from '../support/mine-fixture';
import { cliCommand, repoRoot, runCli } from '../support/run-cli';

let dir: string;
let fixture: MineFixture;
const base = () => path.join(dir, 'tmp', 'astra-ingest');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-temp-sweep-'));
  // Slow media: the download is still running when the run is killed.
  fixture = await createMineFixture(dir, { count: 1, tenant: 'villa', throttleBytesPerSec: 20_000 });
}, 180_000);

afterAll(async () => {
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('temp dirs of a killed mine', () => {
  it('are removed by the next run, while a live process keeps its own', async () => {
    const [file = process.execPath, ...args] = cliCommand();
    // Its own process group: the kill takes yt-dlp and ffmpeg with it, as a container's OOM kill would.
    const child = spawn(
      file,
      [...args, 'mine', '--input', fixture.csvPath, '--storage', 's3://astra-raw', '--out', path.join(dir, 'out')],
      { cwd: repoRoot, env: { ...process.env, ...fixture.env, LOG_LEVEL: 'warn' }, detached: true, stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const pid = child.pid ?? 0;
    const deadline = Date.now() + 5 * 60_000;
    let partial: string[] = [];
    while (Date.now() < deadline && partial.length === 0) {
      await sleep(200);
      // Any file of the download in progress: the one-pass downloader decodes while it downloads (a growing WAV).
      partial = (await filesUnder(base())).filter((f) => f.includes(`-${pid}${path.sep}`));
    }
    expect(partial.length).toBeGreaterThan(0);
    process.kill(-pid, 'SIGKILL');
    await exited;
    const killedDir = path.join(base(), (await readdir(base())).find((name) => name.endsWith(`-${pid}`)) ?? 'none');
    expect((await stat(killedDir)).isDirectory()).toBe(true);

    // A dir owned by a process that is alive (this test runner) on this host.
    const host = path.basename(killedDir).slice(0, -`-${pid}`.length);
    const liveDir = path.join(base(), `${host}-${process.pid}`);
    await mkdir(liveDir, { recursive: true });
    await writeFile(path.join(liveDir, 'in-use.part'), 'still downloading');

    fixture.media.setThrottle(0);
    const result = await runCli(
      ['mine', '--input', fixture.csvPath, '--storage', 's3://astra-raw', '--out', path.join(dir, 'out')],
      { env: { ...fixture.env, LOG_LEVEL: 'info' } },
    );
    expect(result.exitCode).toBe(0);
    const swept = result.stderr
      .split('\n')
      .filter((line) => line.includes('removed temp dirs left by killed runs'))
      .map((line) => (JSON.parse(line) as { swept: string[] }).swept);
    expect(swept).toEqual([[killedDir]]);
    await expect(stat(killedDir)).rejects.toMatchObject({ code: 'ENOENT' });
    // Only the live owner's dir is left: the second run removed its own on the way out.
    expect(await readdir(base())).toEqual([path.basename(liveDir)]);
    expect(await filesUnder(base())).toEqual([path.join(liveDir, 'in-use.part')]);
  }, 600_000);
});
