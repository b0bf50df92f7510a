import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { OpenStorageOptions } from '@astra/storage';

/**
 * The only place the worker reads the environment (DESIGN §8): every variable is validated here once and
 * turned into typed options; nothing below reads `process.env`. Semantics of the variables shared with
 * the CLI (storage, AWS, astra-core, tool paths, ASTRA_TMPDIR) are the same as in apps/ingest-cli.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const DEFAULT_STORAGE_URI = 'file://./.astra-data';
export const DEFAULT_PROVIDER = 'deepgram';

export type WorkerConfig = {
  redisUrl: string;
  storage: { uri: string; options: OpenStorageOptions };
  transcripts: { kind: 'captions' } | { kind: 'astra-core'; baseUrl: string; token?: string };
  /** Fills `provider` in a job that carries none (jobs made by `enqueue` always carry one). */
  defaultProvider: string;
  tools: { ytDlpPath?: string; ffmpegPath?: string; ffprobePath?: string };
  /** Hosts a media URL may point to (empty: any host). */
  allowedHosts: string[];
  /** ASTRA_ALLOW_PRIVATE_NETWORK: downloads may reach loopback/private addresses (local setups, tests). */
  allowPrivateNetwork: boolean;
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
  logLevel: string;
};

/** A variable has a bad value: the worker refuses to start and says which one. */
export class WorkerConfigError extends Error {
  override readonly name = 'WorkerConfigError';
  readonly variable: string;

  constructor(variable: string, message: string, options: { cause?: unknown } = {}) {
    super(`${variable}: ${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.variable = variable;
  }
}

const booleanText = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const redisUrl = z.url({
  protocol: /^rediss?$/,
  error: 'expected redis://[user:password@]host[:port][/db] or rediss://…',
});
const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });
const providerName = z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'expected a provider name like deepgram');
const logLevel = z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);
const workerName = z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/, 'expected 1-100 characters of [A-Za-z0-9._:-]');
const hostName = z.string().regex(/^[A-Za-z0-9.:-]{1,255}$/, 'expected an IP address or host name');

/** Reads and validates one variable: `undefined` when unset or empty, else the schema's value. */
function optional<T>(env: Env, variable: string, schema: z.ZodType<T>): T | undefined {
  const raw = env[variable];
  if (raw === undefined || raw.trim() === '') return undefined;
  const result = schema.safeParse(raw.trim());
  if (!result.success) {
    throw new WorkerConfigError(
      variable,
      `${result.error.issues[0]?.message ?? 'invalid value'} (got "${describe(variable, raw)}")`,
    );
  }
  return result.data;
}

function read<T>(env: Env, variable: string, schema: z.ZodType<T>, fallback: T): T {
  return optional(env, variable, schema) ?? fallback;
}

function integer(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));
}

/** Never echo secrets (a token, the password of a URL) in an error message. */
function describe(variable: string, raw: string): string {
  if (/TOKEN|SECRET|PASSWORD|KEY/.test(variable)) return '[redacted]';
  const shown = raw.replace(/\/\/[^@/]*@/, '//[redacted]@');
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

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

export function resolveWorkerConfig(
  env: Env,
  options: { cwd?: string; hostname?: string; pid?: number } = {},
): WorkerConfig {
  const cwd = options.cwd ?? process.cwd();
  const d = DEFAULT_WORKER_SETTINGS;
  const coreUrl = optional(env, 'ASTRA_CORE_URL', httpUrl);
  const transcriptKind = read(
    env,
    'ASTRA_TRANSCRIPTS',
    z.enum(['astra-core', 'captions'], {
      error: 'expected astra-core or captions (workers have no local transcript files)',
    }),
    coreUrl ? 'astra-core' : 'captions',
  );
  if (transcriptKind === 'astra-core' && !coreUrl) {
    throw new WorkerConfigError('ASTRA_CORE_URL', 'is required when ASTRA_TRANSCRIPTS=astra-core');
  }
  const token = env['ASTRA_CORE_TOKEN']?.trim();
  const tmpRoot = env['ASTRA_TMPDIR']?.trim() ? path.resolve(cwd, env['ASTRA_TMPDIR'].trim()) : os.tmpdir();
  const rateLimitMax = read(env, 'WORKER_RATE_LIMIT_MAX', integer(0), d.rateLimitMax);
  const lockDurationMs = read(env, 'WORKER_LOCK_DURATION_MS', integer(1_000), d.lockDurationMs);

  return {
    redisUrl: read(env, 'REDIS_URL', redisUrl, DEFAULT_REDIS_URL),
    storage: resolveStorage(env, cwd),
    transcripts:
      transcriptKind === 'astra-core' && coreUrl
        ? { kind: 'astra-core', baseUrl: coreUrl, ...(token ? { token } : {}) }
        : { kind: 'captions' },
    defaultProvider: read(env, 'ASTRA_PROVIDER', providerName, DEFAULT_PROVIDER),
    tools: {
      ...(env['YTDLP_PATH']?.trim() ? { ytDlpPath: env['YTDLP_PATH'].trim() } : {}),
      ...(env['FFMPEG_PATH']?.trim() ? { ffmpegPath: env['FFMPEG_PATH'].trim() } : {}),
      ...(env['FFPROBE_PATH']?.trim() ? { ffprobePath: env['FFPROBE_PATH'].trim() } : {}),
    },
    allowedHosts: read(
      env,
      'ASTRA_ALLOWED_HOSTS',
      z
        .string()
        .transform((value) =>
          value
            .split(',')
            .map((host) => host.trim().toLowerCase())
            .filter(Boolean),
        )
        .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'expected a comma-separated list of host names'))),
      [],
    ),
    allowPrivateNetwork: read(env, 'ASTRA_ALLOW_PRIVATE_NETWORK', booleanText, false),
    tmpBase: path.join(tmpRoot, 'astra-worker'),
    name: read(
      env,
      'WORKER_NAME',
      workerName,
      `${sanitizeName(options.hostname ?? os.hostname())}-${options.pid ?? process.pid}`,
    ),
    concurrency: read(env, 'WORKER_CONCURRENCY', integer(1, 64), d.concurrency),
    http: {
      host: read(env, 'WORKER_HTTP_HOST', hostName, d.httpHost),
      port: read(env, 'WORKER_HTTP_PORT', integer(0, 65_535), d.httpPort),
    },
    lockDurationMs,
    stalledIntervalMs: read(env, 'WORKER_STALLED_INTERVAL_MS', integer(1_000), d.stalledIntervalMs),
    maxStalledCount: read(env, 'WORKER_MAX_STALLED_COUNT', integer(0, 1_000), d.maxStalledCount),
    maxStartedAttempts: read(env, 'WORKER_MAX_STARTED_ATTEMPTS', integer(1, 10_000), d.maxStartedAttempts),
    jobTimeoutMs: read(env, 'WORKER_JOB_TIMEOUT_MS', integer(1_000), d.jobTimeoutMs),
    shutdownTimeoutMs: read(env, 'WORKER_SHUTDOWN_TIMEOUT_MS', integer(0), d.shutdownTimeoutMs),
    rateLimit: {
      max: rateLimitMax,
      durationMs: read(env, 'WORKER_RATE_LIMIT_DURATION_MS', integer(1), d.rateLimitDurationMs),
    },
    sourcePauseMs: read(env, 'WORKER_SOURCE_PAUSE_MS', integer(0), d.sourcePauseMs),
    logLevel: read(env, 'LOG_LEVEL', logLevel, 'info'),
  };
}

/** Storage URI and S3 settings (DESIGN §3), same variables and precedence as the CLI. */
function resolveStorage(env: Env, cwd: string): WorkerConfig['storage'] {
  const uri = read(
    env,
    'ASTRA_STORAGE',
    z.string().regex(/^(s3|file):\/\/\S+$/, 'expected s3://bucket[/prefix] or file://DIR'),
    DEFAULT_STORAGE_URI,
  );
  const endpoint = optional(env, 'AWS_ENDPOINT_URL_S3', httpUrl) ?? optional(env, 'AWS_ENDPOINT_URL', httpUrl);
  const region = env['AWS_REGION']?.trim() || env['AWS_DEFAULT_REGION']?.trim();
  const forcePathStyle = optional(env, 'ASTRA_S3_FORCE_PATH_STYLE', booleanText);
  return {
    uri,
    options: {
      cwd,
      s3: {
        ...(endpoint ? { endpoint } : {}),
        ...(region ? { region } : {}),
        ...(forcePathStyle !== undefined ? { forcePathStyle } : {}),
      },
    },
  };
}

function sanitizeName(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 80) || 'worker';
}
