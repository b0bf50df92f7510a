/**
 * `astra-ingest mine` end to end with real yt-dlp, ffmpeg, s3rver and the astra-core dev server
 * (issue 6): good sessions produce a dataset, broken ones are reported without sinking the batch,
 * a re-run downloads and transcribes nothing and yields the same bytes, a dry run touches nothing,
 * and a tenant's run stays inside its own keys.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
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
import { sessionIdFor } from '@astra/contracts';
import { runCli } from '../support/run-cli';

const TENANT = 'villa';
const OTHER = 'otro';
let dir: string;
let media: FileServer;
let s3: S3Server;
let core: CoreDevServer;
let sessions: SynthSession[];
/** The i-th synthetic session (made in beforeAll). */
function sessionAt(i: number): SynthSession {
  const session = sessions[i];
  if (!session) throw new Error(`no synthetic session ${i}`);
  return session;
}
let csvPath: string;
let env: Record<string, string>;
const urlOf = (file: string) => `${media.url}/${path.basename(file)}`;
const audioUri = (tenant: string, videoUrl: string) =>
  `s3://astra-raw/mining/${tenant}/${sessionIdFor(tenant, videoUrl)}.wav`;
const mine = (...args: string[]) =>
  runCli(['mine', '--storage', 's3://astra-raw', '--concurrency', '2', '--json', ...args], { env });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-mine-e2e-'));
  sessions = await Promise.all(
    [1, 2, 3].map((seed) => synthesizeSession({ dir, seed, format: seed === 2 ? 'mp3' : 'webm' })),
  );
  await writeFile(path.join(dir, 'corrupt.docx'), 'PK\u0003\u0004 this is not really a zip');
  [media, s3] = await Promise.all([serveFiles(dir), startS3Server()]);

  const [one, two, three] = sessions as [SynthSession, SynthSession, SynthSession];
  const transcripts = new Map<string, unknown>([
    [audioUri(TENANT, urlOf(one.mediaPath)), one.transcript],
    [audioUri(TENANT, urlOf(two.mediaPath)), two.transcript],
    [audioUri(TENANT, urlOf(three.mediaPath)), three.transcript],
    [audioUri(OTHER, urlOf(three.mediaPath)), three.transcript],
  ]);
  core = await startCoreDevServer({ port: 0, transcripts, mode: 'async', asyncSteps: 1 });
  env = {
    ...s3.env,
    ASTRA_CORE_URL: core.url,
    ASTRA_TMPDIR: path.join(dir, 'tmp'),
    ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
  };

  csvPath = path.join(dir, 'e2e.csv');
  await writeFile(
    csvPath,
    [
      'video_url,acta_path,tenant_id,session_id',
      `${urlOf(one.mediaPath)},${path.basename(one.actaPath)},${TENANT},s1`,
      `${urlOf(two.mediaPath)},${path.basename(two.actaPath)},${TENANT},s2`,
      `${media.url}/missing.webm,${path.basename(one.actaPath)},${TENANT},s404`,
      `${urlOf(three.mediaPath)},corrupt.docx,${TENANT},scorrupt`,
      `${urlOf(three.mediaPath)},${path.basename(three.actaPath)},../evil,sbad`,
      '',
    ].join('\n'),
  );
}, 180_000);

afterAll(async () => {
  await Promise.all([media?.close(), s3?.close(), core?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const writes = () => s3.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
const mediaGets = () => media.requests.filter((r) => r.method === 'GET').length;
const corePosts = () => core.requests.filter((r) => r.method === 'POST').length;

describe('astra-ingest mine', () => {
  it('--dry-run checks rows, actas and media URLs, downloads and transcribes nothing, and only probes storage', async () => {
    const result = await mine('--input', csvPath, '--dry-run');
    expect(result.exitCode).toBe(1);
    const plan = JSON.parse(result.stdout) as {
      sessions: Array<{ line: number; tenantId: string; id: string }>;
      errors: Array<{ line: number; reason: string }>;
    };
    expect(plan.sessions.map((s) => s.line)).toEqual([2, 3]);
    expect(plan.sessions[0]).toMatchObject({
      tenantId: TENANT,
      id: sessionIdFor(TENANT, urlOf(sessionAt(0).mediaPath)),
    });
    expect(plan.errors.map((e) => e.line)).toEqual([4, 5, 6]);
    expect(plan.errors[0]?.reason).toMatch(/video_url: HTTP 404/);
    expect(plan.errors[1]?.reason).toMatch(/acta_path/);
    expect(plan.errors[2]?.reason).toMatch(/tenant/);
    // The only write is the storage probe, put and deleted; media got HEAD requests only; astra-core one GET.
    expect(writes().map((r) => r.method)).toEqual(['PUT', 'DELETE']);
    expect(media.requests.filter((r) => r.method !== 'HEAD')).toEqual([]);
    expect(core.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    s3.requests.length = 0;
    media.requests.length = 0;
  });

  let firstDataset: string[];
  const outDir = () => path.join(dir, 'out');
  const datasetFiles = ['train.jsonl', 'dev.jsonl', 'test.jsonl', 'rejected.jsonl', 'report.html'];

  it('mines the good sessions, reports the broken ones and exits 1', async () => {
    const result = await mine('--input', csvPath, '--out', outDir());
    expect(result.exitCode).toBe(1);
    const summary = JSON.parse(result.stdout) as {
      ok: number;
      failed: number;
      rowErrors: Array<{ line: number }>;
      segmentsKept: number;
      sessions: Array<{ line: number; status: string; stage?: string; code?: string; kept?: number }>;
    };
    expect(summary.ok).toBe(2);
    expect(summary.failed).toBe(2);
    expect(summary.rowErrors.map((e) => e.line)).toEqual([6]);
    const byLine = new Map(summary.sessions.map((s) => [s.line, s]));
    expect(byLine.get(4)).toMatchObject({ status: 'failed', stage: 'download', code: 'not_found' });
    expect(byLine.get(5)).toMatchObject({ status: 'failed', stage: 'acta' });
    expect(byLine.get(2)?.kept).toBeGreaterThan(0);
    expect(byLine.get(3)?.kept).toBeGreaterThan(0);

    const datasetDir = path.join(outDir(), TENANT, 'e2e');
    firstDataset = await Promise.all(datasetFiles.map((f) => readFile(path.join(datasetDir, f), 'utf8')));
    const lines = firstDataset
      .slice(0, 3)
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBe(summary.segmentsKept);
    // The report knows the alignment settings this run used (defaults included).
    expect(firstDataset[4]).toContain('data-known="yes">segments 1–30 s, max CER 0.3');
    const goodIds = new Set(sessions.slice(0, 2).map((s) => sessionIdFor(TENANT, urlOf(s.mediaPath))));
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(
        expect.arrayContaining([
          'audio_filepath',
          'offset',
          'duration',
          'text',
          'text_original',
          'asr_text',
          'cer',
          'score',
          'lang',
          'tenant_id',
          'session_id',
          'source_url',
        ]),
      );
      expect(goodIds.has(line['session_id'] as string)).toBe(true);
      expect(line['audio_filepath']).toBe(`s3://astra-raw/mining/${TENANT}/${line['session_id'] as string}.wav`);
      expect(line['duration']).toBeGreaterThanOrEqual(1);
      expect(line['duration']).toBeLessThanOrEqual(30);
    }

    // Everything the pipeline promises is in the bucket for a good session; the 404 left no audio.
    const written = new Set(writes().map((r) => r.path));
    const goodId = sessionIdFor(TENANT, urlOf(sessionAt(0).mediaPath));
    for (const suffix of ['.wav', '.source.json', '.transcript.json', '.acta.docx', '.acta.json', '.segments.jsonl']) {
      expect(written).toContain(`/astra-raw/mining/${TENANT}/${goodId}${suffix}`);
    }
    const missingId = sessionIdFor(TENANT, `${media.url}/missing.webm`);
    expect([...written].filter((p) => p.includes(`${missingId}.wav`))).toEqual([]);
    expect(written).toContain(`/astra-raw/mining/${TENANT}/datasets/e2e/train.jsonl`);
    // Temp dirs are gone.
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);
  }, 300_000);

  it('a second run downloads and transcribes nothing and yields the same dataset byte for byte', async () => {
    const [getsBefore, postsBefore] = [mediaGets(), corePosts()];
    const result = await mine('--input', csvPath, '--out', outDir());
    expect(result.exitCode).toBe(1);
    // Only the 404 row asks the media server again (its download never succeeded).
    const newMediaGets = media.requests
      .slice(0)
      .filter((r) => r.method === 'GET')
      .slice(getsBefore);
    expect(newMediaGets.every((r) => r.path === '/missing.webm')).toBe(true);
    expect(corePosts()).toBe(postsBefore);
    const second = await Promise.all(datasetFiles.map((f) => readFile(path.join(outDir(), TENANT, 'e2e', f), 'utf8')));
    // report.html carries its build date; apart from it, every file is the same.
    const undated = (files: string[]) =>
      files.map((f) => f.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, '<date>'));
    expect(undated(second)).toEqual(undated(firstDataset));
    expect(second.slice(0, 4)).toEqual(firstDataset.slice(0, 4));
  }, 300_000);

  it("keeps a tenant's run inside that tenant's keys", async () => {
    const three = sessionAt(2);
    const csv = path.join(dir, 'tenants.csv');
    await writeFile(
      csv,
      [
        'video_url,acta_path,tenant_id',
        `${urlOf(three.mediaPath)},${path.basename(three.actaPath)},${OTHER}`,
        `${urlOf(sessionAt(0).mediaPath)},${path.basename(sessionAt(0).actaPath)},${TENANT}`,
      ].join('\n'),
    );
    const before = s3.requests.length;
    const result = await mine('--input', csv, '--tenant', OTHER, '--out', outDir());
    expect(result.exitCode).toBe(0);
    const requests = s3.requests.slice(before);
    expect(requests.length).toBeGreaterThan(0);
    for (const request of requests) {
      expect(
        request.path.startsWith(`/astra-raw/mining/${OTHER}/`) ||
          request.path === '/astra-raw' ||
          request.path === '/astra-raw/',
      ).toBe(true);
    }
    // Listings (the dataset build) ask only for the tenant's prefix.
    const listings = requests.filter((r) => r.path === '/astra-raw' || r.path === '/astra-raw/');
    for (const listing of listings) expect(listing.query).toContain(`prefix=mining%2F${OTHER}%2F`);
  }, 300_000);

  it('with no astra-core configured, mines from the video page captions into file storage', async () => {
    const one = sessionAt(0);
    const page = await writeCaptionsPage(one, { name: 'pleno-captions' });
    const csv = path.join(dir, 'captions.csv');
    await writeFile(
      csv,
      `video_url,acta_path,tenant_id\n${media.url}/${page},${path.basename(one.actaPath)},${TENANT}\n`,
    );
    const postsBefore = corePosts();
    const storageDir = path.join(dir, 'file-storage');
    const result = await runCli(
      ['mine', '--input', csv, '--storage', `file://${storageDir}`, '--out', outDir(), '--json'],
      {
        env: { ASTRA_TMPDIR: path.join(dir, 'tmp') },
      },
    );
    expect(result.stderr).not.toMatch(/"level":50/);
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout) as { ok: number; segmentsKept: number };
    expect(summary.ok).toBe(1);
    expect(summary.segmentsKept).toBeGreaterThan(3);
    expect(corePosts()).toBe(postsBefore);
    const id = sessionIdFor(TENANT, `${media.url}/${page}`);
    const transcript = JSON.parse(
      await readFile(path.join(storageDir, 'mining', TENANT, `${id}.transcript.json`), 'utf8'),
    ) as {
      provider: string;
      words: unknown[];
    };
    expect(transcript.provider).toBe('captions');
    expect(transcript.words.length).toBe(one.transcript.words.length);
  }, 300_000);

  it('build --cut rebuilds the dataset from storage with one WAV per kept segment in the local copy', async () => {
    const usage = await runCli(['build', '--tenant', TENANT, '--name', 'rebuilt', '--cut'], { env });
    expect(usage.exitCode).toBe(2);

    const result = await runCli(
      [
        'build',
        '--tenant',
        TENANT,
        '--name',
        'rebuilt',
        '--storage',
        's3://astra-raw',
        '--out',
        outDir(),
        '--cut',
        '--json',
      ],
      { env },
    );
    expect(result.exitCode).toBe(0);
    const local = path.join(outDir(), TENANT, 'rebuilt');
    const lines = ['train.jsonl', 'dev.jsonl', 'test.jsonl'].map((f) => path.join(local, f));
    const parsed = (await Promise.all(lines.map((f) => readFile(f, 'utf8'))))
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { audio_filepath: string; offset: number; duration: number });
    expect(parsed.length).toBeGreaterThan(0);
    for (const line of parsed) {
      expect(line.offset).toBe(0);
      expect(path.dirname(line.audio_filepath)).toBe(path.join(local, 'wavs'));
      const wav = await readFile(line.audio_filepath);
      expect(wav.readUInt32LE(24)).toBe(16000);
      expect(Math.abs((wav.length - 44) / 32000 - line.duration)).toBeLessThan(0.001);
    }
    // The local report plays the cut WAVs; `build` cannot know the alignment settings and says so.
    const report = await readFile(path.join(local, 'report.html'), 'utf8');
    expect(report).toMatch(/<audio controls preload="none" src="wavs\/[0-9a-f-]+_\d{9}\.wav#t=0,[\d.]+">/);
    expect(report).toContain('data-known="no">unknown');
    // The stored copy still addresses spans of the session audio in the bucket.
    const storedKey = `/astra-raw/mining/${TENANT}/datasets/rebuilt/train.jsonl`;
    expect(s3.requests.some((r) => r.method === 'PUT' && r.path === storedKey)).toBe(true);
  }, 300_000);
});
