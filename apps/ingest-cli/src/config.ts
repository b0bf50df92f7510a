import os from 'node:os';
import path from 'node:path';
import {
  resolveRuntimeConfig,
  resolveToolMinimums,
  type Env,
  type RuntimeConfig,
  type RuntimeOverrides,
  type ToolMinimums,
} from '@astra/mining/config';

/** The shared runtime settings plus what only the CLI reads. */
export type CliConfig = RuntimeConfig & {
  /** Minimum tool versions (`ASTRA_MIN_YTDLP_VERSION`): older ones are warned about. */
  toolMinimums: ToolMinimums;
};

/**
 * The only place the CLI reads its environment: the shared runtime settings (`resolveRuntimeConfig`, the same
 * code the worker uses) with this command's flags on top. A bad value is a `ConfigError` naming the flag or
 * variable; `run()` reports it as bad usage (exit 2).
 */
export function loadConfig(flags: RuntimeOverrides, env: Env): CliConfig {
  const runtime = resolveRuntimeConfig(env, flags);
  return {
    ...runtime,
    tools: { ...runtime.tools, toolVersionsCacheFile: toolVersionsCacheFile(env) },
    toolMinimums: resolveToolMinimums(env),
  };
}

/**
 * Where downloads remember the versions of yt-dlp/ffmpeg/ffprobe per binary, so that a one-off command does not
 * start Python only for `yt-dlp --version`: the user's cache dir (XDG_CACHE_HOME, else ~/.cache). Unwritable: no
 * cache. The worker probes its tools once at start and needs none.
 */
function toolVersionsCacheFile(env: Env): string {
  const cacheHome = env['XDG_CACHE_HOME'] || path.join(env['HOME'] || os.homedir(), '.cache');
  return path.join(cacheHome, 'astra-ingest', 'tool-versions.json');
}

export type { Env };

/** Flag value parsers: commander prefixes the message with the flag and the value (`option '--concurrency <n>'
 * argument '0' is invalid. expected a whole number above 0`). */
export function positiveInt(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(parsed) || parsed < 1)
    throw new UsageError('expected a whole number above 0');
  return parsed;
}

export function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed <= 0) throw new UsageError('expected a number above 0');
  return parsed;
}

export function ratio(value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0 || parsed > 1)
    throw new UsageError('expected a number from 0 to 1');
  return parsed;
}

/** Bad usage (exit code 2), as opposed to a failed run (exit code 1). `code` says which rule was broken. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code: string;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'usage';
  }
}
