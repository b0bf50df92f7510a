import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchCaptions, type DownloadErrorCode } from '@astra/downloader';
import { CAPTIONS_VTT, generateMediaFixtures, type MediaFixtures } from '../support/generate-media';
import { startMediaServer, type MediaServer } from '../support/media-server';

let workDir: string;
let fixtures: MediaFixtures;
let server: MediaServer;
let tmpRoot: string;
let caseIndex = 0;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'astra-captions-int-'));
  const mediaDir = path.join(workDir, 'media');
  await mkdir(mediaDir);
  fixtures = await generateMediaFixtures(mediaDir);
  server = await startMediaServer({ root: mediaDir });
}, 120_000);

afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function freshTmpRoot(): Promise<string> {
  caseIndex += 1;
  tmpRoot = path.join(workDir, `case-${caseIndex}`);
  await mkdir(tmpRoot, { recursive: true });
  return tmpRoot;
}

afterEach(async () => {
  expect(await readdir(tmpRoot)).toEqual([]);
});

describe('fetchCaptions (real yt-dlp, html5 <track> over loopback)', () => {
  it('returns the contents of a subtitles track of an HTML5 video page', async () => {
    const root = await freshTmpRoot();
    const tracks = await fetchCaptions(server.url('files', fixtures.pageWithCaptions), {
      languages: ['es'],
      tmpRoot: root,
      allowPrivateNetwork: true,
    });
    expect(tracks).toEqual([{ language: 'es', format: 'vtt', automatic: false, text: CAPTIONS_VTT }]);
  });

  it('returns an empty list when the page has no track in the requested languages', async () => {
    const root = await freshTmpRoot();
    expect(
      await fetchCaptions(server.url('files', fixtures.pageWithCaptions), {
        languages: ['en'],
        tmpRoot: root,
        allowPrivateNetwork: true,
      }),
    ).toEqual([]);
    expect(
      await fetchCaptions(server.url('files', fixtures.pageWithoutCaptions), {
        languages: ['es'],
        tmpRoot: root,
        allowPrivateNetwork: true,
      }),
    ).toEqual([]);
  });

  it('rejects a caption file larger than maxBytes with too_large', async () => {
    const root = await freshTmpRoot();
    await expect(
      fetchCaptions(server.url('files', fixtures.pageWithCaptions), {
        languages: ['es'],
        tmpRoot: root,
        allowPrivateNetwork: true,
        maxBytes: 10,
      }),
    ).rejects.toMatchObject({ name: 'DownloadError', code: 'too_large' });
  });

  it.each([
    ['an HTTP 404 page', (s: MediaServer) => s.url('files', 'missing.html'), {}, 'not_found'],
    ['a file:// URL', () => 'file:///etc/passwd', {}, 'invalid_url'],
    [
      'a host outside allowedHosts',
      (s: MediaServer) => s.url('files', 'x.html'),
      { allowedHosts: ['example.org'] },
      'host_not_allowed',
    ],
    [
      'a language with a comma',
      (s: MediaServer) => s.url('files', 'x.html'),
      { languages: ['es,en'] },
      'invalid_options',
    ],
    ['an aborted signal', (s: MediaServer) => s.url('files', 'x.html'), { signal: AbortSignal.abort() }, 'aborted'],
  ] as const)('fails with a typed error for %s', async (_label, url, options, code: DownloadErrorCode) => {
    const root = await freshTmpRoot();
    await expect(
      fetchCaptions(url(server), { languages: ['es'], tmpRoot: root, allowPrivateNetwork: true, ...options }),
    ).rejects.toMatchObject({
      name: 'DownloadError',
      code,
    });
  });
});
