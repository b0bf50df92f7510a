import os from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  readVariable,
  resolveRuntimeConfig,
  resolveToolMinimums,
  wholeNumber,
  type Env,
  type RuntimeConfig,
  type ToolMinimums,
} from '@astra/mining';
import { z } from 'zod';

/**
 * The only place the worker reads the environment: the shared runtime settings (storage, transcripts, tools,
 * Redis… the same variables, defaults and errors as the CLI, from `resolveRuntimeConfig`), plus the `WORKER_*`
 * settings of a long-running queue consumer. Nothing below reads `process.env`.
 */
export type WorkerConfig = {
  runtime: RuntimeConfig;
  /** Minimum tool versions (`ASTRA_MIN_YTDLP_VERSION`): older ones are reported on /healthz and at start. */
  toolMinimums: ToolMinimums;
  /** `$ASTRA_TMPDIR/astra-worker`: parent of this process's own temp dir. */
  tmpBase: string;
  /** BullMQ worker name stored on each job it processes (default `{hostname}-{pid}`). */
  name: string;
  concurrency: number;
  http: { host: string; port: number };
  lockDurationMs: number;
  stalledIntervalMs: number;
  maxStalledCount: number;
  maxStartedAttempts: number;
  jobTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** BullMQ limiter shared by the fleet: at most `max` jobs start per `durationMs` (max 0: no limit). */
  rateLimit: { max: number; durationMs: number };
  /** How long the whole fleet stops taking jobs after the source answers with a bot check or 429. */
  sourcePauseMs: number;
};

/** Defaults as numbers, documented in the README. */
export const DEFAULT_WORKER_SETTINGS = {
  concurrency: 1,
  httpHost: '0.0.0.0',
  httpPort: 9464,
  /** Renewed every half of it: a killed worker's job goes back to wait within ~lock + stalled interval. */
  lockDurationMs: 5 * 60_000,
  stalledIntervalMs: 60_000,
  maxStalledCount: 3,
  maxStartedAttempts: 25,
  jobTimeoutMs: 6 * 3600_000,
  shutdownTimeoutMs: 25_000,
  rateLimitMax: 20,
  rateLimitDurationMs: 60_000,
  sourcePauseMs: 5 * 60_000,
} as const;

const workerName = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected 1-100 characters of [A-Za-z0-9._:-]');
const hostName = z.string().regex(/^[A-Za-z0-9.:-]{1,255}$/, 'expected an IP address or host name');

/** Throws `ConfigError` naming the variable: the worker refuses to start with a bad value. */
export function resolveWorkerConfig(
  env: Env,
  options: { cwd?: string; hostname?: string; pid?: number } = {},
): WorkerConfig {
  const runtime = resolveRuntimeConfig(env, {}, options.cwd === undefined ? {} : { cwd: options.cwd });
  if (runtime.transcripts === 'file') {
    throw new ConfigError(
      'ASTRA_TRANSCRIPTS',
      'expected astra-core or captions (workers have no local transcript files)',
    );
  }
  const d = DEFAULT_WORKER_SETTINGS;
  return {
    runtime,
    toolMinimums: resolveToolMinimums(env),
    tmpBase: path.join(runtime.tmpRoot, 'astra-worker'),
    name: readVariable(
      env,
      'WORKER_NAME',
      workerName,
      `${sanitizeName(options.hostname ?? os.hostname())}-${options.pid ?? process.pid}`,
    ),
    concurrency: readVariable(env, 'WORKER_CONCURRENCY', wholeNumber(1, 64), d.concurrency),
    http: {
      host: readVariable(env, 'WORKER_HTTP_HOST', hostName, d.httpHost),
      port: readVariable(env, 'WORKER_HTTP_PORT', wholeNumber(0, 65_535), d.httpPort),
    },
    lockDurationMs: readVariable(env, 'WORKER_LOCK_DURATION_MS', wholeNumber(1_000), d.lockDurationMs),
    stalledIntervalMs: readVariable(env, 'WORKER_STALLED_INTERVAL_MS', wholeNumber(1_000), d.stalledIntervalMs),
    maxStalledCount: readVariable(env, 'WORKER_MAX_STALLED_COUNT', wholeNumber(0, 1_000), d.maxStalledCount),
    maxStartedAttempts: readVariable(env, 'WORKER_MAX_STARTED_ATTEMPTS', wholeNumber(1, 10_000), d.maxStartedAttempts),
    jobTimeoutMs: readVariable(env, 'WORKER_JOB_TIMEOUT_MS', wholeNumber(1_000), d.jobTimeoutMs),
    shutdownTimeoutMs: readVariable(env, 'WORKER_SHUTDOWN_TIMEOUT_MS', wholeNumber(0), d.shutdownTimeoutMs),
    rateLimit: {
      max: readVariable(env, 'WORKER_RATE_LIMIT_MAX', wholeNumber(0), d.rateLimitMax),
      durationMs: readVariable(env, 'WORKER_RATE_LIMIT_DURATION_MS', wholeNumber(1), d.rateLimitDurationMs),
    },
    sourcePauseMs: readVariable(env, 'WORKER_SOURCE_PAUSE_MS', wholeNumber(0), d.sourcePauseMs),
  };
}

function sanitizeName(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 80) || 'worker';
}
