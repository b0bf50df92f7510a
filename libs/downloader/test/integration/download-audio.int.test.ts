import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadAudio,
  probeTools,
  type DownloadAudioOptions,
  type DownloadErrorCode,
  type DownloadProgress,
  type ToolVersions,
} from '@astra/downloader';
import { generateMediaFixtures, type MediaFixtures, type PlayableFixture } from '../support/generate-media';
import { findClosedPort, startMediaServer, type MediaServer } from '../support/media-server';
import { findProcesses, isProcessAlive, waitFor } from '../support/processes';
import { leftoverJobDirs, readWavFacts } from '../support/wav-assertions';

let workDir: string;
let fixtures: MediaFixtures;
let server: MediaServer;
let tools: ToolVersions;
let caseIndex = 0;
let tmpRoot: string;
let outDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'astra-dl-int-'));
  const mediaDir = path.join(workDir, 'media');
  await mkdir(mediaDir);
  fixtures = await generateMediaFixtures(mediaDir);
  server = await startMediaServer({ root: mediaDir, slowChunkBytes: 2048, slowIntervalMs: 100, stallAfterBytes: 8192 });
  tools = await probeTools();
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Every case gets its own temp root and output dir, checked for leftovers afterwards. */
async function freshCase(): Promise<{ tmpRoot: string; outputPath: string }> {
  caseIndex += 1;
  tmpRoot = path.join(workDir, `case-${caseIndex}`, 'tmp');
  outDir = path.join(workDir, `case-${caseIndex}`, 'out');
  await mkdir(tmpRoot, { recursive: true });
  await mkdir(outDir, { recursive: true });
  return { tmpRoot, outputPath: path.join(outDir, 'audio.wav') };
}

afterEach(async () => {
  expect(await leftoverJobDirs(tmpRoot)).toEqual([]);
  expect(await readdir(tmpRoot)).toEqual([]);
});

async function expectDownloadError(promise: Promise<unknown>, code: DownloadErrorCode, retryable: boolean) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ name: 'DownloadError', code, retryable });
  return error as Error;
}

describe('downloadAudio over a loopback HTTP server (real yt-dlp and ffmpeg)', () => {
  // Third column: decoded while downloading (streamable container) or once complete (MP4 with moov at the end).
  const playable: [string, (f: MediaFixtures) => PlayableFixture, boolean][] = [
    ['webm/opus 48 kHz stereo', (f) => f.playable.opusWebm48kStereo, true],
    ['m4a/aac with faststart', (f) => f.playable.aacM4aFaststart, true],
    ['m4a/aac without faststart (moov at the end)', (f) => f.playable.aacM4aNoFaststart, false],
    ['mp3 22 kHz mono', (f) => f.playable.mp3Mono22k, true],
    ['mp4 with a video track (moov at the end)', (f) => f.playable.mp4WithVideo, false],
    ['m4a 5.1 surround (moov at the end)', (f) => f.playable.surround51M4a, false],
    ['ogg/vorbis espeak-ng speech', (f) => f.playable.speechOgg, true],
  ];

  it.each(playable)('normalises %s to a 44-byte-header WAV PCM s16le 16 kHz mono', async (_label, pick, streamed) => {
    const fixture = pick(fixtures);
    const { tmpRoot: root, outputPath } = await freshCase();
    const events: DownloadProgress[] = [];

    const result = await downloadAudio(server.url('files', fixture.name), {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      onProgress: (event) => events.push(event),
    });

    const wav = await readWavFacts(outputPath);
    expect(wav).toMatchObject({
      riff: 'RIFF',
      wave: 'WAVE',
      fmt: 'fmt ',
      fmtSize: 16,
      audioFormat: 1,
      channels: 1,
      sampleRate: 16000,
      byteRate: 32000,
      blockAlign: 2,
      bitsPerSample: 16,
      dataTag: 'data',
      dataSize: wav.fileSize - 44,
    });
    expect(Math.abs(wav.durationSec - fixture.expectedSec)).toBeLessThanOrEqual(0.1);
    expect(wav.peak).toBeGreaterThan(1000);
    expect(result).toMatchObject({
      path: outputPath,
      sampleRate: 16000,
      channels: 1,
      codec: 'pcm_s16le',
      bytes: wav.fileSize,
      sha256: wav.sha256,
      tools,
      source: {
        id: path.parse(fixture.name).name,
        extractor: 'generic',
        url: server.url('files', fixture.name),
        webpageUrl: server.url('files', fixture.name),
        uploadDate: '2024-03-01',
      },
    });
    expect(result.durationSec).toBeCloseTo(wav.durationSec, 6);
    expect(result.sourceMedia.decodedWhileDownloading).toBe(streamed);
    expect(await readdir(outDir)).toEqual(['audio.wav']);
    const stages = [...new Set(events.map((event) => event.stage))];
    expect(stages).toEqual(['metadata', 'download', 'normalise', 'verify']);
    expect(events.filter((event) => event.stage === 'download').at(-1)).toMatchObject({ percent: 100 });
  });

  it('probes the tool versions itself when none are given', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const result = await downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
    });
    expect(result.tools).toEqual(tools);
    expect(result.tools.ytDlp).toMatch(/^\d{4}\.\d{2}\.\d{2}/);
    expect(result.tools.ffmpeg.length).toBeGreaterThan(0);
  });

  type FailureCase = {
    label: string;
    url: (f: MediaFixtures, s: MediaServer) => Promise<string> | string;
    code: DownloadErrorCode;
    retryable: boolean;
    options?: Partial<DownloadAudioOptions>;
  };
  const failures: FailureCase[] = [
    { label: 'a video without audio', url: (f, s) => s.url('files', f.videoOnly), code: 'no_audio', retryable: false },
    {
      label: 'a truncated webm',
      url: (f, s) => s.url('files', f.truncatedWebm),
      code: 'invalid_media',
      retryable: false,
    },
    {
      label: 'a truncated m4a (no moov)',
      url: (f, s) => s.url('files', f.truncatedM4a),
      code: 'invalid_media',
      retryable: false,
    },
    { label: 'an HTTP 404', url: (_f, s) => s.url('files', 'missing.webm'), code: 'not_found', retryable: false },
    {
      label: 'an HTML page without media',
      url: (f, s) => s.url('files', f.pageWithoutMedia),
      code: 'not_found',
      retryable: false,
    },
    {
      label: 'a refused connection',
      url: async () => `http://127.0.0.1:${await findClosedPort()}/files/a.webm`,
      code: 'tool_failed',
      retryable: true,
    },
    {
      label: 'a download over maxBytes',
      url: (f, s) => s.url('files', f.slowWebm),
      code: 'too_large',
      retryable: false,
      options: { maxBytes: 10_000 },
    },
    {
      label: 'a source longer than maxDurationSec',
      url: (f, s) => s.url('files', f.playable.aacM4aFaststart.name),
      code: 'too_large',
      retryable: false,
      options: { maxDurationSec: 2 },
    },
    {
      label: 'a missing yt-dlp binary',
      url: (f, s) => s.url('files', f.playable.opusWebm48kStereo.name),
      code: 'tool_missing',
      retryable: false,
      options: { ytDlpPath: '/nonexistent/yt-dlp', toolVersions: undefined },
    },
    {
      label: 'a missing ffmpeg binary (found by the version probe)',
      url: (f, s) => s.url('files', f.playable.opusWebm48kStereo.name),
      code: 'tool_missing',
      retryable: false,
      options: { ffmpegPath: '/nonexistent/ffmpeg', toolVersions: undefined },
    },
    {
      label: 'a server that stops sending (no-progress watchdog)',
      url: (f, s) => s.url('stall', f.slowWebm),
      code: 'stalled',
      retryable: true,
      options: { stallTimeoutMs: 1500, socketTimeoutSec: 60 },
    },
    {
      label: 'a download slower than timeoutMs',
      url: (f, s) => s.url('slow', f.slowWebm),
      code: 'timeout',
      retryable: true,
      options: { timeoutMs: 1500 },
    },
  ];

  it.each(failures)('fails with $code for $label, leaving no WAV and no temp dir', async (testCase) => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const url = await testCase.url(fixtures, server);
    const error = await expectDownloadError(
      downloadAudio(url, {
        outputPath,
        tmpRoot: root,
        allowPrivateNetwork: true,
        toolVersions: tools,
        ...testCase.options,
      }),
      testCase.code,
      testCase.retryable,
    );
    expect(error.message.split('\n')).toHaveLength(1);
    expect(await readdir(outDir)).toEqual([]);
    expect(findProcesses(root)).toEqual([]);
  });

  it.each([
    [
      'host not in allowedHosts',
      'http://127.0.0.1:9/files/a.webm',
      'host_not_allowed',
      { allowedHosts: ['example.com'] },
    ],
    ['an option-like URL', '--exec=touch MARKER', 'invalid_url', {}],
    ['a file:// URL', 'file:///etc/passwd', 'invalid_url', {}],
    ['an ftp URL', 'ftp://127.0.0.1/a.webm', 'invalid_url', {}],
  ] as const)('rejects %s before spawning anything', async (_label, rawUrl, code, options) => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const marker = path.join(outDir, 'MARKER');
    const url = rawUrl.replace('MARKER', marker);
    const before = server.requests.length;
    await expectDownloadError(downloadAudio(url, { outputPath, tmpRoot: root, ...options }), code, false);
    expect(existsSync(marker)).toBe(false);
    expect(server.requests.length).toBe(before);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses extra yt-dlp arguments that run commands', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    await expectDownloadError(
      downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
        outputPath,
        tmpRoot: root,
        allowPrivateNetwork: true,
        extraYtDlpArgs: ['--exec', 'touch /tmp/x'],
      }),
      'invalid_options',
      false,
    );
  });
});

/** An ffmpeg that refuses to read a pipe (without reading it) and is the real one otherwise. */
async function writeNoPipeFfmpeg(): Promise<string> {
  const file = path.join(workDir, 'ffmpeg-no-pipe.sh');
  await writeFile(
    file,
    '#!/bin/sh\nfor a in "$@"; do [ "$a" = "pipe:0" ] && { echo "[error] pipe:0: Invalid data found when processing input" >&2; exit 1; }; done\nexec ffmpeg "$@"\n',
    { mode: 0o755 },
  );
  return file;
}

describe('one pass', () => {
  it('gives the same WAV whether the MP4 streams (moov first) or has to be complete (moov last)', async () => {
    const moovLast = path.join(fixtures.dir, fixtures.playable.aacM4aNoFaststart.name);
    const moovFirst = path.join(fixtures.dir, 'same-audio-faststart.m4a');
    await execa('ffmpeg', [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-i',
      moovLast,
      '-c',
      'copy',
      '-movflags',
      '+faststart',
      moovFirst,
    ]);
    const results = [];
    for (const name of [path.basename(moovFirst), fixtures.playable.aacM4aNoFaststart.name]) {
      const { tmpRoot: root, outputPath } = await freshCase();
      results.push(
        await downloadAudio(server.url('files', name), {
          outputPath,
          tmpRoot: root,
          allowPrivateNetwork: true,
          toolVersions: tools,
        }),
      );
    }
    expect(results.map((r) => r.sourceMedia.decodedWhileDownloading)).toEqual([true, false]);
    expect(results[0]?.sha256).toBe(results[1]?.sha256);
  });

  it('decodes a kept MP4 again from the file when decoding it while downloading fails (no second download)', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const fakeFfmpeg = await writeNoPipeFfmpeg();
    const fixture = fixtures.playable.aacM4aFaststart;
    const before = server.requests.filter((line) => line.startsWith(`GET /files/${fixture.name}`)).length;
    const result = await downloadAudio(server.url('files', fixture.name), {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      ffmpegPath: fakeFfmpeg,
    });
    const wav = await readWavFacts(outputPath);
    expect(result).toMatchObject({ sha256: wav.sha256, sourceMedia: { decodedWhileDownloading: false } });
    expect(Math.abs(wav.durationSec - fixture.expectedSec)).toBeLessThanOrEqual(0.1);
    // yt-dlp fetched the media for the generic extractor's probe and for the download: no third request.
    const gets = server.requests.filter((line) => line.startsWith(`GET /files/${fixture.name}`)).length - before;
    expect(gets).toBeLessThanOrEqual(2);
  });

  it('fails at once, without a second decode, when a streamed webm fails to decode', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const fakeFfmpeg = await writeNoPipeFfmpeg();
    const error = await downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      ffmpegPath: fakeFfmpeg,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'DownloadError', code: 'invalid_media', retryable: false });
    expect(await readdir(outDir)).toEqual([]);
  });

  it('hands the verified WAV to publish, and returns what publish returns', async () => {
    const { tmpRoot: root } = await freshCase();
    const seen: { path: string; bytes: number; durationSec: number; header: string }[] = [];
    const result = await downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      publish: async (wav) => {
        const facts = await readWavFacts(wav.path);
        seen.push({ ...wav, header: `${facts.riff}/${facts.sampleRate}/${facts.channels}` });
        return { location: 's3://bucket/key.wav', sha256: facts.sha256 };
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ header: 'RIFF/16000/1', bytes: result.bytes, durationSec: result.durationSec });
    expect(result.path).toBe('s3://bucket/key.wav');
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('throws what publish throws, unchanged, and still removes the temp dir', async () => {
    const { tmpRoot: root } = await freshCase();
    const failure = Object.assign(new Error('disk full (test)'), { code: 'no_space', retryable: true });
    const error = await downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      publish: async () => {
        throw failure;
      },
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBe(failure);
  });
});

describe('cancellation', () => {
  it('kills yt-dlp when the signal aborts mid-download and removes the temp dir', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const controller = new AbortController();
    let pids: number[] = [];
    const url = `${server.url('slow', fixtures.slowWebm)}?case=native`;
    const promise = downloadAudio(url, {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      signal: controller.signal,
      onProgress: (event) => {
        if (event.stage === 'download' && (event.downloadedBytes ?? 0) > 0 && pids.length === 0) {
          pids = findProcesses(root).map((p) => p.pid);
          controller.abort(new Error('user cancelled'));
        }
      },
    });
    const error = await expectDownloadError(promise, 'aborted', false);
    expect(error.cause).toMatchObject({ message: 'user cancelled' });
    expect(pids.length).toBeGreaterThan(0);
    expect(await waitFor(() => pids.every((pid) => !isProcessAlive(pid)), 5000)).toBe(true);
    expect(await readdir(outDir)).toEqual([]);
    expect(server.finishedSlow).not.toContain(new URL(url).pathname + new URL(url).search);
  });

  it('kills the whole process group: yt-dlp and the ffmpeg it spawned (--downloader ffmpeg)', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const controller = new AbortController();
    const url = `${server.url('slow', fixtures.slowWebm)}?case=group`;
    const promise = downloadAudio(url, {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      signal: controller.signal,
      extraYtDlpArgs: ['--downloader', 'ffmpeg'],
    });
    const settled = promise.then(
      () => 'resolved',
      () => 'rejected',
    );
    // yt-dlp and the ffmpeg it runs as downloader both carry the URL (our own decoding ffmpeg does not).
    let tree: { pid: number; argv0: string }[] = [];
    const found = await waitFor(() => {
      tree = findProcesses('case=group');
      return tree.some((p) => p.argv0.endsWith('ffmpeg')) && tree.some((p) => !p.argv0.endsWith('ffmpeg'));
    }, 20_000);
    expect(found).toBe(true);
    controller.abort();
    await expectDownloadError(promise, 'aborted', false);
    expect(await settled).toBe('rejected');
    expect(await waitFor(() => tree.every((p) => !isProcessAlive(p.pid)), 5000)).toBe(true);
    expect(findProcesses(root)).toEqual([]);
    expect(findProcesses('case=group')).toEqual([]);
    // An orphaned ffmpeg would have gone on downloading to the end.
    expect(server.finishedSlow).not.toContain('/slow/slow.webm?case=group');
  });

  it('stops at the normalise stage when aborted there, writing no WAV', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const controller = new AbortController();
    const stages: string[] = [];
    const promise = downloadAudio(server.url('files', fixtures.playable.aacM4aFaststart.name), {
      outputPath,
      tmpRoot: root,
      allowPrivateNetwork: true,
      toolVersions: tools,
      signal: controller.signal,
      onProgress: (event) => {
        stages.push(event.stage);
        if (event.stage === 'normalise') controller.abort();
      },
    });
    await expectDownloadError(promise, 'aborted', false);
    expect(stages).not.toContain('verify');
    expect(await readdir(outDir)).toEqual([]);
    expect(findProcesses(root)).toEqual([]);
  });

  it('rejects at once with aborted when the signal is already aborted', async () => {
    const { tmpRoot: root, outputPath } = await freshCase();
    const before = server.requests.length;
    await expectDownloadError(
      downloadAudio(server.url('files', fixtures.playable.opusWebm48kStereo.name), {
        outputPath,
        tmpRoot: root,
        allowPrivateNetwork: true,
        signal: AbortSignal.abort(),
      }),
      'aborted',
      false,
    );
    expect(server.requests.length).toBe(before);
  });
});
