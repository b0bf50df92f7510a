import { rm } from 'node:fs/promises';
import os from 'node:os';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { CoreClient } from '@astra/core-client';
import { probeTools } from '@astra/downloader';
import { MINING_QUEUE, MiningOrchestrator, type Logger, type TranscriptSource } from '@astra/mining';
import { openStorage, type Storage } from '@astra/storage';
import type { WorkerConfig } from './config';
import { redisCheck, toolsCheck } from './health-checks';
import { startHealthServer, type HealthServer } from './start-health-server';
import {
  createMiningProcessor,
  SHUTDOWN_ABORT_REASON,
  type MineSession,
  type MiningJobResult,
} from './create-mining-processor';
import { prepareWorkerTempDir } from './prepare-worker-temp-dir';
import { createWorkerMetrics, type WorkerMetrics } from './create-worker-metrics';

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
   * are killed, temp files removed) and puts them back in the wait list; closes every connection.
   */
  shutdown(reason: string): Promise<void>;
  /** Skips the rest of the shutdown deadline (a second SIGTERM/SIGINT). */
  cancelActiveJobs(): void;
};

/** Lower bound on the manual rate limit: `queue.rateLimit` only works with a limiter, so one is always set. */
const UNLIMITED_JOBS = 1_000_000_000;
/** After the deadline and the abort, how long cancelled jobs get to clean up before the worker gives up on them. */
const ABORT_GRACE_MS = 15_000;

/** BullMQ connection options: workers must retry Redis commands forever (MACHINE-NOTES). */
export function workerConnection(redisUrl: string): ConnectionOptions {
  return { url: redisUrl, maxRetriesPerRequest: null };
}

/** Starts a worker on the `astra-mining` queue with its HTTP endpoints; see README for the behaviour. */
export async function startIngestWorker(options: IngestWorkerOptions): Promise<IngestWorker> {
  const { config, logger } = options;
  const pid = options.pid ?? process.pid;
  const temp = await prepareWorkerTempDir(config.tmpBase, { hostname: options.hostname ?? os.hostname(), pid });
  if (temp.swept.length > 0) logger.info({ swept: temp.swept }, 'removed temp dirs left by dead workers');

  const storage = openStorage(config.storage.uri, { ...config.storage.options, logger });
  const core =
    config.transcripts.kind === 'astra-core'
      ? new CoreClient({
          baseUrl: config.transcripts.baseUrl,
          ...(config.transcripts.token ? { token: config.transcripts.token } : {}),
          logger,
        })
      : undefined;
  const mineSession = options.mineSession ?? createMineSession(config, storage, core, temp.dir, logger);

  const metrics = createWorkerMetrics();
  const connection = workerConnection(config.redisUrl);
  const queue = new Queue(MINING_QUEUE, { connection });
  queue.on('error', (error) => logger.warn({ err: error }, 'queue connection error'));
  let shuttingDown = false;

  const processor = createMiningProcessor({
    mineSession,
    storage,
    metrics,
    logger,
    defaultProvider: config.defaultProvider,
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

  const healthRedis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    lazyConnect: true,
  });
  healthRedis.on('error', (error) => logger.debug({ err: error }, 'health check Redis connection error'));
  healthRedis.connect().catch((error: unknown) => logger.debug({ err: error }, 'health check Redis connection failed'));
  const probe = options.probeTools ?? (() => probeTools({ ...config.tools, logger }));

  const http = await startHealthServer({
    host: config.http.host,
    port: config.http.port,
    checks: { redis: redisCheck(healthRedis, 2_000), tools: toolsCheck(probe) },
    isReady: () => !shuttingDown && worker.isRunning(),
    metrics: async () => ({ contentType: metrics.registry.contentType, body: await metrics.registry.metrics() }),
    logger,
  });

  const running = worker.run().catch((error: unknown) => logger.error({ err: error }, 'worker stopped with an error'));
  await worker.waitUntilReady();
  logger.info(
    {
      queue: MINING_QUEUE,
      name: config.name,
      concurrency: config.concurrency,
      http: http.url,
      tmpDir: temp.dir,
      storage: storage.uri,
    },
    'worker started',
  );

  let shutdownPromise: Promise<void> | undefined;
  const cancelActiveJobs = () => worker.cancelAllJobs(SHUTDOWN_ABORT_REASON);

  const shutdown = (reason: string): Promise<void> => {
    shutdownPromise ??= (async () => {
      shuttingDown = true;
      logger.info(
        { reason, deadlineMs: config.shutdownTimeoutMs },
        'shutting down: taking no new jobs, waiting for the active ones',
      );
      const closed = worker.close().then(() => true);
      if (!(await settlesWithin(closed, config.shutdownTimeoutMs))) {
        logger.warn({}, 'shutdown deadline reached: cancelling active jobs and putting them back in the queue');
        cancelActiveJobs();
        if (!(await settlesWithin(closed, ABORT_GRACE_MS)))
          logger.error({}, 'active jobs did not stop after cancellation; closing anyway');
      }
      await running;
      await Promise.allSettled([queue.close(), http.close(), storage.close(), core?.close()]);
      healthRedis.disconnect();
      await rm(temp.dir, { recursive: true, force: true }).catch((error: unknown) =>
        logger.warn({ err: error }, 'could not remove the temp dir'),
      );
      logger.info({}, 'worker stopped');
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

function createMineSession(
  config: WorkerConfig,
  storage: Storage,
  core: CoreClient | undefined,
  tmpRoot: string,
  logger: Logger,
): MineSession {
  const transcripts: TranscriptSource = core ? { kind: 'astra-core', client: core } : { kind: 'captions' };
  const orchestrator = new MiningOrchestrator({
    storage,
    transcripts,
    download: {
      ...config.tools,
      ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
      allowPrivateNetwork: config.allowPrivateNetwork,
    },
    tmpRoot,
    logger,
  });
  return (session, runOptions) => orchestrator.mineSession(session, runOptions);
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
