import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { OpenStorageOptions } from '@astra/storage';
import type { TranscriptSourceKind } from '@astra/mining';

/**
 * The only place the CLI reads the environment: flag ?? env ?? default, validated once, then passed
 * down as typed options (libs never read env).
 */
export type Env = Readonly<Record<string, string | undefined>>;

export const DEFAULT_STORAGE_URI = 'file://./.astra-data';
export const DEFAULT_PROVIDER = 'deepgram';
export const DEFAULT_LANGUAGE = 'es';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

export type StorageConfig = { uri: string; options: OpenStorageOptions };

/** Storage URI and S3 settings (DESIGN §3: AWS_* variables, AWS_ENDPOINT_URL_S3, ASTRA_S3_FORCE_PATH_STYLE). */
export function resolveStorageConfig(
  flags: { storage?: string; s3Endpoint?: string },
  env: Env,
  cwd = process.cwd(),
): StorageConfig {
  const uri = flags.storage ?? env['ASTRA_STORAGE'] ?? DEFAULT_STORAGE_URI;
  const endpoint = flags.s3Endpoint ?? env['AWS_ENDPOINT_URL_S3'] ?? env['AWS_ENDPOINT_URL'];
  const region = env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'];
  const forcePathStyle = env['ASTRA_S3_FORCE_PATH_STYLE']
    ? booleanFlag.parse(env['ASTRA_S3_FORCE_PATH_STYLE'])
    : undefined;
  return {
    uri,
    options: {
      cwd,
      s3: {
        ...(endpoint ? { endpoint: z.url().parse(endpoint) } : {}),
        ...(region ? { region } : {}),
        ...(forcePathStyle !== undefined ? { forcePathStyle } : {}),
      },
    },
  };
}

export type ToolPaths = { ytDlpPath?: string; ffmpegPath?: string; ffprobePath?: string };

export function resolveToolPaths(env: Env): ToolPaths {
  return {
    ...(env['YTDLP_PATH'] ? { ytDlpPath: env['YTDLP_PATH'] } : {}),
    ...(env['FFMPEG_PATH'] ? { ffmpegPath: env['FFMPEG_PATH'] } : {}),
    ...(env['FFPROBE_PATH'] ? { ffprobePath: env['FFPROBE_PATH'] } : {}),
  };
}

/**
 * ASTRA_ALLOW_PRIVATE_NETWORK=true lets downloads reach loopback/private addresses (local setups, the demo,
 * the tests); off by default (DESIGN §10 egress policy).
 */
export function resolveAllowPrivateNetwork(env: Env): boolean {
  const value = env['ASTRA_ALLOW_PRIVATE_NETWORK'];
  return value === undefined || value === '' ? false : booleanFlag.parse(value);
}

/**
 * Where downloads remember the versions of yt-dlp/ffmpeg/ffprobe per binary (so a run does not start Python
 * only for `yt-dlp --version`): the user's cache dir (XDG_CACHE_HOME, else ~/.cache). Unwritable: no cache.
 */
export function resolveToolVersionsCacheFile(env: Env): string {
  const cacheHome = env['XDG_CACHE_HOME'] || path.join(env['HOME'] || os.homedir(), '.cache');
  return path.join(cacheHome, 'astra-ingest', 'tool-versions.json');
}

export type CoreConfig = { baseUrl: string; token?: string };

export function resolveCoreConfig(env: Env): CoreConfig | undefined {
  const baseUrl = env['ASTRA_CORE_URL'];
  if (!baseUrl) return undefined;
  return { baseUrl: z.url().parse(baseUrl), ...(env['ASTRA_CORE_TOKEN'] ? { token: env['ASTRA_CORE_TOKEN'] } : {}) };
}

/** Embedded default: astra-core when ASTRA_CORE_URL is set, otherwise the video's captions (no credentials). */
export function resolveTranscriptSource(flag: string | undefined, env: Env): TranscriptSourceKind {
  const value = flag ?? env['ASTRA_TRANSCRIPTS'] ?? (env['ASTRA_CORE_URL'] ? 'astra-core' : 'captions');
  return z.enum(['astra-core', 'captions', 'file']).parse(value);
}

export function resolveProvider(flag: string | undefined, env: Env): string {
  return flag ?? env['ASTRA_PROVIDER'] ?? DEFAULT_PROVIDER;
}

export function resolveLogLevel(flags: { verbose?: boolean }, env: Env): string {
  if (flags.verbose) return 'debug';
  return z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).parse(env['LOG_LEVEL'] ?? 'info');
}

export function resolveTmpRoot(env: Env): string | undefined {
  return env['ASTRA_TMPDIR'] ? path.resolve(env['ASTRA_TMPDIR']) : undefined;
}

export const positiveInt =
  (name: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new UsageError(`${name} must be a positive integer, got "${value}"`);
    return parsed;
  };

export const positiveNumber =
  (name: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new UsageError(`${name} must be a positive number, got "${value}"`);
    return parsed;
  };

/** Bad usage (exit code 2), as opposed to a failed run (exit code 1). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** Redis of the mining queue (DESIGN §8): `--redis` ?? REDIS_URL ?? redis://127.0.0.1:6379. */
export function resolveRedisUrl(flag: string | undefined, env: Env): string {
  const value = flag ?? env['REDIS_URL'] ?? DEFAULT_REDIS_URL;
  const parsed = z.url({ protocol: /^rediss?$/ }).safeParse(value);
  if (!parsed.success) {
    throw new UsageError(
      `the Redis URL must be redis://[user:password@]host[:port][/db] or rediss://…, got "${value.replace(/\/\/[^@/]*@/, '//[redacted]@').slice(0, 80)}"`,
    );
  }
  return parsed.data;
}
