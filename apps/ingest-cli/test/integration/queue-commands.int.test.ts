/**
 * `astra-ingest enqueue` and `astra-ingest status` against a real redis-server (architecture §7, §8): rows validated
 * as in `mine`, actas copied into storage, one job per session with id {tenant}-{uuid}, a repeat enqueue adds
 * nothing, and status reports counts and failure reasons.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '@astra/demo';
import { MINING_QUEUE } from '@astra/mining';
import { sessionIdFor } from '@astra/contracts';
import { runCli } from '../support/run-cli';

const TENANT = 'villa';
let dir: string;
let redis: RedisServer;
let queue: Queue;
let csvPath: string;
const url1 = 'https://media.example.org/pleno-1.webm';
const url2 = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
const id1 = sessionIdFor(TENANT, url1);
const id2 = sessionIdFor(TENANT, url2);

type EnqueueJson = {
  queue: string;
  enqueued: Array<{ line: number; tenantId: string; id: string; jobId: string }>;
  alreadyQueued: Array<{ line: number; jobId: string; state: string }>;
  errors: Array<{ line: number; reason: string }>;
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-enqueue-'));
  redis = await startRedisServer();
  queue = new Queue(MINING_QUEUE, { connection: { url: redis.url } });
  await mkdir(path.join(dir, 'actas'));
  // enqueue copies the bytes as they are; parsing the DOCX is the worker's job.
  await writeFile(path.join(dir, 'actas', 'uno.docx'), 'PK\u0003\u0004 acta uno');
  await writeFile(path.join(dir, 'actas', 'dos.docx'), 'PK\u0003\u0004 acta dos');
  csvPath = path.join(dir, 'sessions.csv');
  await writeFile(
    csvPath,
    [
      'video_url,acta_path,session_id,distrito',
      `${url1},actas/uno.docx,s1,norte`,
      `${url2},actas/dos.docx,s2,`,
      `${url1.replace('1', '3')},actas/missing.docx,s3,`,
      `ftp://example.org/x.webm,actas/uno.docx,s4,`,
      '',
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  await queue?.close();
  await redis?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const enqueue = (...args: string[]) =>
  runCli([
    'enqueue',
    '--input',
    csvPath,
    '--tenant',
    TENANT,
    '--redis',
    redis.url,
    '--storage',
    `file://${dir}/storage`,
    ...args,
  ]);

describe('astra-ingest enqueue', () => {
  it('enqueues the good rows with their actas in storage, reports the bad ones and exits 1', async () => {
    const result = await enqueue(
      '--json',
      '--attempts',
      '4',
      '--backoff-ms',
      '1500',
      '--max-duration',
      '12',
      '--speaker-mismatch',
      'unlabel',
    );
    expect(result.exitCode).toBe(1);
    const summary = JSON.parse(result.stdout) as EnqueueJson;
    expect(summary.queue).toBe('astra-mining');
    expect(summary.enqueued).toEqual([
      { line: 2, tenantId: TENANT, id: id1, jobId: `${TENANT}-${id1}` },
      { line: 3, tenantId: TENANT, id: id2, jobId: `${TENANT}-${id2}` },
    ]);
    expect(summary.alreadyQueued).toEqual([]);
    expect(summary.errors.map((e) => e.line)).toEqual([4, 5]);
    expect(summary.errors[0]?.reason).toMatch(/acta_path/);
    expect(summary.errors[1]?.reason).toMatch(/video_url/);

    expect(await readFile(path.join(dir, 'storage', `mining/${TENANT}/${id1}.acta.docx`), 'utf8')).toBe(
      'PK\u0003\u0004 acta uno',
    );
    expect(await readFile(path.join(dir, 'storage', `mining/${TENANT}/${id2}.acta.docx`), 'utf8')).toBe(
      'PK\u0003\u0004 acta dos',
    );

    const job = await queue.getJob(`${TENANT}-${id1}`);
    expect(job?.name).toBe('mine');
    expect(job?.opts.attempts).toBe(4);
    expect(job?.opts.backoff).toEqual({ type: 'exponential', delay: 1500 });
    expect(job?.data).toEqual({
      session: {
        line: 2,
        tenantId: TENANT,
        id: id1,
        videoUrl: url1,
        externalId: 's1',
        language: 'es',
        provider: 'deepgram',
        metadata: { distrito: 'norte' },
      },
      actaKey: `mining/${TENANT}/${id1}.acta.docx`,
      // The alignment settings the worker will use: the flags given, the defaults for the rest.
      align: { minDurationSec: 1, maxDurationSec: 12, maxCer: 0.3, labelStyle: 'written', speakerMismatch: 'unlabel' },
    });
    // A job carries storage keys, never a local path (architecture §8).
    expect(JSON.stringify(job?.data)).not.toContain(dir);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 2 });
  });

  it('a repeat enqueue adds nothing and says which jobs were already queued', async () => {
    const result = await enqueue('--json');
    const summary = JSON.parse(result.stdout) as EnqueueJson;
    expect(summary.enqueued).toEqual([]);
    expect(summary.alreadyQueued.map((j) => [j.line, j.jobId, j.state])).toEqual([
      [2, `${TENANT}-${id1}`, 'waiting'],
      [3, `${TENANT}-${id2}`, 'waiting'],
    ]);
    expect(result.exitCode).toBe(1);
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 2 });
    const human = await enqueue();
    expect(human.stdout).toContain(`line 2: already queued ${TENANT}-${id1} (waiting)`);
    expect(human.stdout).toContain('0 enqueued, 2 already queued, 2 bad rows');
  });
});

describe('astra-ingest status', () => {
  it('prints the counts and the failed jobs with their reasons', async () => {
    const waiting = await runCli(['status', '--redis', redis.url, '--json']);
    expect(waiting.exitCode).toBe(0);
    expect(JSON.parse(waiting.stdout)).toEqual({
      queue: 'astra-mining',
      waiting: 2,
      active: 0,
      completed: 0,
      failed: 0,
      delayed: 0,
      sourcePausedForMs: 0,
      failures: [],
    });

    const worker = new Worker(
      MINING_QUEUE,
      async (job) => {
        if (job.id === `${TENANT}-${id2}`)
          throw new UnrecoverableError('[download/not_found] the media was not found (HTTP 404/410)');
        return { kept: 1 };
      },
      // A limiter, as real workers have: its counter is not a pause and must not be reported as one.
      { connection: { url: redis.url, maxRetriesPerRequest: null }, limiter: { max: 1000, duration: 60_000 } },
    );
    try {
      for (;;) {
        const counts = await queue.getJobCounts('completed', 'failed');
        if ((counts['completed'] ?? 0) + (counts['failed'] ?? 0) === 2) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await worker.close();
    }

    const result = await runCli(['status', '--redis', redis.url, '--json']);
    expect(result.exitCode).toBe(0);
    const status = JSON.parse(result.stdout) as Record<string, unknown> & { failures: Array<Record<string, unknown>> };
    expect(status).toMatchObject({ waiting: 0, active: 0, completed: 1, failed: 1, delayed: 0, sourcePausedForMs: 0 });
    expect(status.failures).toEqual([
      {
        id: `${TENANT}-${id2}`,
        reason: '[download/not_found] the media was not found (HTTP 404/410)',
        attemptsMade: 1,
        failedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        tenantId: TENANT,
        sessionId: id2,
        videoUrl: url2,
      },
    ]);
    const human = await runCli(['status', '--redis', redis.url]);
    expect(human.stdout).toContain('0 waiting, 0 active, 1 completed, 1 failed, 0 delayed');
    expect(human.stdout).toContain(`${TENANT}-${id2}  attempts 1  [download/not_found]`);
    expect(human.stdout).not.toContain('paused');

    // A worker that met a bot check pauses the fleet: that, and only that, is a pause. Ten minutes, so that it is
    // still on (and still counted in milliseconds) when a CLI slow to start on a loaded machine reads it.
    await queue.rateLimit(600_000);
    const paused = await runCli(['status', '--redis', redis.url, '--json']);
    const pausedForMs = (JSON.parse(paused.stdout) as { sourcePausedForMs: number }).sourcePausedForMs;
    expect(pausedForMs).toBeGreaterThan(60_000);
    expect(pausedForMs).toBeLessThanOrEqual(600_000);
    expect((await runCli(['status', '--redis', redis.url])).stdout).toMatch(
      /paused for \d+ s more \(the source asked us to slow down\)/,
    );
    await queue.removeRateLimitKey();
  });

  it('fails fast with exit 1 when Redis is unreachable, without printing the password', async () => {
    const result = await runCli(['status', '--redis', 'redis://user:hunter2@127.0.0.1:1', '--json']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('Redis at redis://redacted@127.0.0.1:1 is not reachable');
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('a malformed Redis URL is bad usage (exit 2)', async () => {
    const result = await runCli(['status', '--redis', 'http://127.0.0.1:6379']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--redis: expected redis:\/\//);
  });
});
