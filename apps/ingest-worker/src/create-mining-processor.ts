import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import type { Logger } from '@astra/contracts';
import {
  formatFailure,
  miningJobId,
  miningJobSchema,
  type MineSessionOptions,
  type MiningJob,
  type SessionFailure,
  type SessionOutcome,
  type SessionSpec,
  type StageProgress,
} from '@astra/mining';
import { sessionKeys, type Storage } from '@astra/storage';
import { decideJob, type AbortCause } from './decide-job';
import { ProgressReporter, type JobProgress } from './progress-reporter';
import { codeLabel, type JobOutcomeLabel, type WorkerMetrics } from './create-worker-metrics';

/** The job's return value (what `completed` jobs hold in Redis). */
export type MiningJobResult = {
  tenantId: string;
  sessionId: string;
  audioSec: number;
  keptSec: number;
  kept: number;
  rejected: number;
  /** Stages that did work in this attempt (the others were found in storage). */
  ran: string[];
};

export type MineSession = (session: SessionSpec, options: MineSessionOptions) => Promise<SessionOutcome>;

export type MiningProcessorOptions = {
  /** `orchestrator.mineSession` bound to its orchestrator, or a fake in unit tests. */
  mineSession: MineSession;
  storage: Pick<Storage, 'exists'>;
  metrics: WorkerMetrics;
  logger: Logger;
  /** Provider for a job whose session carries none. */
  defaultProvider: string;
  jobTimeoutMs: number;
  /** True once the worker is shutting down: an aborted job is then released, not failed. */
  isShuttingDown: () => boolean;
  /**
   * Pauses the whole fleet (BullMQ queue rate limit) after a bot check or 429 from the source; the job goes
   * back to wait. Without it such a failure is an ordinary retry with backoff.
   */
  pauseSource?: (reason: string) => Promise<void>;
  progressIntervalMs?: number;
  now?: () => number;
};

export type MiningProcessor = (
  job: Job<unknown, MiningJobResult>,
  token?: string,
  signal?: AbortSignal,
) => Promise<MiningJobResult>;

/** Reason given to `worker.cancelAllJobs` at the shutdown deadline. */
export const SHUTDOWN_ABORT_REASON = 'worker shutting down';

/**
 * The BullMQ processor: one job = one session through the MiningOrchestrator. It declares three parameters
 * so BullMQ hands it the job's AbortSignal (cancelAllJobs at shutdown, cancelJob when the lock is lost);
 * that signal, plus the job time limit, reaches yt-dlp/ffmpeg and astra-core polling through the orchestrator.
 */
export function createMiningProcessor(options: MiningProcessorOptions): MiningProcessor {
  const now = options.now ?? Date.now;
  const { metrics, logger } = options;

  // Three declared parameters (no defaults): BullMQ only creates the AbortSignal when processor.length >= 3.
  return async function processMiningJob(job, token, signal) {
    let data: MiningJob;
    try {
      data = parseJob(job, options.defaultProvider);
      await assertActaStored(options.storage, data);
    } catch (error) {
      const rejection = error instanceof JobRejection ? error : undefined;
      count(rejection || job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ? 'failed' : 'retried');
      metrics.failures.inc({ stage: 'job', code: rejection ? codeLabel(rejection.failure.code) : 'storage' });
      logger.warn({ jobId: job.id, err: error }, `job rejected before mining: ${(error as Error).message}`);
      throw error;
    }
    const session = data.session;
    const context = { jobId: job.id, tenantId: session.tenantId, sessionId: session.id, attempt: job.attemptsMade + 1 };

    const timeout = AbortSignal.timeout(options.jobTimeoutMs);
    const jobSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const progress = new ProgressReporter({
      update: (value: JobProgress) => job.updateProgress(value),
      minIntervalMs: options.progressIntervalMs ?? 2_000,
      now,
      logger,
    });
    const stageStarts = new Map<StageProgress['stage'], number>();
    const onProgress = (event: StageProgress) => {
      if (event.state === 'start') stageStarts.set(event.stage, now());
      if (event.state === 'done') observeStage(event.stage, 'done');
      progress.report(event);
    };
    const observeStage = (stage: StageProgress['stage'], result: 'done' | 'failed') => {
      const started = stageStarts.get(stage);
      if (started !== undefined) metrics.stageDuration.observe({ stage, result }, (now() - started) / 1000);
    };

    metrics.activeJobs.inc();
    logger.info(context, 'job started');
    let outcome: SessionOutcome;
    try {
      outcome = await options.mineSession(session, {
        signal: jobSignal,
        onProgress,
        ...(data.align ? { align: data.align } : {}),
      });
    } finally {
      metrics.activeJobs.dec();
      await progress.flush();
    }

    const abortCause: AbortCause | undefined = !jobSignal.aborted
      ? undefined
      : options.isShuttingDown() || signal?.reason === SHUTDOWN_ABORT_REASON
        ? 'shutdown'
        : timeout.aborted
          ? 'timeout'
          : 'cancelled';
    const decided = decideJob(outcome, abortCause);
    const decision: typeof decided =
      decided.kind === 'pause-source' && !options.pauseSource ? { ...decided, kind: 'retry' } : decided;
    if (outcome.status === 'failed') {
      observeStage(outcome.failure.stage, 'failed');
      if (decision.kind !== 'release') {
        metrics.failures.inc({ stage: outcome.failure.stage, code: codeLabel(outcome.failure.code) });
      }
    }
    const message = decision.kind === 'complete' ? '' : formatFailure(decision.failure);

    switch (decision.kind) {
      case 'complete': {
        if (outcome.status !== 'ok') throw new Error('unreachable: complete decision for a failed outcome');
        count('completed');
        metrics.audioSeconds.inc(outcome.audioSec);
        metrics.keptAudioSeconds.inc(outcome.keptSec);
        metrics.segments.inc({ result: 'kept' }, outcome.kept);
        metrics.segments.inc({ result: 'rejected' }, outcome.rejected);
        logger.info(
          { ...context, kept: outcome.kept, rejected: outcome.rejected, audioSec: outcome.audioSec, ran: outcome.ran },
          'job completed',
        );
        return {
          tenantId: session.tenantId,
          sessionId: session.id,
          audioSec: outcome.audioSec,
          keptSec: outcome.keptSec,
          kept: outcome.kept,
          rejected: outcome.rejected,
          ran: [...outcome.ran],
        };
      }
      case 'release': {
        count('released');
        logger.warn({ ...context, ...decision.failure }, 'job released');
        if (token) {
          await job.moveToWait(token);
          throw new WaitingError(message);
        }
        throw new Error(message);
      }
      case 'pause-source': {
        count('source_paused');
        metrics.sourcePauses.inc();
        logger.warn({ ...context, ...decision.failure }, 'source throttled us, pausing the queue');
        await recordFailure(job, decision.failure, logger);
        await options.pauseSource?.(message);
        // Back to wait without using an attempt; `maxStartedAttempts` bounds a job that keeps hitting this.
        throw Worker.RateLimitError();
      }
      case 'retry': {
        const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        count(final ? 'failed' : 'retried');
        logger.warn({ ...context, ...decision.failure, final }, 'job attempt failed');
        await recordFailure(job, decision.failure, logger);
        throw new Error(message, outcome.status === 'failed' ? { cause: outcome.error } : undefined);
      }
      case 'fail': {
        count('failed');
        logger.warn({ ...context, ...decision.failure }, 'job failed for good');
        await recordFailure(job, decision.failure, logger);
        throw new UnrecoverableError(message);
      }
    }
  };

  function count(outcome: JobOutcomeLabel): void {
    metrics.jobs.inc({ outcome });
  }
}

/**
 * A job refused before mining (bad data, acta missing from storage): permanent, with its failure as fields
 * for metrics and `status`.
 */
export class JobRejection extends UnrecoverableError {
  readonly failure: SessionFailure;

  constructor(failure: Omit<SessionFailure, 'retryable'>) {
    const full: SessionFailure = { ...failure, retryable: false };
    super(formatFailure(full));
    this.name = 'JobRejection';
    this.failure = full;
  }
}

/**
 * Keeps the failure as data on the job (`lastFailure`) so `status` shows fields, not a parsed string. Best
 * effort: a Redis hiccup here must not turn a retry into something else.
 */
async function recordFailure(
  job: Job<unknown, MiningJobResult>,
  failure: SessionFailure,
  logger: Logger,
): Promise<void> {
  if (typeof job.data !== 'object' || job.data === null) return;
  try {
    await job.updateData({ ...(job.data as Record<string, unknown>), lastFailure: failure });
  } catch (error) {
    logger.debug({ jobId: job.id, err: error }, 'could not record the failure on the job');
  }
}

/**
 * Validates the job data (architecture §8: the session row and storage keys, never a local path) and its id.
 * Bad data is permanent: retrying cannot fix it.
 */
export function parseJob(job: Pick<Job, 'id' | 'data'>, defaultProvider: string): MiningJob {
  const raw = job.data;
  const withProvider =
    isRecord(raw) && isRecord(raw['session']) && raw['session']['provider'] === undefined
      ? { ...raw, session: { ...raw['session'], provider: defaultProvider } }
      : raw;
  const parsed = miningJobSchema.safeParse(withProvider);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new JobRejection({
      stage: 'job',
      code: 'invalid_input',
      message: `invalid job data: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'}`,
    });
  }
  const expectedId = miningJobId(parsed.data.session);
  if (job.id !== expectedId) {
    throw new JobRejection({
      stage: 'job',
      code: 'invalid_input',
      message: `job id ${String(job.id).slice(0, 120)} is not {tenant}-{uuid} of its session (${expectedId})`,
    });
  }
  return parsed.data;
}

/** A job that names an acta must find it in storage: otherwise the session would be mined without labels. */
async function assertActaStored(storage: Pick<Storage, 'exists'>, data: MiningJob): Promise<void> {
  if (!data.actaKey) return;
  let expected: string[];
  try {
    const keys = sessionKeys(data.session.tenantId, data.session.id);
    expected = [keys.acta, keys.actaPdf];
  } catch (error) {
    throw new JobRejection({ stage: 'job', code: 'invalid_input', message: (error as Error).message });
  }
  if (!expected.includes(data.actaKey)) {
    throw new JobRejection({
      stage: 'job',
      code: 'invalid_input',
      message: `actaKey ${data.actaKey.slice(0, 200)} is not one of the session's acta keys (${expected.join(', ')})`,
    });
  }
  if (!(await storage.exists(data.actaKey))) {
    throw new JobRejection({
      stage: 'acta',
      code: 'not_found',
      message: `the acta ${data.actaKey} is not in storage (enqueue copies it there; run enqueue again)`,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
