/**
 * Tool versions are probed once per binary per process: a worker mining job after job does not start Python for
 * `yt-dlp --version` every time. A replaced binary (another inode, size or mtime) is probed again.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeTools } from '@astra/downloader';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-probe-tools-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A fake tool that counts its runs in `<name>.runs` and prints `versionLine`. */
async function fakeTool(name: string, versionLine: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\necho run >> "${file}.runs"\necho '${versionLine}'\n`);
  await chmod(file, 0o755);
  return file;
}

async function runs(file: string): Promise<number> {
  const text = await readFile(`${file}.runs`, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean).length;
}

describe('probeTools', () => {
  it('runs each binary once per process, and again once it is replaced', async () => {
    const ytDlpPath = await fakeTool('yt-dlp', '2099.01.01');
    const ffmpegPath = await fakeTool('ffmpeg', 'ffmpeg version 9.9-test Copyright (c) the FFmpeg developers');
    const ffprobePath = await fakeTool('ffprobe', 'ffprobe version 9.9-test Copyright (c) the FFmpeg developers');
    const paths = { ytDlpPath, ffmpegPath, ffprobePath };

    const first = await probeTools(paths);
    const second = await probeTools(paths);
    expect(first).toEqual({ ytDlp: '2099.01.01', ffmpeg: '9.9-test', ffprobe: '9.9-test' });
    expect(second).toEqual(first);
    expect([await runs(ytDlpPath), await runs(ffmpegPath), await runs(ffprobePath)]).toEqual([1, 1, 1]);

    await rm(ytDlpPath);
    await fakeTool('yt-dlp', '2099.12.31.123456');
    expect((await probeTools(paths)).ytDlp).toBe('2099.12.31.123456');
    expect([await runs(ytDlpPath), await runs(ffmpegPath)]).toEqual([2, 1]);
  });
});
