/**
 * The BullMQ side of the worker against a real redis-server, with a fake orchestrator (the pipeline itself is
 * covered by worker-e2e.int.test.ts): retries, permanent failures, graceful shutdown and release, the fleet
 * pause on bot checks, progress, and the HTTP endpoints.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '@astra/demo';
import { sessionIdFor, silentLogger, type Logger } from '@astra/contracts';
import {
  MINING_QUEUE,
  MIN_YTDLP_VERSION,
  miningJobId,
  type Env,
  type SessionOutcome,
  type SessionSpec,
} from '@astra/mining';
import { resolveWorkerConfig } from '../../src/config';
import { SHUTDOWN_GRACE_MS, startIngestWorker, type IngestWorker } from '../../src/start-ingest-worker';
import type { MineSession } from '../../src/create-mining-processor';
import { waitFor } from '../support/wait-for';

let redis: RedisServer;
let queue: Queue;
let tmp: string;
const workers: IngestWorker[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  queue = new Queue(MINING_QUEUE, { connection: { url: redis.url } });
});
afterAll(async () => {
  await queue?.close();
  await redis?.close();
});
beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'astra-worker-int-'));
  await queue.obliterate({ force: true });
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.shutdown('test end')));
  await rm(tmp, { recursive: true, force: true });
});

function sessionFor(n: number): SessionSpec {
  const videoUrl = `https://media.example.org/pleno-${n}.webm`;
  return {
    line: n + 1,
    tenantId: 'acme',
    id: sessionIdFor('acme', videoUrl),
    videoUrl,
    language: 'es',
    provider: 'deepgram',
    metadata: {},
  };
}

async function enqueue(session: SessionSpec, attempts = 3) {
  return queue.add(
    'mine',
    { session },
    { jobId: miningJobId(session), attempts, backoff: { type: 'exponential', delay: 100 } },
  );
}

async function startWorker(
  mineSession: MineSession,
  env: Env = {},
  options: { logger?: Logger; redisUrl?: string } = {},
): Promise<IngestWorker> {
  const config = resolveWorkerConfig(
    {
      REDIS_URL: options.redisUrl ?? redis.url,
      ASTRA_STORAGE: `file://${tmp}/storage`,
      ASTRA_TMPDIR: tmp,
      WORKER_HTTP_HOST: '127.0.0.1',
      WORKER_HTTP_PORT: '0',
      WORKER_RATE_LIMIT_MAX: '0',
      ...env,
    },
    { cwd: tmp },
  );
  const worker = await startIngestWorker({
    config,
    logger: options.logger ?? silentLogger,
    mineSession,
    probeTools: async () => ({ ytDlp: '2023.03.04', ffmpeg: '5.1', ffprobe: '5.1' }),
  });
  workers.push(worker);
  return worker;
}

const okOutcome = (session: SessionSpec): SessionOutcome => ({
  status: 'ok',
  session,
  audioSec: 60,
  keptSec: 20,
  kept: 4,
  rejected: 1,
  ran: ['download'],
});
const failedOutcome = (session: SessionSpec, code: string, retryable: boolean): SessionOutcome => ({
  status: 'failed',
  session,
  failure: { stage: 'download', code, retryable, message: `source said ${code}` },
  error: new Error(code),
});

async function settled(jobId: string, timeoutMs = 30_000) {
  return waitFor(
    `job ${jobId} to finish`,
    async () => {
      // State first, then the job: a job read before it finished would show stale attempts.
      const state = await queue.getJobState(jobId);
      if (state !== 'completed' && state !== 'failed') return undefined;
      const job = await queue.getJob(jobId);
      return job ? { job, state } : undefined;
    },
    timeoutMs,
  );
}

describe('ingest worker on a real Redis (fake orchestrator)', () => {
  it('completes a job, stores its counts as the return value and the last stage as progress', async () => {
    const session = sessionFor(1);
    await startWorker(async (s, options) => {
      options.onProgress?.({ sessionId: s.id, stage: 'align', state: 'done', detail: '4 kept, 1 rejected' });
      return okOutcome(s);
    });
    await enqueue(session);
    const { job, state } = await settled(miningJobId(session));
    expect(state).toBe('completed');
    expect(job.returnvalue).toEqual({
      tenantId: 'acme',
      sessionId: session.id,
      audioSec: 60,
      keptSec: 20,
      kept: 4,
      rejected: 1,
      ran: ['download'],
    });
    expect(job.progress).toEqual({ stage: 'align', state: 'done', percent: 100, detail: '4 kept, 1 rejected' });
    expect(job.attemptsMade).toBe(1);
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    const session = sessionFor(2);
    let calls = 0;
    await startWorker(async (s) => {
      calls += 1;
      return calls === 1 ? failedOutcome(s, 'unavailable', true) : okOutcome(s);
    });
    await enqueue(session);
    const { job, state } = await settled(miningJobId(session));
    expect(state).toBe('completed');
    expect(calls).toBe(2);
    expect(job.attemptsMade).toBe(2);
  });

  it('does not retry a permanent failure', async () => {
    const session = sessionFor(3);
    let calls = 0;
    await startWorker(async (s) => {
      calls += 1;
      return failedOutcome(s, 'not_found', false);
    });
    await enqueue(session, 5);
    const { job, state } = await settled(miningJobId(session));
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe('[download/not_found] source said not_found');
    expect(calls).toBe(1);
  });

  it('fails a transient error for good once the attempts are used up', async () => {
    const session = sessionFor(4);
    await startWorker(async (s) => failedOutcome(s, 'unavailable', true));
    await enqueue(session, 2);
    const { job, state } = await settled(miningJobId(session));
    expect(state).toBe('failed');
    expect(job.attemptsMade).toBe(2);
  });

  it('graceful shutdown lets the active job finish before closing', async () => {
    const session = sessionFor(5);
    let release: () => void = () => undefined;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = await startWorker(
      async (s) => {
        started();
        await new Promise<void>((resolve) => (release = resolve));
        return okOutcome(s);
      },
      { WORKER_SHUTDOWN_TIMEOUT_MS: '30000' },
    );
    await enqueue(session);
    await running;
    const stopping = worker.shutdown('SIGTERM');
    await waitFor('readiness to drop', () => (worker.isReady() ? undefined : true));
    release();
    expect(await stopping).toBe(true);
    const job = await queue.getJob(miningJobId(session));
    expect(await job?.getState()).toBe('completed');
  });

  it('holds its shutdown deadline with Redis down: the job is abandoned to the lock, temp files go, the result says unclean', async () => {
    const own = await startRedisServer();
    const session = sessionFor(9);
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const worker = await startWorker(
      async (s, options) => {
        started();
        await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
        return failedOutcome(s, 'aborted', true);
      },
      { WORKER_SHUTDOWN_TIMEOUT_MS: '500' },
      { redisUrl: own.url },
    );
    workers.splice(workers.indexOf(worker), 1);
    const ownQueue = new Queue(MINING_QUEUE, { connection: { url: own.url } });
    await ownQueue.add('mine', { session }, { jobId: miningJobId(session) });
    await running;
    await ownQueue.close();
    await own.close();
    // Bounded by the test's own timeout too; the worker promises deadline + SHUTDOWN_GRACE_MS.
    const outcome = await Promise.race([
      worker.shutdown('SIGTERM'),
      new Promise<string>((resolve) => setTimeout(() => resolve('still running'), 500 + SHUTDOWN_GRACE_MS + 3_000)),
    ]);
    expect(outcome).toBe(false);
    const { access } = await import('node:fs/promises');
    await expect(access(worker.tmpDir)).rejects.toThrow();
  });

  it.each([
    ['without persistence', false, 'none', true],
    ['with an append-only file', true, 'aof', false],
  ])('checks Redis persistence at start (%s)', async (_label, persistent, mode, warned) => {
    const own = await startRedisServer({ persistent });
    const lines: Array<{ level: string; fields: object; message: string }> = [];
    const record = (level: string) => (fields: object, message?: string) =>
      lines.push({ level, fields, message: message ?? '' });
    const logger: Logger = {
      debug: record('debug'),
      info: record('info'),
      warn: record('warn'),
      error: record('error'),
    };
    try {
      const worker = await startWorker(async (s) => okOutcome(s), {}, { logger, redisUrl: own.url });
      expect(lines.find((l) => l.message === 'worker started')?.fields).toMatchObject({ redisPersistence: mode });
      expect(lines.some((l) => l.level === 'warn' && /NO PERSISTENCE/.test(l.message))).toBe(warned);
      await worker.shutdown('test end');
      workers.splice(workers.indexOf(worker), 1);
    } finally {
      await own.close();
    }
  });

  it('at the shutdown deadline the job is aborted, put back in the queue untouched, and another worker completes it', async () => {
    const session = sessionFor(6);
    let sawAbort = false;
    let started: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = await startWorker(
      async (s, options) => {
        started();
        await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
        sawAbort = true;
        return failedOutcome(s, 'aborted', true);
      },
      { WORKER_SHUTDOWN_TIMEOUT_MS: '200' },
    );
    await enqueue(session);
    await running;
    await first.shutdown('SIGTERM');
    expect(sawAbort).toBe(true);
    const released = await queue.getJob(miningJobId(session));
    expect(await released?.getState()).toBe('waiting');
    expect(released?.attemptsMade).toBe(0);
    const { access } = await import('node:fs/promises');
    await expect(access(first.tmpDir)).rejects.toThrow();

    await startWorker(async (s) => okOutcome(s));
    const { job, state } = await settled(miningJobId(session));
    expect(state).toBe('completed');
    expect(job.attemptsMade).toBe(1);
  });

  it('a bot check pauses the whole queue, then the job is retried without using an attempt', async () => {
    const session = sessionFor(7);
    const other = sessionFor(8);
    const calls: string[] = [];
    await startWorker(
      async (s) => {
        calls.push(s.id);
        return calls.length === 1 ? failedOutcome(s, 'bot_check', true) : okOutcome(s);
      },
      { WORKER_SOURCE_PAUSE_MS: '1500' },
    );
    await enqueue(session, 1);
    await waitFor('the first call', () => (calls.length > 0 ? true : undefined));
    const ttl = await waitFor('the queue rate limit', async () => {
      const value = await queue.getRateLimitTtl();
      return value > 0 ? value : undefined;
    });
    expect(ttl).toBeLessThanOrEqual(1500);
    await enqueue(other, 1);
    // Nothing runs while the queue is paused.
    expect(calls).toHaveLength(1);
    const first = await settled(miningJobId(session));
    const second = await settled(miningJobId(other));
    expect([first.state, second.state]).toEqual(['completed', 'completed']);
    expect(first.job.attemptsMade).toBe(1);
    expect(calls).toHaveLength(3);
  });

  it('serves /healthz, /readyz and /metrics', async () => {
    const session = sessionFor(9);
    const worker = await startWorker(async (s) => okOutcome(s));
    await enqueue(session);
    await settled(miningJobId(session));

    const health = await fetch(`${worker.http.url}/healthz`);
    expect(health.status).toBe(200);
    // The fake probe reports Debian 12's yt-dlp, older than MIN_YTDLP_VERSION: shown, not fatal.
    expect(await health.json()).toMatchObject({
      status: 'degraded',
      redis: { ok: true },
      tools: {
        ok: true,
        ytDlp: '2023.03.04',
        ffmpeg: '5.1',
        degraded: true,
        outdated: [expect.stringContaining(`yt-dlp 2023.03.04 is older than ${MIN_YTDLP_VERSION}`)],
      },
    });
    expect((await fetch(`${worker.http.url}/readyz`)).status).toBe(200);
    const metrics = await fetch(`${worker.http.url}/metrics`);
    expect(metrics.headers.get('content-type')).toContain('text/plain');
    const text = await metrics.text();
    expect(text).toContain('astra_worker_jobs_total{outcome="completed"} 1');
    expect(text).toContain('astra_worker_audio_mined_seconds_total 60');
    expect((await fetch(`${worker.http.url}/nope`)).status).toBe(404);
    expect((await fetch(`${worker.http.url}/metrics`, { method: 'POST' })).status).toBe(405);
  });

  it('reports a failing tool probe as unhealthy (503)', async () => {
    const config = resolveWorkerConfig(
      { REDIS_URL: redis.url, ASTRA_TMPDIR: tmp, WORKER_HTTP_HOST: '127.0.0.1', WORKER_HTTP_PORT: '0' },
      { cwd: tmp },
    );
    const worker = await startIngestWorker({
      config,
      logger: silentLogger,
      mineSession: async (s) => okOutcome(s),
      probeTools: async () => {
        throw new Error('yt-dlp at /nope did not report a version');
      },
    });
    workers.push(worker);
    const health = await fetch(`${worker.http.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'fail',
      redis: { ok: true },
      tools: { ok: false, error: 'yt-dlp at /nope did not report a version' },
    });
  });

  it('removes the temp dir of a dead worker of this host at start-up, and leaves a live one alone', async () => {
    const base = path.join(tmp, 'astra-worker');
    const { mkdir, writeFile } = await import('node:fs/promises');
    const deadDir = path.join(base, `${os.hostname().replace(/[^A-Za-z0-9._-]/g, '_')}-${2 ** 30}`);
    const liveDir = path.join(base, `${os.hostname().replace(/[^A-Za-z0-9._-]/g, '_')}-${process.ppid}`);
    await mkdir(path.join(deadDir, 'astra-mine-x1'), { recursive: true });
    await writeFile(path.join(deadDir, 'astra-mine-x1', 'partial.wav'), 'RIFF');
    await mkdir(liveDir, { recursive: true });
    const worker = await startWorker(async (s) => okOutcome(s));
    const names = await readdir(base);
    expect(names).not.toContain(path.basename(deadDir));
    expect(names).toContain(path.basename(liveDir));
    expect(names).toContain(path.basename(worker.tmpDir));
  });
});
