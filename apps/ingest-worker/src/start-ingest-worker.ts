import { rm } from 'node:fs/promises';
import os from 'node:os';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from '@astra/contracts';
import { probeTools } from '@astra/downloader';
import { createPipeline, MINING_QUEUE } from '@astra/mining';
import type { WorkerConfig } from './config';
import { readRedisPersistence, redisCheck, toolsCheck, withTimeout } from './health-checks';
import { startHealthServer, type HealthCheckResult, type HealthServer } from './start-health-server';
import {
  createMiningProcessor,
  SHUTDOWN_ABORT_REASON,
  type MineSession,
  type MiningJobResult,
} from './create-mining-processor';
import { prepareWorkerTempDir } from './prepare-worker-temp-dir';
import { createWorkerMetrics, QUEUE_STATES, type WorkerMetrics } from './create-worker-metrics';

export type IngestWorkerOptions = {
  config: WorkerConfig;
  logger: Logger;
  /** Replaces the MiningOrchestrator (unit tests pass a fake); default: one built from `config`. */
  mineSession?: MineSession;
  /** Replaces the yt-dlp/ffmpeg version probe of /healthz. */
  probeTools?: () => Promise<Record<string, string>>;
  hostname?: string;
  pid?: number;
};

export type IngestWorker = {
  worker: Worker<unknown, MiningJobResult>;
  metrics: WorkerMetrics;
  /** This process's temp dir (removed at shutdown; swept by the next start after a crash). */
  tmpDir: string;
  http: HealthServer;
  isReady(): boolean;
  /**
   * Stops taking jobs, lets active ones finish up to `shutdownTimeoutMs`, then aborts them (yt-dlp/ffmpeg
   * are killed, temp files removed) and puts them back in the wait list; closes every connection. Resolves
   * within `shutdownTimeoutMs + SHUTDOWN_GRACE_MS` whatever the state of Redis, storage or astra-core: true when
   * everything closed cleanly, false when something had to be abandoned (the caller exits non-zero).
   */
  shutdown(reason: string): Promise<boolean>;
  /** Skips the rest of the shutdown deadline (a second SIGTERM/SIGINT). */
  cancelActiveJobs(): void;
};

/** Bound of every Redis call made for health, metrics and start-up checks. */
const REDIS_CHECK_TIMEOUT_MS = 2_000;
/** Lower bound on the manual rate limit: `queue.rateLimit` only works with a limiter, so one is always set. */
const UNLIMITED_JOBS = 1_000_000_000;
/** After the deadline, how long cancelled jobs get to stop and go back to the queue before the worker gives up on them. */
const RELEASE_GRACE_MS = 3_000;
/** Then how long connections (Redis, storage, astra-core, HTTP) get to close before they are dropped. */
const CLOSE_GRACE_MS = 1_500;
/** The most a shutdown takes past `WORKER_SHUTDOWN_TIMEOUT_MS` (give the orchestrator's grace period that much more). */
export const SHUTDOWN_GRACE_MS = RELEASE_GRACE_MS + CLOSE_GRACE_MS;

/** BullMQ connection options: workers must retry Redis commands forever (docs/tooling-notes.md). */
export function workerConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/** Starts a worker on the `astra-mining` queue with its HTTP endpoints; see README for the behaviour. */
export async function startIngestWorker(options: IngestWorkerOptions): Promise<IngestWorker> {
  const { config, logger } = options;
  const pid = options.pid ?? process.pid;
  const temp = await prepareWorkerTempDir(config.tmpBase, { hostname: options.hostname ?? os.hostname(), pid });
  if (temp.swept.length > 0) logger.info({ swept: temp.swept }, 'removed temp dirs left by dead workers');

  const pipeline = createPipeline(config.runtime, { logger, tmpRoot: temp.dir });
  const { storage } = pipeline;
  const mineSession: MineSession =
    options.mineSession ?? ((session, runOptions) => pipeline.orchestrator.mineSession(session, runOptions));

  const connection = workerConnection(config.runtime.redisUrl);
  const queue = new Queue(MINING_QUEUE, { connection });
  queue.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
  const metrics = createWorkerMetrics({
    queueCounts: () =>
      withTimeout(queue.getJobCounts(...QUEUE_STATES), REDIS_CHECK_TIMEOUT_MS, 'queue counts timed out'),
  });
  let shuttingDown = false;

  const processor = createMiningProcessor({
    mineSession,
    storage,
    metrics,
    logger,
    defaultProvider: config.runtime.provider,
    jobTimeoutMs: config.jobTimeoutMs,
    isShuttingDown: () => shuttingDown,
    ...(config.sourcePauseMs > 0 ? { pauseSource: () => queue.rateLimit(config.sourcePauseMs) } : {}),
  });
  const worker = new Worker<unknown, MiningJobResult>(MINING_QUEUE, processor, {
    connection,
    name: config.name,
    autorun: false,
    concurrency: config.concurrency,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    maxStalledCount: config.maxStalledCount,
    maxStartedAttempts: config.maxStartedAttempts,
    limiter: {
      max: config.rateLimit.max > 0 ? config.rateLimit.max : UNLIMITED_JOBS,
      duration: config.rateLimit.durationMs,
    },
  });
  worker.on('error', (error) => logger.warn({ err: error }, 'worker error'));
  worker.on('stalled', (jobId) => {
    metrics.stalledJobs.inc();
    logger.warn({ jobId }, 'job stalled (its worker died or lost the lock): moved back to wait');
  });
  worker.on('lockRenewalFailed', (jobIds) => {
    for (const jobId of jobIds) {
      // Another worker may take the job now: stop spending CPU and bandwidth on it here.
      if (worker.cancelJob(jobId, 'lock lost')) logger.warn({ jobId }, 'lost the job lock: cancelled the local run');
    }
  });

  const healthRedis = new Redis(config.runtime.redisUrl, {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    lazyConnect: true,
  });
  healthRedis.on('error', (error) => logger.debug({ err: error }, 'health check Redis connection error'));
  const healthConnected = healthRedis
    .connect()
    .catch((error: unknown) => logger.debug({ err: error }, 'health check Redis connection failed'));
  const probe = options.probeTools ?? (() => probeTools({ ...config.runtime.tools, logger }));
  const toolsHealth = toolsCheck(probe, config.toolMinimums);

  const http = await startHealthServer({
    host: config.http.host,
    port: config.http.port,
    checks: { redis: redisCheck(healthRedis, REDIS_CHECK_TIMEOUT_MS), tools: toolsHealth },
    isReady: () => !shuttingDown && worker.isRunning(),
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
    logger,
  });

  const running = worker.run().catch((error: unknown) => logger.error({ err: error }, 'worker stopped with an error'));
  await worker.waitUntilReady();
  await withTimeout(healthConnected, REDIS_CHECK_TIMEOUT_MS).catch(() => undefined);
  const redisPersistence = await readRedisPersistence(healthRedis, REDIS_CHECK_TIMEOUT_MS);
  if (redisPersistence === 'none') {
    logger.warn(
      { redisPersistence },
      'REDIS HAS NO PERSISTENCE (no AOF, no RDB): a Redis restart loses every queued job. Turn on appendonly (or save) on the Redis server.',
    );
  }
  const tools: HealthCheckResult = await toolsHealth().catch((error: unknown) => ({
    ok: false,
    error: (error as Error).message,
  }));
  const outdated = Array.isArray(tools['outdated']) ? (tools['outdated'] as string[]) : [];
  for (const message of outdated) logger.warn({ tools }, message);
  logger.info(
    {
      queue: MINING_QUEUE,
      name: config.name,
      concurrency: config.concurrency,
      http: http.url,
      tmpDir: temp.dir,
      storage: storage.uri,
      redisPersistence,
    },
    'worker started',
  );

  let shutdownPromise: Promise<boolean> | undefined;
  const cancelActiveJobs = () => worker.cancelAllJobs(SHUTDOWN_ABORT_REASON);

  const shutdown = (reason: string): Promise<boolean> => {
    shutdownPromise ??= (async () => {
      shuttingDown = true;
      logger.info(
        { reason, deadlineMs: config.shutdownTimeoutMs },
        'shutting down: taking no new jobs, waiting for the active ones',
      );
      let clean = true;
      // worker.close() waits for the active jobs, and for Redis: with Redis down it never settles, so every
      // wait below is bounded and what does not settle in time is abandoned (its lock expires, another worker
      // takes the job).
      const closed = worker.close().then(() => true);
      if (!(await settlesWithin(closed, config.shutdownTimeoutMs))) {
        logger.warn({}, 'shutdown deadline reached: cancelling active jobs and putting them back in the queue');
        cancelActiveJobs();
        if (!(await settlesWithin(closed, RELEASE_GRACE_MS))) {
          clean = false;
          logger.error({}, 'active jobs did not go back to the queue in time (Redis unreachable?); abandoning them');
        }
      }
      const connections = Promise.allSettled([running, queue.close(), http.close(), pipeline.close()]);
      if (!(await settlesWithin(connections, CLOSE_GRACE_MS))) {
        clean = false;
        logger.error(
          {},
          'connections did not close in time (Redis, storage or astra-core unreachable?); dropping them',
        );
      }
      await settlesWithin(Promise.allSettled([worker.disconnect(), queue.disconnect()]), 500);
      healthRedis.disconnect();
      await rm(temp.dir, { recursive: true, force: true }).catch((error: unknown) => {
        clean = false;
        logger.warn({ err: error }, 'could not remove the temp dir');
      });
      logger.info({ clean }, 'worker stopped');
      return clean;
    })();
    return shutdownPromise;
  };

  return {
    worker,
    metrics,
    tmpDir: temp.dir,
    http,
    isReady: () => !shuttingDown && worker.isRunning(),
    shutdown,
    cancelActiveJobs,
  };
}

/** True when `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true as const,
        () => true as const,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
