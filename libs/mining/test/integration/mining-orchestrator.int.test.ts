/**
 * MiningOrchestrator on real components (yt-dlp, ffmpeg, file storage, the astra-core dev server): how each
 * stage's failure becomes an outcome with the stage, the typed error's code and whether a retry can help,
 * and that a failed stage leaves the earlier stages' work in place for the next run.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '@astra/core-client';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import { serveFiles, synthesizeSession, type FileServer, type SynthSession } from '@astra/demo';
import { openStorage, sessionIdFor, sessionKeys, type Storage } from '@astra/storage';
import { MiningOrchestrator, type TranscriptSource } from '../../src/mining-orchestrator';
import type { SessionSpec } from '../../src/model';

const TENANT = 't1';
let dir: string;
let media: FileServer;
let core: CoreDevServer;
let storage: Storage;
let synth: SynthSession;
let session: SessionSpec;
let client: CoreClient;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-orchestrator-'));
  synth = await synthesizeSession({ dir, seed: 5 });
  media = await serveFiles(dir);
  storage = openStorage(`file://${path.join(dir, 'storage')}`);
  const videoUrl = `${media.url}/${path.basename(synth.mediaPath)}`;
  const id = sessionIdFor(TENANT, videoUrl);
  session = {
    line: 2,
    tenantId: TENANT,
    id,
    videoUrl,
    actaPath: synth.actaPath,
    language: 'es',
    provider: 'deepgram',
    metadata: {},
  };
  core = await startCoreDevServer({
    port: 0,
    transcripts: new Map(
      ['t1', 't2'].map((tenant) => [
        storage.uriFor(sessionKeys(tenant, sessionIdFor(tenant, videoUrl)).audio),
        synth.transcript,
      ]),
    ),
    mode: 'sync',
  });
  // No waiting between retries: the test is about what the outcome says, not about backoff.
  client = new CoreClient({ baseUrl: core.url, maxRetries: 1, sleep: async () => undefined });
}, 120_000);

afterAll(async () => {
  await client?.close();
  await Promise.all([media?.close(), core?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const orchestrator = (transcripts: TranscriptSource) =>
  new MiningOrchestrator({
    storage,
    transcripts,
    tmpRoot: path.join(dir, 'tmp'),
    // The media server listens on 127.0.0.1.
    download: { allowPrivateNetwork: true },
  });

describe('MiningOrchestrator', () => {
  it('reports an astra-core 500 as a retryable failure of the transcribe stage and keeps the stored audio', async () => {
    await rm(path.join(dir, 'tmp'), { recursive: true, force: true });
    await mkdir(path.join(dir, 'tmp'));
    core.addFaults({ status: 500 }, { status: 500 });
    const outcome = await orchestrator({ kind: 'astra-core', client }).mineSession(session);
    expect(outcome).toMatchObject({ status: 'failed', stage: 'transcribe', code: 'http_status', retryable: true });
    expect(outcome.status === 'failed' && outcome.error.name).toBe('CoreClientError');
    expect(await storage.exists(sessionKeys(TENANT, session.id).audio)).toBe(true);
    expect(await storage.exists(sessionKeys(TENANT, session.id).transcript)).toBe(false);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);

    // The next run skips the download and completes.
    const gets = media.requests.filter((r) => r.method === 'GET').length;
    const retry = await orchestrator({ kind: 'astra-core', client }).mineSession(session);
    expect(retry).toMatchObject({ status: 'ok', ran: ['transcribe', 'align'] });
    expect(retry.status === 'ok' && retry.kept).toBeGreaterThan(0);
    expect(media.requests.filter((r) => r.method === 'GET').length).toBe(gets);
  }, 120_000);

  it('reports a failed astra-core job that cannot be retried as permanent', async () => {
    const other = { ...session, id: sessionIdFor('t2', session.videoUrl), tenantId: 't2' };
    core.addFaults({ failJob: { code: 'unsupported_audio', message: 'bad audio', retryable: false } });
    const outcome = await orchestrator({ kind: 'astra-core', client }).mineSession(other);
    expect(outcome).toMatchObject({
      status: 'failed',
      stage: 'transcribe',
      code: 'transcription_failed',
      retryable: false,
    });
  }, 120_000);

  it('fails the transcribe stage with a clear reason when the video has no captions', async () => {
    const other = { ...session, id: sessionIdFor('t3', session.videoUrl), tenantId: 't3' };
    const outcome = await orchestrator({ kind: 'captions' }).mineSession(other);
    expect(outcome).toMatchObject({ status: 'failed', stage: 'transcribe', retryable: false });
    expect(outcome.status === 'failed' && outcome.reason).toMatch(/No es captions or subtitles were found/);
  }, 120_000);

  it('stops at the acta stage, before any download, when the DOCX is corrupt', async () => {
    const corrupt = path.join(dir, 'corrupt.docx');
    await writeFile(corrupt, Buffer.from('D0CF11E0A1B11AE1', 'hex'));
    const other = { ...session, id: sessionIdFor('t4', session.videoUrl), tenantId: 't4', actaPath: corrupt };
    const gets = media.requests.length;
    const outcome = await orchestrator({ kind: 'astra-core', client }).mineSession(other);
    expect(outcome).toMatchObject({ status: 'failed', stage: 'acta', code: 'legacy_doc', retryable: false });
    expect(media.requests.length).toBe(gets);
  }, 120_000);
});
