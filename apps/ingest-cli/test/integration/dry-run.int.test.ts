/**
 * `mine --dry-run` against real faults (issue 13 item 4, issue 14 items 6-7): media servers that are down,
 * answer 404, hang, refuse HEAD or serve a page without media; astra-core down or refusing the token; storage
 * that cannot be written; yt-dlp missing or older than the minimum; a private address without the opt-in; CSVs
 * in other encodings. Every check runs for real (yt-dlp, HTTP servers on 127.0.0.1, s3rver, files) and nothing
 * is downloaded or transcribed.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import {
  serveFiles,
  startS3Server,
  synthesizeSession,
  writeCaptionsPage,
  type FileServer,
  type S3Server,
  type SynthSession,
} from '@astra/demo';
import { runCli } from '../support/run-cli';

type Report = {
  sessions: Array<{ line: number; media: string }>;
  errors: Array<{ line: number; reason: string }>;
  checks: Array<{ check: string; status: string; detail: string }>;
  notChecked: string[];
};

let dir: string;
let session: SynthSession;
let media: FileServer;
let s3: S3Server;
let core: CoreDevServer;
let hanging: Server;
let noHead: Server;
let closedPort: number;
let env: Record<string, string>;

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-dry-run-'));
  session = await synthesizeSession({ dir, seed: 5, format: 'webm' });
  await writeCaptionsPage(session, { name: 'pleno' });
  await writeFile(path.join(dir, 'no-media.html'), '<!doctype html><html><body><p>Orden del día</p></body></html>');
  await writeFile(path.join(dir, 'corrupt.docx'), 'PK\u0003\u0004 not a zip');
  [media, s3] = await Promise.all([serveFiles(dir), startS3Server()]);
  core = await startCoreDevServer({ port: 0, token: 'sekret', mode: 'async' });
  // Accepts connections and never answers.
  hanging = createServer(() => undefined);
  // Refuses HEAD (as URLs signed for GET do) and serves one byte of audio to a ranged GET.
  noHead = createServer((req, res) => {
    if (req.method === 'HEAD') res.writeHead(403).end();
    else res.writeHead(206, { 'content-type': 'audio/webm', 'content-range': 'bytes 0-0/100' }).end('x');
  });
  const closed = createServer();
  const closedUrl = await listen(closed);
  closedPort = Number(new URL(closedUrl).port);
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  env = {
    ...s3.env,
    ASTRA_CORE_URL: core.url,
    ASTRA_CORE_TOKEN: 'sekret',
    ASTRA_TMPDIR: path.join(dir, 'tmp'),
    ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
  };
  const [hangingUrl, noHeadUrl] = await Promise.all([listen(hanging), listen(noHead)]);
  const acta = path.basename(session.actaPath);
  await writeFile(
    path.join(dir, 'faults.csv'),
    [
      'video_url,acta_path,tenant_id',
      `${media.url}/${path.basename(session.mediaPath)},${acta},villa`, // 2: fine (HEAD, audio/webm)
      `${media.url}/pleno.html,${acta},villa`, // 3: a page whose media yt-dlp finds
      `${media.url}/missing.webm,${acta},villa`, // 4: 404
      `http://127.0.0.1:${closedPort}/down.webm,${acta},villa`, // 5: nothing listens
      `${hangingUrl}/slow.webm,${acta},villa`, // 6: never answers
      `${noHeadUrl}/signed.webm?X-Amz-Signature=abc,${acta},villa`, // 7: HEAD refused, ranged GET fine
      `${media.url}/no-media.html,${acta},villa`, // 8: a page without media
      `${media.url}/pleno.html?copy=2,corrupt.docx,villa`, // 9: media fine, acta corrupt
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'good.csv'),
    `video_url,acta_path,tenant_id\n${media.url}/${path.basename(session.mediaPath)},${acta},villa\n`,
  );
}, 180_000);

afterAll(async () => {
  hanging?.closeAllConnections();
  await Promise.all([
    media?.close(),
    s3?.close(),
    core?.close(),
    new Promise((resolve) => (hanging ? hanging.close(resolve) : resolve(undefined))),
    new Promise((resolve) => (noHead ? noHead.close(resolve) : resolve(undefined))),
  ]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const dryRun = async (csv: string, extraEnv: Record<string, string> = {}, ...args: string[]) => {
  const result = await runCli(
    ['mine', '--input', path.join(dir, csv), '--storage', 's3://astra-raw', '--dry-run', '--json', ...args],
    { env: { ...env, ...extraEnv } },
  );
  return { ...result, report: JSON.parse(result.stdout) as Report };
};
const check = (report: Report, name: string) => report.checks.filter((c) => c.check === name);
const errorOf = (report: Report, line: number) => report.errors.find((e) => e.line === line)?.reason;

describe('mine --dry-run', () => {
  it('reports each unreachable media URL and bad acta with its line, and says what it checked', async () => {
    const mediaGetsBefore = media.requests.filter((r) => r.method === 'GET' && r.path.endsWith('.webm')).length;
    const { exitCode, report, stdout } = await dryRun('faults.csv', {}, '--check-timeout', '2');
    expect(exitCode).toBe(1);
    expect(report.sessions.map((s) => [s.line, s.media])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
      [7, 'ok'],
    ]);
    expect(errorOf(report, 4)).toMatch(/^video_url: HTTP 404/);
    expect(errorOf(report, 5)).toMatch(/^video_url: not reachable: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
    expect(errorOf(report, 6)).toBe('video_url: no answer within 2 s');
    expect(errorOf(report, 8)).toMatch(/^video_url: yt-dlp finds no media: .*Unsupported URL/);
    expect(errorOf(report, 9)).toMatch(/^acta_path: /);
    expect(report.errors.map((e) => e.line)).toEqual([4, 5, 6, 8, 9]);
    expect(check(report, 'media')[0]).toMatchObject({ status: 'failed', detail: expect.stringMatching(/^8 distinct/) });
    expect(check(report, 'storage')[0]?.status).toBe('ok');
    expect(check(report, 'astra-core')[0]).toMatchObject({ status: 'ok', detail: expect.stringMatching(/token/) });
    expect(check(report, 'actas')[0]).toMatchObject({
      status: 'failed',
      detail: '2 distinct file(s) parsed, 1 unreadable',
    });
    // A signed URL's signature is never printed.
    expect(stdout).not.toContain('abc');
    // Nothing was downloaded (HEAD and one ranged byte only) or transcribed; the only write is the probe.
    expect(media.requests.filter((r) => r.method === 'GET' && r.path.endsWith('.webm')).length).toBe(mediaGetsBefore);
    expect(core.requests.filter((r) => r.method === 'POST')).toEqual([]);
    const writes = s3.requests.filter((r) => r.method === 'PUT' || r.method === 'DELETE');
    expect(writes.map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(writes[0]?.path).toMatch(/^\/astra-raw\/mining\/villa\/dry-run-probe-[0-9a-f-]+\.txt$/);
    expect(writes[1]?.path).toBe(writes[0]?.path);
  }, 300_000);

  it('passes a good plan with exit 0 and warns (without failing) when yt-dlp is older than the minimum', async () => {
    const old = await dryRun('good.csv', { ASTRA_MIN_YTDLP_VERSION: '2999.01.01' });
    expect(old.exitCode).toBe(0);
    expect(check(old.report, 'tools').map((c) => c.status)).toEqual(['ok', 'warning']);
    expect(check(old.report, 'tools')[1]?.detail).toMatch(/is older than 2999\.01\.01/);
    const current = await dryRun('good.csv', { ASTRA_MIN_YTDLP_VERSION: '2000.01.01' });
    expect(current.exitCode).toBe(0);
    expect(check(current.report, 'tools').map((c) => c.status)).toEqual(['ok']);
  }, 300_000);

  it.each<[string, () => { env?: Record<string, string>; args?: string[] }, RegExp]>([
    [
      'astra-core down',
      () => ({ env: { ASTRA_CORE_URL: `http://127.0.0.1:${closedPort}` } }),
      /^astra-core: astra-core at http:\/\/127\.0\.0\.1:\d+\/ does not answer: .*ECONNREFUSED/,
    ],
    ['astra-core refusing the token', () => ({ env: { ASTRA_CORE_TOKEN: 'wrong' } }), /refuses the token \(HTTP 401\)/],
    [
      'a bucket that does not exist',
      () => ({ args: ['--storage', 's3://no-such-bucket'] }),
      /^storage: cannot write to s3:\/\/no-such-bucket/,
    ],
    [
      'file storage whose folder is a file',
      () => ({ args: ['--storage', `file://${path.join(dir, 'good.csv')}/store`] }),
      /^storage: cannot write to file:\/\/.*good\.csv\/store/,
    ],
    ['yt-dlp missing', () => ({ env: { YTDLP_PATH: '/nonexistent/yt-dlp' } }), /^tools: .*yt-dlp/],
  ])(
    'reports %s as a run-level error and exits 1',
    async (_label, setup, reason) => {
      const { env: extraEnv = {}, args = [] } = setup();
      const { exitCode, report } = await dryRun('good.csv', extraEnv, ...args);
      expect(exitCode).toBe(1);
      const runErrors = report.errors.filter((e) => e.line === 0);
      expect(runErrors).toHaveLength(1);
      expect(runErrors[0]?.reason).toMatch(reason);
    },
    300_000,
  );

  it('refuses a media URL on a private address unless ASTRA_ALLOW_PRIVATE_NETWORK=true, without connecting', async () => {
    const before = media.requests.length;
    const { exitCode, report } = await dryRun('good.csv', { ASTRA_ALLOW_PRIVATE_NETWORK: 'false' });
    expect(exitCode).toBe(1);
    expect(errorOf(report, 2)).toMatch(/127\.0\.0\.1 is a loopback, private or reserved address/);
    expect(media.requests.length).toBe(before);
  }, 300_000);

  it.each([
    ['UTF-16 LE with a BOM', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf16le'), 0, undefined],
    ['UTF-8 with a BOM', (text: string) => Buffer.from(`\uFEFF${text}`, 'utf8'), 0, undefined],
    [
      'Latin-1',
      (text: string) => Buffer.from(text, 'latin1'),
      1,
      /not valid UTF-8: byte 0xF3 at line 2, byte offset \d+/,
    ],
  ])(
    'reads a %s CSV or says where it is not readable',
    async (label, encode, exitCode, message) => {
      const acta = path.basename(session.actaPath);
      const csv = `enc-${label.replace(/\W+/g, '-')}.csv`;
      const text = `video_url,acta_path,tenant_id,notes\n${media.url}/${path.basename(session.mediaPath)},${acta},villa,Sesión\n`;
      await writeFile(path.join(dir, csv), encode(text));
      const result = await runCli(
        ['mine', '--input', path.join(dir, csv), '--storage', 's3://astra-raw', '--dry-run'],
        {
          env,
        },
      );
      expect(result.exitCode).toBe(exitCode);
      if (message) {
        expect(result.stderr.trim().split('\n').at(-1)).toMatch(message);
      } else {
        expect(result.stdout).toMatch(/^Plan: 1 session\(s\) ready, 0 row error\(s\), 0 run error\(s\)/);
      }
    },
    300_000,
  );
});
