/**
 * The egress policy on real yt-dlp downloads: what is refused is what would actually have been connected to
 * (after DNS, on every redirect, through CONNECT for https), and the test servers on 127.0.0.1 only get
 * through with `allowPrivateNetwork`. A refusal is permanent and the server never sees the refused request.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  downloadAudio,
  fetchCaptions,
  probeTools,
  type DownloadAudioOptions,
  type DownloadErrorCode,
  type ResolveHost,
  type ToolVersions,
} from '@astra/downloader';
import { generateMediaFixtures, type MediaFixtures } from '../support/generate-media';
import { startMediaServer, type MediaServer } from '../support/media-server';
import { findProcesses } from '../support/processes';
import { leftoverJobDirs, readWavFacts } from '../support/wav-assertions';

let workDir: string;
let fixtures: MediaFixtures;
let server: MediaServer;
let secure: { port: number; requests: string[]; close(): Promise<void> };
let tools: ToolVersions;
let caseIndex = 0;

/** Test DNS: these names resolve to the loopback servers (or to a metadata address). */
const resolveHost: ResolveHost = async (hostname) => {
  if (hostname === 'media.example' || hostname === 'other.example' || hostname === 'secure.example') {
    return ['127.0.0.1'];
  }
  if (hostname === 'rebind.example') return ['93.184.216.34', '127.0.0.1'];
  if (hostname === 'meta.example') return ['169.254.169.254'];
  throw Object.assign(new Error(`no test DNS entry for ${hostname}`), { code: 'ENOTFOUND' });
};

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'astra-dl-egress-'));
  const mediaDir = path.join(workDir, 'media');
  await mkdir(mediaDir);
  fixtures = await generateMediaFixtures(mediaDir);
  server = await startMediaServer({ root: mediaDir });
  secure = await startHttpsServer(workDir, path.join(mediaDir, fixtures.playable.opusWebm48kStereo.name));
  tools = await probeTools();
  expect(fixtures.playable.opusWebm48kStereo.name).toBe(WEBM);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await secure?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

async function freshCase() {
  caseIndex += 1;
  const tmpRoot = path.join(workDir, `case-${caseIndex}`, 'tmp');
  const outDir = path.join(workDir, `case-${caseIndex}`, 'out');
  await mkdir(tmpRoot, { recursive: true });
  await mkdir(outDir, { recursive: true });
  return { tmpRoot, outDir, outputPath: path.join(outDir, 'audio.wav') };
}

/** The webm fixture's file name (generateMediaFixtures names it so; checked in beforeAll). */
const WEBM = 'opus-48k-stereo.webm';
const webm = () => WEBM;
const port = () => new URL(server.baseUrl).port;

type RefusalCase = {
  label: string;
  url: () => string;
  options: Partial<DownloadAudioOptions>;
  code: DownloadErrorCode;
  message: RegExp;
  /** A request the server must never have seen. */
  neverRequested: string;
};

const refusals: RefusalCase[] = [
  {
    label: 'the loopback test server itself, by default',
    url: () => server.url('files', webm()),
    options: {},
    code: 'address_not_allowed',
    message: /127\.0\.0\.1 \(private address\)/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'a name whose DNS answer is loopback',
    url: () => `http://media.example:${port()}/files/${webm()}`,
    options: { resolveHost },
    code: 'address_not_allowed',
    message: /media\.example resolves to 127\.0\.0\.1/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'a name with one public and one loopback address (rebinding)',
    url: () => `http://rebind.example:${port()}/files/${webm()}`,
    options: { resolveHost },
    code: 'address_not_allowed',
    message: /rebind\.example resolves to 127\.0\.0\.1/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'a redirect from an allowed host to one that is not',
    url: () =>
      `http://media.example:${port()}/redirect?to=${encodeURIComponent(`http://other.example:${port()}/files/${webm()}`)}`,
    options: { resolveHost, allowedHosts: ['media.example'], allowPrivateNetwork: true },
    code: 'host_not_allowed',
    message: /other\.example is not in the allowed hosts/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'a redirect to the cloud metadata address (refused even with allowPrivateNetwork)',
    url: () => `${server.baseUrl}/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
    options: { allowPrivateNetwork: true },
    code: 'address_not_allowed',
    message: /169\.254\.169\.254 \(metadata address\)/,
    neverRequested: '/latest/meta-data/',
  },
  {
    label: 'a name that resolves to the metadata address',
    url: () => 'http://meta.example/latest/meta-data/',
    options: { resolveHost, allowPrivateNetwork: true },
    code: 'address_not_allowed',
    message: /meta\.example resolves to 169\.254\.169\.254/,
    neverRequested: '/latest/meta-data/',
  },
  {
    label: 'a redirect with the backslash userinfo trick',
    url: () =>
      `http://media.example:${port()}/redirect?to=${encodeURIComponent(`http://media.example\\@127.0.0.1:${port()}/files/${webm()}`)}`,
    options: { resolveHost, allowedHosts: ['media.example'], allowPrivateNetwork: true },
    code: 'invalid_url',
    message: /refused by the egress policy: (userinfo in the proxy target|escapes or backslashes in the host)/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'a redirect to a decimal IPv4 address',
    url: () => `${server.baseUrl}/redirect?to=${encodeURIComponent(`http://2130706433:${port()}/files/${webm()}`)}`,
    options: { allowPrivateNetwork: true },
    code: 'invalid_url',
    message: /non-canonical or malformed host/,
    neverRequested: `/files/${webm()}`,
  },
  {
    label: 'https (CONNECT) to a name that resolves to loopback',
    url: () => `https://secure.example:${secure.port}/files/${webm()}`,
    options: { resolveHost, extraYtDlpArgs: ['--no-check-certificates'] },
    code: 'address_not_allowed',
    message: /secure\.example resolves to 127\.0\.0\.1/,
    neverRequested: `/files/${webm()}`,
  },
];

describe('egress policy on real yt-dlp downloads', () => {
  it.each(refusals)('refuses $label ($code), before the server sees the request', async (testCase) => {
    const { tmpRoot, outDir, outputPath } = await freshCase();
    const seen = server.requests.length;
    const seenSecure = secure.requests.length;
    const error = await downloadAudio(testCase.url(), {
      outputPath,
      tmpRoot,
      toolVersions: tools,
      ...testCase.options,
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'DownloadError', code: testCase.code, retryable: false });
    expect((error as Error).message).toMatch(testCase.message);
    const requests = [...server.requests.slice(seen), ...secure.requests.slice(seenSecure)];
    expect(requests.some((line) => line.includes(testCase.neverRequested))).toBe(false);
    expect(await readdir(outDir)).toEqual([]);
    expect(await leftoverJobDirs(tmpRoot)).toEqual([]);
    expect(findProcesses(tmpRoot)).toEqual([]);
  });

  it('refuses the issue #14 URL http://youtube.com\\@127.0.0.1/ before spawning anything', async () => {
    const { tmpRoot, outputPath } = await freshCase();
    const seen = server.requests.length;
    await expect(
      downloadAudio(`http://youtube.com\\@127.0.0.1:${port()}/files/${webm()}`, {
        outputPath,
        tmpRoot,
        allowedHosts: ['youtube.com'],
      }),
    ).rejects.toMatchObject({ code: 'invalid_url', retryable: false });
    expect(server.requests.length).toBe(seen);
  });

  it.each([
    ['http, through a name the test DNS maps to 127.0.0.1', () => `http://media.example:${port()}/files/${webm()}`, {}],
    [
      'https through a CONNECT tunnel',
      () => `https://secure.example:${secure.port}/files/${webm()}`,
      { extraYtDlpArgs: ['--no-check-certificates'] },
    ],
    [
      'a redirect between two allowed hosts',
      () =>
        `http://media.example:${port()}/redirect?to=${encodeURIComponent(`http://other.example:${port()}/files/${webm()}`)}`,
      { allowedHosts: ['media.example', 'other.example'] },
    ],
  ])('lets %s through with allowPrivateNetwork', async (_label, url, options) => {
    const { tmpRoot, outputPath } = await freshCase();
    const result = await downloadAudio(url(), {
      outputPath,
      tmpRoot,
      toolVersions: tools,
      resolveHost,
      allowPrivateNetwork: true,
      ...options,
    });
    const wav = await readWavFacts(outputPath);
    expect(wav).toMatchObject({ sampleRate: 16000, channels: 1, sha256: result.sha256 });
    expect(Math.abs(wav.durationSec - fixtures.playable.opusWebm48kStereo.expectedSec)).toBeLessThan(0.1);
  });

  it('sends the host name, not the address, to the server (the Host header of the URL)', async () => {
    const { tmpRoot, outputPath } = await freshCase();
    const seen = server.hosts.length;
    await downloadAudio(`http://media.example:${port()}/files/${webm()}`, {
      outputPath,
      tmpRoot,
      toolVersions: tools,
      resolveHost,
      allowPrivateNetwork: true,
    });
    expect(new Set(server.hosts.slice(seen))).toEqual(new Set([`media.example:${port()}`]));
  });

  it('applies the same policy to captions', async () => {
    const { tmpRoot } = await freshCase();
    await expect(
      fetchCaptions(server.url('files', fixtures.pageWithCaptions), { languages: ['es'], tmpRoot }),
    ).rejects.toMatchObject({ code: 'address_not_allowed', retryable: false });
    const tracks = await fetchCaptions(server.url('files', fixtures.pageWithCaptions), {
      languages: ['es'],
      tmpRoot,
      allowPrivateNetwork: true,
    });
    expect(tracks.map((track) => track.language)).toEqual(['es']);
  });
});

/** An https server for one file, with a self-signed certificate for secure.example made by openssl. */
async function startHttpsServer(dir: string, file: string) {
  const key = path.join(dir, 'tls.key');
  const cert = path.join(dir, 'tls.crt');
  await promisify(execFile)('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1'],
    ...['-subj', '/CN=secure.example', '-addext', 'subjectAltName=DNS:secure.example'],
  ]);
  const body = await readFile(file);
  const requests: string[] = [];
  const tls = https.createServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'audio/webm', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  return {
    port: (tls.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        tls.closeAllConnections();
        tls.close(() => resolve());
      }),
  };
}
