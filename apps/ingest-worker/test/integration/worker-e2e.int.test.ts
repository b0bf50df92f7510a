/**
 * End to end: `astra-ingest enqueue` → Redis → `astra-ingest-worker` child processes running the real pipeline
 * (yt-dlp and ffmpeg over a local media server, astra-core-dev for transcripts, file storage), compared with an
 * in-process MiningOrchestrator run on a second storage (what `mine` does). Covers two workers, kill -9,
 * SIGTERM (graceful and past the deadline), permanent and transient failures, the source pause, duplicate
 * enqueue, `status`, and a Redis restart.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import { serveFiles, startRedisServer, synthesizeSession, type FileServer, type RedisServer } from '@astra/demo';
import {
  createPipeline,
  MINING_QUEUE,
  miningJobId,
  readSessionsCsv,
  resolveRuntimeConfig,
  storeActa,
  toMiningJob,
  type SessionSpec,
} from '@astra/mining';
import { sessionIdFor } from '@astra/contracts';
import { openStorage, sessionKeys } from '@astra/storage';
import { runCli, runWorkerToExit, spawnWorker, type WorkerProcess } from '../support/processes';
import { waitFor } from '../support/wait-for';

const TENANT = 'acme';
const SESSIONS = 4;

let root: string;
let mediaDir: string;
let media: FileServer;
let core: CoreDevServer;
let referenceCore: CoreDevServer;
let redis: RedisServer;
let queue: Queue;
/** Per session n (1-based): the media URL and the acta DOCX. */
const fixtures = new Map<number, { videoUrl: string; actaPath: string; id: string }>();
/** segments.jsonl etc. from an in-process MiningOrchestrator run (what `mine` stores), per session id. */
const reference = new Map<string, { segments: string; transcript: string; sha256: string }>();
let workers: WorkerProcess[] = [];
let caseDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'astra-worker-e2e-'));
  mediaDir = path.join(root, 'media');
  await mkdir(mediaDir, { recursive: true });
  media = await serveFiles(mediaDir);
  const transcriptsDir = path.join(root, 'transcripts');
  await mkdir(transcriptsDir, { recursive: true });
  for (let n = 1; n <= SESSIONS; n += 1) {
    const synth = await synthesizeSession({ dir: path.join(root, `synth-${n}`), seed: n });
    await copyFile(synth.mediaPath, path.join(mediaDir, `s${n}.webm`));
    const videoUrl = `${media.url}/s${n}.webm`;
    const id = sessionIdFor(TENANT, videoUrl);
    await writeFile(path.join(transcriptsDir, `${id}.json`), JSON.stringify(synth.transcript));
    fixtures.set(n, { videoUrl, actaPath: synth.actaPath, id });
  }
  core = await startCoreDevServer({ port: 0, transcriptsDir });
  referenceCore = await startCoreDevServer({ port: 0, transcriptsDir });
  redis = await startRedisServer({ persistent: true });
  queue = new Queue(MINING_QUEUE, { connection: { url: redis.url, maxRetriesPerRequest: null } });
  queue.on('error', () => undefined);

  // The reference: the same sessions mined in-process, as `astra-ingest mine` does.
  const refDir = path.join(root, 'reference');
  const plan = await planFor([1, 2, 3, 4], refDir);
  const pipeline = createPipeline(
    resolveRuntimeConfig({
      ASTRA_STORAGE: `file://${refDir}/storage`,
      ASTRA_CORE_URL: referenceCore.url,
      ASTRA_TMPDIR: refDir,
      ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
    }),
  );
  try {
    for (const session of plan) {
      const outcome = await pipeline.orchestrator.mineSession(session);
      if (outcome.status !== 'ok') throw new Error(`reference run failed: ${JSON.stringify(outcome.failure)}`);
      reference.set(session.id, await readOutputs(`${refDir}/storage`, session.id));
    }
  } finally {
    await pipeline.close();
  }
}, 240_000);

afterAll(async () => {
  await queue?.close();
  await redis?.close();
  await media?.close();
  await core?.close();
  await referenceCore?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

beforeEach(async () => {
  caseDir = await mkdtemp(path.join(root, 'case-'));
  await queue.obliterate({ force: true });
  media.setThrottle(0);
  // Each case has its own storage, hence other audio URIs for the same Idempotency-Keys: start astra-core afresh.
  core.reset();
});

afterEach(async () => {
  for (const worker of workers) worker.crash();
  await Promise.all(workers.map((worker) => worker.exited));
  workers = [];
});

/** Writes sessions.csv (+ actas) for sessions `ns` in `dir` and plans it like `mine`/`enqueue` do. */
async function planFor(ns: number[], dir: string): Promise<SessionSpec[]> {
  const csv = await writeCsv(
    ns.map((n) => ({ n })),
    dir,
  );
  const plan = await readSessionsCsv(csv, {
    tenant: TENANT,
    requireActa: true,
    transcripts: 'astra-core',
    defaultProvider: 'deepgram',
    defaultLanguage: 'es',
    maxActaBytes: 50 * 1024 * 1024,
  });
  if (plan.errors.length > 0) throw new Error(JSON.stringify(plan.errors));
  return plan.sessions;
}

type Row = { n: number; videoUrl?: string; acta?: Buffer };

async function writeCsv(rows: Row[], dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const lines = ['video_url,acta_path'];
  for (const row of rows) {
    const fixture = fixtures.get(row.n);
    if (!fixture) throw new Error(`no fixture ${row.n}`);
    const actaName = `acta-${row.n}${row.videoUrl ? '-x' : ''}${row.acta ? '-bad' : ''}.docx`;
    if (row.acta) await writeFile(path.join(dir, actaName), row.acta);
    else await copyFile(fixture.actaPath, path.join(dir, actaName));
    lines.push(`${row.videoUrl ?? fixture.videoUrl},${actaName}`);
  }
  const csv = path.join(dir, 'sessions.csv');
  await writeFile(csv, `${lines.join('\n')}\n`);
  return csv;
}

async function readOutputs(storageDir: string, id: string) {
  const keys = sessionKeys(TENANT, id);
  const read = (key: string) => readFile(path.join(storageDir, key), 'utf8');
  const segments = (await read(keys.segments))
    .trim()
    .split('\n')
    .map((line) => {
      const { audio_filepath: audio, ...rest } = JSON.parse(line) as Record<string, unknown>;
      // The WAV's absolute path differs between the two storages; everything else must be identical.
      return JSON.stringify({ ...rest, audio_filepath: path.relative(storageDir, String(audio)) });
    })
    .join('\n');
  const source = JSON.parse(await read(keys.source)) as { sha256: string };
  return { segments, transcript: await read(keys.transcript), sha256: source.sha256 };
}

/** Every file under the storage dir, relative (temp files of interrupted writes would show up here). */
async function listStorage(storageDir: string): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(storageDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

function expectedObjects(ids: string[]): string[] {
  return ids
    .flatMap((id) => {
      const k = sessionKeys(TENANT, id);
      return [k.audio, k.acta, k.source, k.transcript, k.actaJson, k.segments];
    })
    .sort();
}

function workerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    ASTRA_STORAGE: `file://${caseDir}/storage`,
    ASTRA_TRANSCRIPTS: 'astra-core',
    ASTRA_CORE_URL: core.url,
    ASTRA_TMPDIR: path.join(caseDir, 'tmp'),
    WORKER_HTTP_HOST: '127.0.0.1',
    WORKER_HTTP_PORT: '0',
    WORKER_RATE_LIMIT_MAX: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

async function startWorkers(count: number, extra: Record<string, string> = {}): Promise<WorkerProcess[]> {
  const started = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      spawnWorker(workerEnv({ WORKER_NAME: `w${workers.length + i + 1}`, ...extra })),
    ),
  );
  workers.push(...started);
  return started;
}

async function enqueue(csv: string, extraArgs: string[] = []) {
  const result = await runCli([
    'enqueue',
    '--input',
    csv,
    '--tenant',
    TENANT,
    '--redis',
    redis.url,
    '--storage',
    `file://${caseDir}/storage`,
    '--backoff-ms',
    '300',
    '--json',
    ...extraArgs,
  ]);
  return {
    ...result,
    json: JSON.parse(result.stdout) as {
      enqueued: Array<{ jobId: string; line: number }>;
      alreadyQueued: Array<{ jobId: string; state: string }>;
      errors: Array<{ line: number; reason: string }>;
    },
  };
}

/**
 * What `enqueue` does, in-process (the CLI itself is exercised by the first two cases): acta into storage,
 * one job per session with id {tenant}-{uuid}. Saves a process start per case.
 */
async function enqueueDirect(ns: number[]): Promise<void> {
  const sessions = await planFor(ns, path.join(caseDir, 'input'));
  const storage = openStorage(`file://${caseDir}/storage`);
  for (const session of sessions) {
    await storeActa(storage, session);
    await queue.add('mine', toMiningJob(session, sessionKeys(TENANT, session.id).acta), {
      jobId: miningJobId(session),
      attempts: 3,
      backoff: { type: 'exponential', delay: 300 },
    });
  }
  await storage.close();
}

async function allFinished(jobIds: string[], timeoutMs = 90_000) {
  return waitFor(
    `jobs ${jobIds.join(', ')} to finish`,
    async () => {
      const states = await Promise.all(jobIds.map((id) => queue.getJobState(id)));
      if (!states.every((s) => s === 'completed' || s === 'failed')) return undefined;
      return Promise.all(
        jobIds.map(async (id) => ({ job: await queue.getJob(id), state: await queue.getJobState(id) })),
      );
    },
    timeoutMs,
    200,
  );
}

const jobIdOf = (n: number) => `${TENANT}-${fixtures.get(n)?.id}`;
/** Requests (GET and HEAD, injected failures included) the media server got for file `name`. */
const mediaRequests = (name: string) =>
  media.requests.filter((r) => new URL(r.path, 'http://x').pathname === `/${name}`).length;
const completedLogs = (jobId: string) =>
  workers.flatMap((w) => w.logs).filter((l) => l.msg === 'job completed' && l.jobId === jobId);

/** Waits until a worker has a download under way: a downloader job dir (`astra-dl-*`) with a file, in its temp dir. */
async function downloadUnderWay(worker: WorkerProcess): Promise<void> {
  await waitFor(
    'a download under way',
    async () => {
      const dirs = (await readdir(worker.tmpDir).catch(() => [])).filter((name) => name.startsWith('astra-dl-'));
      for (const dir of dirs) {
        const files = await readdir(path.join(worker.tmpDir, dir), { recursive: true }).catch(() => []);
        if (files.length > 0) return true;
      }
      return undefined;
    },
    60_000,
    25,
  );
}

describe('ingest-worker end to end', () => {
  it('refuses to start with a bad variable: exit 2 and the variable named, no secret echoed', async () => {
    const result = await runWorkerToExit(
      workerEnv({ WORKER_CONCURRENCY: '0', REDIS_URL: 'redis://user:hunter2@127.0.0.1:1' }),
    );
    expect(result.code).toBe(2);
    const line = JSON.parse(result.stdout.trim().split('\n')[0] ?? '{}') as {
      level: number;
      variable: string;
      msg: string;
    };
    expect(line).toMatchObject({ level: 60, variable: 'WORKER_CONCURRENCY' });
    expect(line.msg).toContain('WORKER_CONCURRENCY: expected at least 1');
    expect(result.stdout + result.stderr).not.toContain('hunter2');
  });

  it('two workers mine every session exactly once, with the same outputs as mine; a repeat enqueue adds nothing', async () => {
    const csv = await writeCsv(
      [1, 2, 3, 4].map((n) => ({ n })),
      path.join(caseDir, 'input'),
    );
    const first = await enqueue(csv);
    expect(first.code).toBe(0);
    expect(first.json.enqueued.map((j) => j.jobId).sort()).toEqual([1, 2, 3, 4].map(jobIdOf).sort());
    expect(first.json.errors).toEqual([]);

    const coreBefore = core.stats().transcriptions;
    await startWorkers(2);
    const jobIds = [1, 2, 3, 4].map(jobIdOf);
    const finished = await allFinished(jobIds);
    for (const { job, state } of finished) {
      expect(state).toBe('completed');
      expect(job?.attemptsMade).toBe(1);
      expect(['w1', 'w2']).toContain(job?.processedBy);
      expect(job?.returnvalue).toMatchObject({ tenantId: TENANT, ran: ['download', 'transcribe', 'align'] });
      expect((job?.returnvalue as { kept: number }).kept).toBeGreaterThan(0);
    }
    for (const jobId of jobIds) expect(completedLogs(jobId)).toHaveLength(1);
    expect(core.stats().transcriptions - coreBefore).toBe(4);

    const storageDir = path.join(caseDir, 'storage');
    const ids = [1, 2, 3, 4].map((n) => fixtures.get(n)?.id ?? '');
    expect(await listStorage(storageDir)).toEqual(expectedObjects(ids));
    for (const id of ids) expect(await readOutputs(storageDir, id)).toEqual(reference.get(id));

    // Once the jobs are done, `build` makes the dataset from the stored segments (issue 7).
    const built = await runCli([
      'build',
      '--tenant',
      TENANT,
      '--name',
      'fleet',
      '--storage',
      `file://${storageDir}`,
      '--json',
    ]);
    expect(built.code).toBe(0);
    expect(JSON.parse(built.stdout)).toMatchObject({ sessions: 4 });

    const again = await enqueue(csv);
    expect(again.code).toBe(0);
    expect(again.json.enqueued).toEqual([]);
    expect(again.json.alreadyQueued.map((j) => [j.jobId, j.state]).sort()).toEqual(
      jobIds.map((id) => [id, 'completed']).sort(),
    );
    expect(await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed')).toEqual({
      waiting: 0,
      active: 0,
      completed: 4,
      failed: 0,
      delayed: 0,
    });

    const metrics = await (await fetch(`${workers[0]?.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/astra_worker_stage_duration_seconds_count\{stage="download",result="done"\} [1-4]/);
    const health = await fetch(`${workers[0]?.httpUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      // `degraded` where the machine's yt-dlp is older than MIN_YTDLP_VERSION (Debian 12's is).
      status: expect.stringMatching(/^(ok|degraded)$/),
      redis: { ok: true },
      tools: { ok: true, ytDlp: expect.any(String), ffmpeg: expect.any(String) },
    });

    for (const worker of workers) worker.signal('SIGTERM');
    const exits = await Promise.all(workers.map((w) => w.exited));
    expect(exits.map((e) => e.code)).toEqual([0, 0]);
    expect(await readdir(path.join(caseDir, 'tmp', 'astra-worker'))).toEqual([]);
  });

  it('fails a 404 video and a corrupt DOCX without retrying, retries a flaky source, pauses on 429; status reports it', async () => {
    const csv = await writeCsv(
      [
        { n: 1 },
        { n: 2, videoUrl: `${media.url}/missing.webm` },
        { n: 3, acta: Buffer.from('PK\u0003\u0004 this is not a real docx') },
        { n: 4 },
      ],
      path.join(caseDir, 'input'),
    );
    media.failNext('s1.webm', 500, 1);
    media.failNext('s4.webm', 429, 1);
    const s3Requests = mediaRequests('s3.webm');
    const enqueued = await enqueue(csv, ['--attempts', '3']);
    expect(enqueued.code).toBe(0);
    expect(enqueued.json.enqueued).toHaveLength(4);

    await startWorkers(1, { WORKER_SOURCE_PAUSE_MS: '1000' });
    const missingId = `${TENANT}-${sessionIdFor(TENANT, `${media.url}/missing.webm`)}`;
    const [flaky, notFound, badDocx, throttled] = await allFinished([jobIdOf(1), missingId, jobIdOf(3), jobIdOf(4)]);

    expect(flaky?.state).toBe('completed');
    expect(flaky?.job?.attemptsMade).toBe(2);
    expect(notFound?.state).toBe('failed');
    expect(notFound?.job?.attemptsMade).toBe(1);
    expect(notFound?.job?.failedReason).toMatch(/^\[download\/not_found\]/);
    expect(badDocx?.state).toBe('failed');
    expect(badDocx?.job?.attemptsMade).toBe(1);
    expect(badDocx?.job?.failedReason).toMatch(/^\[acta\//);
    // The acta goes first: a corrupt DOCX fails before its audio is downloaded.
    expect(mediaRequests('s3.webm')).toBe(s3Requests);
    expect(throttled?.state).toBe('completed');
    expect(throttled?.job?.attemptsMade).toBe(1);
    expect(workers[0]?.logs.some((l) => String(l.msg).startsWith('source throttled us, pausing the queue'))).toBe(true);

    const status = await runCli(['status', '--redis', redis.url, '--json']);
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as {
      waiting: number;
      active: number;
      completed: number;
      failed: number;
      delayed: number;
      failures: Array<{ id: string; reason: string; attemptsMade: number }>;
    };
    expect(parsed).toMatchObject({ waiting: 0, active: 0, completed: 2, failed: 2, delayed: 0 });
    expect(parsed.failures.map((f) => [f.id, f.attemptsMade]).sort()).toEqual(
      [
        [missingId, 1],
        [jobIdOf(3), 1],
      ].sort(),
    );
    expect(parsed.failures.find((f) => f.id === missingId)?.reason).toMatch(/not_found/);
  });

  it('kill -9 of a worker mid-download: the job is recovered by another worker, no partial objects, the dead temp dir is swept', async () => {
    await enqueueDirect([3]);
    media.setThrottle(40 * 1024);
    const fast = { WORKER_LOCK_DURATION_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' };
    const [doomed] = await startWorkers(1, fast);
    if (!doomed) throw new Error('no worker');
    await downloadUnderWay(doomed);
    doomed.crash();
    await doomed.exited;
    expect((await readdir(doomed.tmpDir)).some((name) => name.startsWith('astra-dl-'))).toBe(true);
    media.setThrottle(0);

    const [rescuer] = await startWorkers(1, fast);
    const sweptLog = rescuer?.logs.find((l) => l.msg === 'removed temp dirs left by dead workers');
    expect(sweptLog?.['swept']).toContain(doomed.tmpDir);
    await expect(readdir(doomed.tmpDir)).rejects.toThrow();

    const [result] = await allFinished([jobIdOf(3)]);
    expect(result?.state).toBe('completed');
    expect(result?.job?.processedBy).toBe('w2');
    const id = fixtures.get(3)?.id ?? '';
    const storageDir = path.join(caseDir, 'storage');
    expect(await listStorage(storageDir)).toEqual(expectedObjects([id]));
    expect(await readOutputs(storageDir, id)).toEqual(reference.get(id));
  });

  it('SIGTERM mid-job: the worker finishes the job, then exits 0', async () => {
    await enqueueDirect([2]);
    media.setThrottle(160 * 1024);
    const [worker] = await startWorkers(1, { WORKER_SHUTDOWN_TIMEOUT_MS: '60000' });
    if (!worker) throw new Error('no worker');
    await downloadUnderWay(worker);
    worker.signal('SIGTERM');
    await worker.waitForLog((l) => l.msg.startsWith('shutting down'), 'shutdown start');
    expect((await fetch(`${worker.httpUrl}/readyz`)).status).toBe(503);
    const exit = await worker.exited;
    expect(exit.code).toBe(0);
    expect(await queue.getJobState(jobIdOf(2))).toBe('completed');
    expect(completedLogs(jobIdOf(2))).toHaveLength(1);
    await expect(readdir(worker.tmpDir)).rejects.toThrow();
  });

  it('SIGTERM past the shutdown deadline: the download is aborted, the job released untouched and finished by the next worker', async () => {
    await enqueueDirect([4]);
    media.setThrottle(20 * 1024);
    const [worker] = await startWorkers(1, { WORKER_SHUTDOWN_TIMEOUT_MS: '300' });
    if (!worker) throw new Error('no worker');
    await downloadUnderWay(worker);
    worker.signal('SIGTERM');
    const exit = await worker.exited;
    expect(exit.code).toBe(0);
    expect(worker.logs.some((l) => l.msg.startsWith('shutdown deadline reached'))).toBe(true);
    expect(await queue.getJobState(jobIdOf(4))).toBe('waiting');
    expect((await queue.getJob(jobIdOf(4)))?.attemptsMade).toBe(0);
    await expect(readdir(worker.tmpDir)).rejects.toThrow();
    expect(await processesMentioning(`${media.url}/s4.webm`)).toEqual([]);
    // Only the acta stage's outputs: no WAV or source.json of the aborted download.
    const keys = sessionKeys(TENANT, fixtures.get(4)?.id ?? '');
    expect(await listStorage(path.join(caseDir, 'storage'))).toEqual([keys.acta, keys.actaJson].sort());

    media.setThrottle(0);
    await startWorkers(1);
    const [result] = await allFinished([jobIdOf(4)]);
    expect(result?.state).toBe('completed');
    expect(result?.job?.attemptsMade).toBe(1);
  });

  it('Redis restarted mid-run: workers reconnect and every job completes once', async () => {
    await enqueueDirect([1, 2, 3]);
    media.setThrottle(320 * 1024);
    const [first] = await startWorkers(2);
    if (!first) throw new Error('no worker');
    await downloadUnderWay(first);
    let healthWhileDown: { status: number; body: unknown } | undefined;
    await redis.restart(1_500, async () => {
      const response = await fetch(`${first.httpUrl}/healthz`);
      healthWhileDown = { status: response.status, body: await response.json() };
    });
    media.setThrottle(0);
    expect(healthWhileDown).toMatchObject({ status: 503, body: { status: 'fail', redis: { ok: false } } });
    const jobIds = [1, 2, 3].map(jobIdOf);
    const finished = await allFinished(jobIds, 120_000);
    expect(finished.map((f) => f.state)).toEqual(['completed', 'completed', 'completed']);
    for (const jobId of jobIds) expect(completedLogs(jobId)).toHaveLength(1);
    const storageDir = path.join(caseDir, 'storage');
    const ids = [1, 2, 3].map((n) => fixtures.get(n)?.id ?? '');
    expect(await listStorage(storageDir)).toEqual(expectedObjects(ids));
    for (const id of ids) expect(await readOutputs(storageDir, id)).toEqual(reference.get(id));
  });
});

/** PIDs of live processes whose command line contains `text` (a leaked yt-dlp/ffmpeg would show up). */
async function processesMentioning(text: string): Promise<number[]> {
  const pids: number[] = [];
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(text)) pids.push(Number(name));
  }
  return pids;
}
