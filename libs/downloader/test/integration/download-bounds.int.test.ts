/**
 * Bounds before work (issue 14 items 6 and 7) with real yt-dlp and ffmpeg: media declared over the limits is
 * refused before it is downloaded, an undeclared size is cut off at the limit while it downloads, and an empty
 * file is a permanent error.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadAudio, probeTools, type ToolVersions } from '@astra/downloader';
import { generateMediaFixtures, type MediaFixtures } from '../support/generate-media';
import { startMediaServer, type MediaServer } from '../support/media-server';
import { findProcesses, waitFor } from '../support/processes';
import { leftoverJobDirs } from '../support/wav-assertions';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

let workDir: string;
let fixtures: MediaFixtures;
let server: MediaServer;
let tools: ToolVersions;
let caseIndex = 0;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'astra-dl-bounds-'));
  const mediaDir = path.join(workDir, 'media');
  await mkdir(mediaDir);
  fixtures = await generateMediaFixtures(mediaDir);
  server = await startMediaServer({ root: mediaDir, slowChunkBytes: 2048, slowIntervalMs: 100 });
  tools = await probeTools();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function download(url: string, options: { maxBytes?: number; maxDurationSec?: number } = {}) {
  caseIndex += 1;
  const tmpRoot = path.join(workDir, `case-${caseIndex}`, 'tmp');
  const outDir = path.join(workDir, `case-${caseIndex}`, 'out');
  await mkdir(tmpRoot, { recursive: true });
  await mkdir(outDir, { recursive: true });
  const error = await downloadAudio(url, {
    outputPath: path.join(outDir, 'audio.wav'),
    tmpRoot,
    allowPrivateNetwork: true,
    toolVersions: tools,
    ...options,
  }).then(
    () => undefined,
    (caught: unknown) => caught as Error & { code?: string; retryable?: boolean },
  );
  expect(await readdir(outDir)).toEqual([]);
  expect(await leftoverJobDirs(tmpRoot)).toEqual([]);
  expect(findProcesses(tmpRoot)).toEqual([]);
  return error;
}

/** Bytes the server wrote for an /endless URL, once the client has gone (it stops writing then). */
async function bytesSent(url: string): Promise<number> {
  const key = new URL(url).pathname + new URL(url).search;
  let last = -1;
  await waitFor(() => {
    const now = server.endlessBytes.get(key) ?? 0;
    const settled = now === last;
    last = now;
    return settled;
  }, 3000);
  return server.endlessBytes.get(key) ?? 0;
}

describe('bounds before and while downloading', () => {
  it('refuses a 2 GiB file by its declared size, having received a few MB at most', async () => {
    const url = `${server.baseUrl}/endless?declare=${2 * GiB}&case=declared`;
    const error = await download(url, { maxBytes: 10 * MiB });
    expect(error).toMatchObject({ name: 'DownloadError', code: 'too_large', retryable: false });
    expect(await bytesSent(url)).toBeLessThan(16 * MiB);
  });

  it('cuts off a download of undeclared size at maxBytes', async () => {
    const url = `${server.baseUrl}/endless?case=undeclared`;
    const error = await download(url, { maxBytes: 4 * MiB });
    expect(error).toMatchObject({ name: 'DownloadError', code: 'too_large', retryable: false });
    expect(error?.message).toContain('larger than the limit of 4194304 bytes');
    // What is in flight in socket and pipe buffers (loopback sockets buffer several MB each way, and the generic
    // extractor's probe request is one more) comes on top of the limit; without the cut-off it would never stop.
    expect(await bytesSent(url)).toBeLessThan(4 * MiB + 48 * MiB);
  });

  it('refuses a source whose container declares more than maxDurationSec before it has downloaded', async () => {
    // 10 s of audio sent at ~20 KB/s: the whole file would take about 16 s; the header declares 10 s.
    const url = `${server.url('slow', fixtures.slowWebm)}?case=duration`;
    const error = await download(url, { maxDurationSec: 5 });
    expect(error).toMatchObject({ name: 'DownloadError', code: 'too_large', retryable: false });
    expect(error?.message).toMatch(/lasts 10 s, more than the limit of 5 s/);
    expect(server.finishedSlow).not.toContain('/slow/slow.webm?case=duration');
  });

  it('reports an empty file as permanent invalid_media, not a retryable network error', async () => {
    const error = await download(`${server.baseUrl}/empty`);
    expect(error).toMatchObject({ name: 'DownloadError', code: 'invalid_media', retryable: false });
    expect(error?.message).toMatch(/is empty \(0 bytes\)/);
  });
});
