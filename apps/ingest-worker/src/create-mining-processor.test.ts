import { UnrecoverableError } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '@astra/contracts';
import type { MineSessionOptions, SessionOutcome, SessionSpec } from '@astra/mining';
import {
  createMiningProcessor,
  parseJob,
  SHUTDOWN_ABORT_REASON,
  type MineSession,
  type MiningProcessorOptions,
} from './create-mining-processor';
import { createWorkerMetrics } from './create-worker-metrics';

const session: SessionSpec = {
  line: 3,
  tenantId: 'acme',
  id: '2f1c6f8e-4b7a-5c3d-9e2f-1a2b3c4d5e6f',
  videoUrl: 'https://example.org/pleno.webm',
  language: 'es',
  provider: 'deepgram',
  metadata: { municipio: 'Villa' },
};
const actaKey = `mining/acme/${session.id}.acta.docx`;
const jobId = `acme-${session.id}`;

type FakeJob = {
  id: string;
  data: unknown;
  attemptsMade: number;
  opts: { attempts?: number };
  progress: unknown[];
  movedToWait: string[];
  updateProgress(value: unknown): Promise<void>;
  updateData(value: unknown): Promise<void>;
  moveToWait(token?: string): Promise<number>;
};

function fakeJob(overrides: Partial<Pick<FakeJob, 'id' | 'data' | 'attemptsMade' | 'opts'>> = {}): FakeJob {
  const job: FakeJob = {
    id: jobId,
    data: { session, actaKey },
    attemptsMade: 0,
    opts: { attempts: 3 },
    progress: [],
    movedToWait: [],
    updateProgress: async (value) => {
      job.progress.push(value);
    },
    updateData: async (value) => {
      job.data = value;
    },
    moveToWait: async (token) => {
      job.movedToWait.push(token ?? '');
      return 0;
    },
    ...overrides,
  };
  return job;
}

function setup(mineSession: MineSession, extra: Partial<MiningProcessorOptions> = {}) {
  const metrics = createWorkerMetrics({ defaultMetrics: false });
  const stored = new Set([actaKey]);
  const pauses: string[] = [];
  let shuttingDown = false;
  const processor = createMiningProcessor({
    mineSession,
    storage: { exists: async (key) => stored.has(key) },
    metrics,
    logger: silentLogger,
    defaultProvider: 'whisper',
    jobTimeoutMs: 60_000,
    isShuttingDown: () => shuttingDown,
    pauseSource: async (reason) => {
      pauses.push(reason);
    },
    progressIntervalMs: 0,
    ...extra,
  });
  // The processor is typed for BullMQ's Job; the fake has the members it uses.
  const run = (job: FakeJob, signal?: AbortSignal) => processor(job as never, 'token-1', signal);
  return { processor, run, metrics, stored, pauses, shutDown: () => (shuttingDown = true) };
}

const ok = (s: SessionSpec): SessionOutcome => ({
  status: 'ok',
  session: s,
  audioSec: 120,
  keptSec: 40,
  kept: 5,
  rejected: 2,
  ran: ['download', 'transcribe', 'align'],
});
const failure = (s: SessionSpec, code: string, retryable: boolean): SessionOutcome => ({
  status: 'failed',
  session: s,
  failure: { stage: 'download', code, retryable, message: `failed with ${code}` },
  error: new Error(code),
});

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('createMiningProcessor', () => {
  it('declares (job, token, signal) so BullMQ passes the AbortSignal', () => {
    expect(setup(async (s) => ok(s)).processor.length).toBe(3);
  });

  it('mines the session, reports progress per stage and returns the counts', async () => {
    const calls: Array<{ session: SessionSpec; options: MineSessionOptions }> = [];
    const { run, metrics } = setup(async (s, options) => {
      calls.push({ session: s, options });
      options.onProgress?.({ sessionId: s.id, stage: 'acta', state: 'start' });
      options.onProgress?.({ sessionId: s.id, stage: 'acta', state: 'done' });
      options.onProgress?.({ sessionId: s.id, stage: 'download', state: 'progress', percent: 50 });
      return ok(s);
    });
    const job = fakeJob();
    const result = await run(job);
    expect(result).toEqual({
      tenantId: 'acme',
      sessionId: session.id,
      audioSec: 120,
      keptSec: 40,
      kept: 5,
      rejected: 2,
      ran: ['download', 'transcribe', 'align'],
    });
    expect(calls[0]?.session).toEqual(session);
    expect(calls[0]?.options.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]?.options.align).toBeUndefined();
    expect(job.progress).toEqual([
      { stage: 'acta', state: 'start', percent: 0 },
      { stage: 'acta', state: 'done', percent: 5 },
      { stage: 'download', state: 'progress', percent: 33, stagePercent: 50 },
    ]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('astra_worker_jobs_total{outcome="completed"} 1');
    expect(text).toContain('astra_worker_audio_mined_seconds_total 120');
    expect(text).toContain('astra_worker_segments_total{result="rejected"} 2');
    expect(text).toContain('astra_worker_stage_duration_seconds_count{stage="acta",result="done"} 1');
    expect(text).toContain('astra_worker_active_jobs 0');
  });

  it("aligns with the job's own alignment settings (what enqueue was given)", async () => {
    const seen: MineSessionOptions[] = [];
    const { run } = setup(async (s, options) => {
      seen.push(options);
      return ok(s);
    });
    const align = { maxDurationSec: 12, speakerMismatch: 'unlabel' as const };
    await run(fakeJob({ data: { session, actaKey, align } }));
    expect(seen[0]?.align).toEqual(align);
  });

  it('a permanent failure throws UnrecoverableError (no retry)', async () => {
    const { run, metrics } = setup(async (s) => failure(s, 'not_found', false));
    const job = fakeJob();
    const error = await rejection(run(job));
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.message).toBe('[download/not_found] failed with not_found');
    expect(job.data).toMatchObject({
      session,
      lastFailure: { stage: 'download', code: 'not_found', retryable: false, message: 'failed with not_found' },
    });
    expect(await metrics.registry.metrics()).toContain(
      'astra_worker_job_failures_total{stage="download",code="not_found"} 1',
    );
  });

  it('a transient failure throws a plain Error (BullMQ retries with backoff); the last attempt counts as failed', async () => {
    const { run, metrics } = setup(async (s) => failure(s, 'unavailable', true));
    const first = await rejection(run(fakeJob({ attemptsMade: 0 })));
    expect(first).not.toBeInstanceOf(UnrecoverableError);
    expect(first.message).toBe('[download/unavailable] failed with unavailable');
    expect(first.cause).toBeInstanceOf(Error);
    await rejection(run(fakeJob({ attemptsMade: 2 })));
    const text = await metrics.registry.metrics();
    expect(text).toContain('astra_worker_jobs_total{outcome="retried"} 1');
    expect(text).toContain('astra_worker_jobs_total{outcome="failed"} 1');
  });

  it('a bot check pauses the queue and hands the job back with a rate-limit error', async () => {
    const { run, pauses } = setup(async (s) => failure(s, 'bot_check', true));
    const error = await rejection(run(fakeJob()));
    expect(error.message).toBe('bullmq:rateLimitExceeded');
    expect(pauses).toEqual(['[download/bot_check] failed with bot_check']);
  });

  it('without a pause function a bot check is an ordinary retry', async () => {
    const { run, pauses } = setup(async (s) => failure(s, 'rate_limited', true), { pauseSource: undefined });
    const error = await rejection(run(fakeJob()));
    expect(error.message).toBe('[download/rate_limited] failed with rate_limited');
    expect(pauses).toEqual([]);
  });

  it('aborted at shutdown: the job goes back to wait with a WaitingError', async () => {
    const controller = new AbortController();
    const { run, shutDown } = setup(async (s, options) => {
      shutDown();
      controller.abort(SHUTDOWN_ABORT_REASON);
      expect(options.signal?.aborted).toBe(true);
      return failure(s, 'aborted', true);
    });
    const job = fakeJob();
    const error = await rejection(run(job, controller.signal));
    expect(error.name).toBe('WaitingError');
    expect(job.movedToWait).toEqual(['token-1']);
  });

  it('the job time limit aborts the run and is retried', async () => {
    const { run } = setup(
      async (s, options) => {
        await new Promise((resolve) => options.signal?.addEventListener('abort', resolve));
        return failure(s, 'aborted', true);
      },
      { jobTimeoutMs: 20 },
    );
    const error = await rejection(run(fakeJob()));
    expect(error.message).toBe('[download/timeout] the job ran longer than its time limit');
  });

  it('a job whose acta is not in storage fails for good without mining', async () => {
    let mined = 0;
    const { run, stored } = setup(async (s) => {
      mined += 1;
      return ok(s);
    });
    stored.clear();
    const error = await rejection(run(fakeJob()));
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.message).toContain('[acta/not_found]');
    expect(mined).toBe(0);
  });

  it('a storage error while checking the acta is retried', async () => {
    const { run } = setup(async (s) => ok(s), {
      storage: {
        exists: async () => {
          throw new Error('socket hang up');
        },
      },
    });
    const error = await rejection(run(fakeJob()));
    expect(error).not.toBeInstanceOf(UnrecoverableError);
    expect(error.message).toBe('socket hang up');
  });
});

describe('parseJob', () => {
  it('fills a missing provider with the default', () => {
    const { provider: _provider, ...withoutProvider } = session;
    const parsed = parseJob({ id: jobId, data: { session: withoutProvider } }, 'whisper');
    expect(parsed.session.provider).toBe('whisper');
    expect(parsed.actaKey).toBeUndefined();
  });

  it.each<[string, { id: string; data: unknown }, string]>([
    ['data that is not an object', { id: jobId, data: 'x' }, 'invalid job data'],
    [
      'a session without a video URL',
      { id: jobId, data: { session: { ...session, videoUrl: 'not a url' } } },
      'session.videoUrl',
    ],
    ['an id that is not {tenant}-{uuid}', { id: 'job-1', data: { session } }, 'is not {tenant}-{uuid}'],
    [
      'an unknown speaker-mismatch policy',
      { id: jobId, data: { session, align: { speakerMismatch: 'ignore' } } },
      'align.speakerMismatch',
    ],
  ])('rejects %s as unrecoverable', (_name, job, message) => {
    let thrown: unknown;
    try {
      parseJob(job, 'deepgram');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnrecoverableError);
    expect((thrown as Error).message).toContain(message);
  });

  it('rejects an actaKey that is not the session acta key', async () => {
    const { run } = setup(async (s) => ok(s));
    const error = await rejection(run(fakeJob({ data: { session, actaKey: 'mining/other/x.acta.docx' } })));
    expect(error).toBeInstanceOf(UnrecoverableError);
    expect(error.message).toContain("is not one of the session's acta keys");
  });
});
