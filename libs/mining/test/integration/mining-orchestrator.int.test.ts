/**
 * MiningOrchestrator on real components (yt-dlp, ffmpeg, file storage, the astra-core dev server): how each
 * stage's failure becomes an outcome with the stage, the typed error's code and whether a retry can help,
 * and that a failed stage leaves the earlier stages' work in place for the next run.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '@astra/core-client';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import { serveFiles, synthesizeSession, type FileServer, type SynthSession } from '@astra/demo';
import { sessionIdFor } from '@astra/contracts';
import { openStorage, sessionKeys, type Storage } from '@astra/storage';
import { createAstraCoreSource, createCaptionsSource, type TranscriptSource } from '@astra/transcripts';
import { MiningOrchestrator } from '../../src/session/mining-orchestrator';
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
      ['t1', 't2', 't5'].map((tenant) => [
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
const astraCore = () => createAstraCoreSource({ client, ownsClient: false });
const astraCoreFor = (_tenant: string) => astraCore();

describe('MiningOrchestrator', () => {
  it('reports an astra-core 500 as a retryable failure of the transcribe stage and keeps the stored audio', async () => {
    await rm(path.join(dir, 'tmp'), { recursive: true, force: true });
    await mkdir(path.join(dir, 'tmp'));
    core.addFaults({ status: 500 }, { status: 500 });
    const outcome = await orchestrator(astraCore()).mineSession(session);
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { stage: 'transcribe', code: 'http_status', retryable: true },
    });
    expect(outcome.status === 'failed' && outcome.error.name).toBe('CoreClientError');
    expect(await storage.exists(sessionKeys(TENANT, session.id).audio)).toBe(true);
    expect(await storage.exists(sessionKeys(TENANT, session.id).transcript)).toBe(false);
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([]);

    // The next run skips the download and completes.
    const gets = media.requests.filter((r) => r.method === 'GET').length;
    const retry = await orchestrator(astraCore()).mineSession(session);
    expect(retry).toMatchObject({ status: 'ok', ran: ['transcribe', 'align'] });
    expect(retry.status === 'ok' && retry.kept).toBeGreaterThan(0);
    expect(media.requests.filter((r) => r.method === 'GET').length).toBe(gets);

    // A session's own alignment settings (a queued job's) win over the orchestrator's: align re-runs with them.
    const keptDurations = async () =>
      (await storage.getBytes(sessionKeys(TENANT, session.id).segments, { maxBytes: 1 << 22 }))
        .toString('utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { duration?: number; reason?: string })
        .filter((line) => line.duration !== undefined && line.reason === undefined)
        .map((line) => line.duration ?? 0);
    expect(Math.max(...(await keptDurations()))).toBeGreaterThan(3);
    const short = await orchestrator(astraCore()).mineSession(session, { align: { maxDurationSec: 3 } });
    expect(short).toMatchObject({ status: 'ok', ran: ['align'] });
    const durations = await keptDurations();
    expect(durations.length).toBeGreaterThan(0);
    expect(Math.max(...durations)).toBeLessThanOrEqual(3);
  }, 120_000);

  it('reports a failed astra-core job that cannot be retried as permanent', async () => {
    const other = { ...session, id: sessionIdFor('t2', session.videoUrl), tenantId: 't2' };
    core.addFaults({ failJob: { code: 'unsupported_audio', message: 'bad audio', retryable: false } });
    const outcome = await orchestrator(astraCore()).mineSession(other);
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { stage: 'transcribe', code: 'transcription_failed', retryable: false },
    });
  }, 120_000);

  it('fails the transcribe stage with a clear reason when the video has no captions', async () => {
    const other = { ...session, id: sessionIdFor('t3', session.videoUrl), tenantId: 't3' };
    const outcome = await orchestrator(createCaptionsSource({ tmpRoot: dir, allowPrivateNetwork: true })).mineSession(
      other,
    );
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { stage: 'transcribe', code: 'no_captions', retryable: false },
    });
    expect(outcome.status === 'failed' && outcome.failure.message).toMatch(/No es captions or subtitles were found/);
  }, 120_000);

  it('runs a PDF acta through the pipeline: stored as .acta.pdf, read back from storage by a worker', async () => {
    const pdf = fileURLToPath(new URL('../fixtures/acta-la-zarza-2025-0003.pdf', import.meta.url));
    const other = { ...session, id: sessionIdFor('t5', session.videoUrl), tenantId: 't5', actaPath: pdf };
    const keys = sessionKeys('t5', other.id);
    const first = await orchestrator(astraCoreFor('t5')).mineSession(other);
    expect(first).toMatchObject({ status: 'ok', ran: ['download', 'transcribe', 'align'] });
    expect(await storage.exists(keys.actaPdf)).toBe(true);
    expect(await storage.exists(keys.acta)).toBe(false);
    const acta = JSON.parse((await storage.getBytes(keys.actaJson, { maxBytes: 1 << 22 })).toString('utf8'));
    expect(acta.items.map((item: { title: string }) => item.title.slice(0, 20))).toEqual([
      'APROBACIÓN DE LA URG',
      'CAMBIO DE DENOMINACI',
      'SOLICITUD DE DICTAME',
      'APROBACIÓN REVERSIÓN',
    ]);
    expect(await storage.exists(keys.segments)).toBe(true);

    // A worker has no local path: it finds the stored PDF.
    const { actaPath: _local, ...fromQueue } = other;
    const second = await orchestrator(astraCoreFor('t5')).mineSession(fromQueue);
    expect(second).toMatchObject({ status: 'ok', ran: ['align'] });
  }, 120_000);

  it('stops at the acta stage, before any download, when the DOCX is corrupt', async () => {
    const corrupt = path.join(dir, 'corrupt.docx');
    await writeFile(corrupt, Buffer.from('D0CF11E0A1B11AE1', 'hex'));
    const other = { ...session, id: sessionIdFor('t4', session.videoUrl), tenantId: 't4', actaPath: corrupt };
    const gets = media.requests.length;
    const outcome = await orchestrator(astraCore()).mineSession(other);
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { stage: 'acta', code: 'legacy_doc', retryable: false },
    });
    expect(media.requests.length).toBe(gets);
  }, 120_000);
});
