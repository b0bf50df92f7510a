import os from 'node:os';
import path from 'node:path';
import { languageSchema, providerSchema, TRANSCRIPT_SOURCE_KINDS, type TranscriptSourceKind } from '@astra/contracts';
import { parseStorageUri, type OpenStorageOptions } from '@astra/storage';
import { z } from 'zod';
import { ConfigError } from './config-error';
import { booleanText, firstSet, httpUrl, readSetting, readVariable, type Env } from './read-variable';

/**
 * Everything the pipeline needs to run, read once from the environment (and, in the CLI, flags on top). The CLI
 * and the worker build it with the same function, so a variable means the same thing, with the same default and
 * the same error, in both.
 */
export type RuntimeConfig = {
  storage: { uri: string; options: OpenStorageOptions };
  transcripts: TranscriptSourceKind;
  /** astra-core, when `ASTRA_CORE_URL` is set. */
  core: { baseUrl: string; token?: string } | undefined;
  /** Provider for sessions that name none. */
  provider: string;
  /** Language for sessions that name none. */
  language: string;
  tools: { ytDlpPath?: string; ffmpegPath?: string; ffprobePath?: string; toolVersionsCacheFile?: string };
  /** Parent of the temp dirs (`ASTRA_TMPDIR`, else the OS temp dir), absolute. */
  tmpRoot: string;
  /** Hosts a media URL may point to (empty: any public host). */
  allowedHosts: string[];
  /** Lets media URLs reach loopback and private addresses (local setups, the demo, tests). */
  allowPrivateNetwork: boolean;
  redisUrl: string;
  logLevel: LogLevel;
};

/** Flags an app lays on top of the environment (`--storage` over `ASTRA_STORAGE`, …). */
export type RuntimeOverrides = {
  storage?: string;
  s3Endpoint?: string;
  transcripts?: string;
  provider?: string;
  redis?: string;
  /** `--allow-private-network`: as `ASTRA_ALLOW_PRIVATE_NETWORK=true`. */
  allowPrivateNetwork?: boolean;
  /** `-v`: debug logs whatever `LOG_LEVEL` says. */
  verbose?: boolean;
};

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The embedded defaults: a local run needs no configuration and no credentials. */
export const RUNTIME_DEFAULTS = {
  storage: 'file://./.astra-data',
  provider: 'deepgram',
  language: 'es',
  redisUrl: 'redis://127.0.0.1:6379',
  logLevel: 'info',
} as const;

const redisUrl = z.url({
  protocol: /^rediss?$/,
  error: 'expected redis://[user:password@]host[:port][/db] or rediss://…',
});
const hostList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((host) => host.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'expected a comma-separated list of host names')));
const toolPath = z.string().min(1);

/**
 * flag ?? variable ?? default for every shared setting; throws {@link ConfigError} naming the flag or variable.
 * `cwd` resolves relative paths (storage dirs, `ASTRA_TMPDIR`).
 */
export function resolveRuntimeConfig(
  env: Env,
  overrides: RuntimeOverrides = {},
  options: { cwd?: string } = {},
): RuntimeConfig {
  const cwd = options.cwd ?? process.cwd();
  const core = resolveCore(env);
  const transcripts =
    readSetting(
      firstSet(
        { name: '--transcripts', value: overrides.transcripts },
        { name: 'ASTRA_TRANSCRIPTS', value: env['ASTRA_TRANSCRIPTS'] },
      ),
      z.enum(TRANSCRIPT_SOURCE_KINDS, { error: `expected one of ${TRANSCRIPT_SOURCE_KINDS.join(', ')}` }),
    ) ?? (core ? 'astra-core' : 'captions');
  if (transcripts === 'astra-core' && !core) {
    throw new ConfigError('ASTRA_CORE_URL', 'is required for astra-core transcripts (and usually ASTRA_CORE_TOKEN)');
  }
  const tmpDir = readVariable(env, 'ASTRA_TMPDIR', z.string());
  return {
    storage: resolveStorage(env, overrides, cwd),
    transcripts,
    core,
    provider:
      readSetting(
        firstSet(
          { name: '--provider', value: overrides.provider },
          { name: 'ASTRA_PROVIDER', value: env['ASTRA_PROVIDER'] },
        ),
        providerSchema,
      ) ?? RUNTIME_DEFAULTS.provider,
    language: readVariable(env, 'ASTRA_LANGUAGE', languageSchema, RUNTIME_DEFAULTS.language),
    tools: {
      ...optionalEntry('ytDlpPath', readVariable(env, 'YTDLP_PATH', toolPath)),
      ...optionalEntry('ffmpegPath', readVariable(env, 'FFMPEG_PATH', toolPath)),
      ...optionalEntry('ffprobePath', readVariable(env, 'FFPROBE_PATH', toolPath)),
    },
    tmpRoot: tmpDir ? path.resolve(cwd, tmpDir) : os.tmpdir(),
    allowedHosts: readVariable(env, 'ASTRA_ALLOWED_HOSTS', hostList, []),
    allowPrivateNetwork:
      overrides.allowPrivateNetwork === true || readVariable(env, 'ASTRA_ALLOW_PRIVATE_NETWORK', booleanText, false),
    redisUrl:
      readSetting(
        firstSet({ name: '--redis', value: overrides.redis }, { name: 'REDIS_URL', value: env['REDIS_URL'] }),
        redisUrl,
      ) ?? RUNTIME_DEFAULTS.redisUrl,
    logLevel: overrides.verbose
      ? 'debug'
      : readVariable(
          env,
          'LOG_LEVEL',
          z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }),
          RUNTIME_DEFAULTS.logLevel,
        ),
  };
}

function resolveCore(env: Env): RuntimeConfig['core'] {
  const baseUrl = readVariable(env, 'ASTRA_CORE_URL', httpUrl);
  if (!baseUrl) return undefined;
  const token = readVariable(env, 'ASTRA_CORE_TOKEN', z.string().regex(/^\S+$/, 'expected a token without spaces'));
  return { baseUrl, ...(token ? { token } : {}) };
}

/** Storage URI and S3 settings (architecture §3): the same URIs `openStorage` accepts, checked up front. */
function resolveStorage(env: Env, overrides: RuntimeOverrides, cwd: string): RuntimeConfig['storage'] {
  const setting = firstSet(
    { name: '--storage', value: overrides.storage },
    { name: 'ASTRA_STORAGE', value: env['ASTRA_STORAGE'] },
  );
  const uri = readSetting(setting, z.string()) ?? RUNTIME_DEFAULTS.storage;
  try {
    parseStorageUri(uri, cwd);
  } catch (error) {
    throw new ConfigError(setting.value?.trim() ? setting.name : 'ASTRA_STORAGE', (error as Error).message);
  }
  const endpoint = readSetting(
    firstSet(
      { name: '--s3-endpoint', value: overrides.s3Endpoint },
      { name: 'AWS_ENDPOINT_URL_S3', value: env['AWS_ENDPOINT_URL_S3'] },
      { name: 'AWS_ENDPOINT_URL', value: env['AWS_ENDPOINT_URL'] },
    ),
    httpUrl,
  );
  const region = readVariable(env, 'AWS_REGION', z.string()) ?? readVariable(env, 'AWS_DEFAULT_REGION', z.string());
  const forcePathStyle = readVariable(env, 'ASTRA_S3_FORCE_PATH_STYLE', booleanText);
  return {
    uri,
    options: {
      cwd,
      s3: {
        ...optionalEntry('endpoint', endpoint),
        ...optionalEntry('region', region),
        ...optionalEntry('forcePathStyle', forcePathStyle),
      },
    },
  };
}

function optionalEntry<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
