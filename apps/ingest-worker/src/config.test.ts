import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, MIN_YTDLP_VERSION, type Env } from '@astra/mining';
import { DEFAULT_WORKER_SETTINGS, resolveWorkerConfig } from './config';

const base = { cwd: '/srv/astra', hostname: 'box-1', pid: 4242 };

function configError(env: Env): ConfigError {
  try {
    resolveWorkerConfig(env, base);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveWorkerConfig', () => {
  it('applies the defaults with an empty environment', () => {
    const config = resolveWorkerConfig({}, base);
    expect(config).toMatchObject({
      runtime: {
        redisUrl: 'redis://127.0.0.1:6379',
        storage: { uri: 'file://./.astra-data', options: { cwd: '/srv/astra', s3: {} } },
        transcripts: 'captions',
        core: undefined,
        provider: 'deepgram',
        tools: {},
        allowedHosts: [],
        allowPrivateNetwork: false,
        logLevel: 'info',
      },
      toolMinimums: { ytDlp: MIN_YTDLP_VERSION },
      name: 'box-1-4242',
      concurrency: 1,
      http: { host: '0.0.0.0', port: 9464 },
      lockDurationMs: DEFAULT_WORKER_SETTINGS.lockDurationMs,
      stalledIntervalMs: DEFAULT_WORKER_SETTINGS.stalledIntervalMs,
      shutdownTimeoutMs: DEFAULT_WORKER_SETTINGS.shutdownTimeoutMs,
      rateLimit: { max: 20, durationMs: 60_000 },
      sourcePauseMs: 300_000,
    });
    expect(path.basename(config.tmpBase)).toBe('astra-worker');
  });

  it('reads every variable', () => {
    const config = resolveWorkerConfig(
      {
        REDIS_URL: 'redis://:pw@redis.internal:6380/2',
        ASTRA_STORAGE: 's3://astra-raw',
        AWS_REGION: 'eu-west-1',
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000',
        ASTRA_S3_FORCE_PATH_STYLE: 'true',
        ASTRA_CORE_URL: 'https://core.example.org',
        ASTRA_CORE_TOKEN: 'sekret',
        ASTRA_PROVIDER: 'whisper',
        YTDLP_PATH: '/opt/yt-dlp',
        FFMPEG_PATH: '/opt/ffmpeg',
        FFPROBE_PATH: '/opt/ffprobe',
        ASTRA_ALLOWED_HOSTS: 'youtube.com, *.googlevideo.com',
        ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
        ASTRA_MIN_YTDLP_VERSION: '2024.01.01',
        ASTRA_TMPDIR: 'tmp',
        WORKER_NAME: 'w-7',
        WORKER_CONCURRENCY: '3',
        WORKER_HTTP_HOST: '127.0.0.1',
        WORKER_HTTP_PORT: '0',
        WORKER_LOCK_DURATION_MS: '2000',
        WORKER_STALLED_INTERVAL_MS: '1000',
        WORKER_MAX_STALLED_COUNT: '5',
        WORKER_MAX_STARTED_ATTEMPTS: '9',
        WORKER_JOB_TIMEOUT_MS: '60000',
        WORKER_SHUTDOWN_TIMEOUT_MS: '0',
        WORKER_RATE_LIMIT_MAX: '0',
        WORKER_RATE_LIMIT_DURATION_MS: '1000',
        WORKER_SOURCE_PAUSE_MS: '1500',
        LOG_LEVEL: 'debug',
      },
      base,
    );
    expect(config).toEqual({
      runtime: {
        redisUrl: 'redis://:pw@redis.internal:6380/2',
        storage: {
          uri: 's3://astra-raw',
          options: {
            cwd: '/srv/astra',
            s3: { endpoint: 'http://127.0.0.1:9000', region: 'eu-west-1', forcePathStyle: true },
          },
        },
        transcripts: 'astra-core',
        core: { baseUrl: 'https://core.example.org', token: 'sekret' },
        provider: 'whisper',
        language: 'es',
        tools: { ytDlpPath: '/opt/yt-dlp', ffmpegPath: '/opt/ffmpeg', ffprobePath: '/opt/ffprobe' },
        tmpRoot: '/srv/astra/tmp',
        allowedHosts: ['youtube.com', '*.googlevideo.com'],
        allowPrivateNetwork: true,
        logLevel: 'debug',
      },
      toolMinimums: { ytDlp: '2024.01.01' },
      tmpBase: '/srv/astra/tmp/astra-worker',
      name: 'w-7',
      concurrency: 3,
      http: { host: '127.0.0.1', port: 0 },
      lockDurationMs: 2000,
      stalledIntervalMs: 1000,
      maxStalledCount: 5,
      maxStartedAttempts: 9,
      jobTimeoutMs: 60_000,
      shutdownTimeoutMs: 0,
      rateLimit: { max: 0, durationMs: 1000 },
      sourcePauseMs: 1500,
    });
  });

  it('defaults to astra-core when ASTRA_CORE_URL is set, like the CLI', () => {
    expect(resolveWorkerConfig({ ASTRA_CORE_URL: 'http://127.0.0.1:8080' }, base).runtime).toMatchObject({
      transcripts: 'astra-core',
      core: { baseUrl: 'http://127.0.0.1:8080' },
    });
    expect(
      resolveWorkerConfig({ ASTRA_CORE_URL: 'http://127.0.0.1:8080', ASTRA_TRANSCRIPTS: 'captions' }, base).runtime
        .transcripts,
    ).toBe('captions');
  });

  it('falls back to AWS_ENDPOINT_URL and AWS_DEFAULT_REGION', () => {
    const config = resolveWorkerConfig(
      { AWS_ENDPOINT_URL: 'http://minio:9000', AWS_DEFAULT_REGION: 'us-east-2' },
      base,
    );
    expect(config.runtime.storage.options.s3).toEqual({ endpoint: 'http://minio:9000', region: 'us-east-2' });
  });

  it.each<[string, Env, string]>([
    ['REDIS_URL not redis', { REDIS_URL: 'http://x' }, 'REDIS_URL'],
    ['WORKER_CONCURRENCY zero', { WORKER_CONCURRENCY: '0' }, 'WORKER_CONCURRENCY'],
    ['WORKER_CONCURRENCY not a number', { WORKER_CONCURRENCY: 'two' }, 'WORKER_CONCURRENCY'],
    ['WORKER_HTTP_PORT out of range', { WORKER_HTTP_PORT: '70000' }, 'WORKER_HTTP_PORT'],
    ['WORKER_SHUTDOWN_TIMEOUT_MS negative', { WORKER_SHUTDOWN_TIMEOUT_MS: '-1' }, 'WORKER_SHUTDOWN_TIMEOUT_MS'],
    ['ASTRA_TRANSCRIPTS file (no local files on a worker)', { ASTRA_TRANSCRIPTS: 'file' }, 'ASTRA_TRANSCRIPTS'],
    ['astra-core without its URL', { ASTRA_TRANSCRIPTS: 'astra-core' }, 'ASTRA_CORE_URL'],
    ['ASTRA_STORAGE of another scheme', { ASTRA_STORAGE: 'gs://bucket' }, 'ASTRA_STORAGE'],
    ['ASTRA_S3_FORCE_PATH_STYLE not a boolean', { ASTRA_S3_FORCE_PATH_STYLE: 'yes' }, 'ASTRA_S3_FORCE_PATH_STYLE'],
    ['ASTRA_PROVIDER with spaces', { ASTRA_PROVIDER: 'deep gram' }, 'ASTRA_PROVIDER'],
    ['LOG_LEVEL unknown', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    ['WORKER_NAME with a slash', { WORKER_NAME: 'a/b' }, 'WORKER_NAME'],
    ['ASTRA_ALLOWED_HOSTS with a URL', { ASTRA_ALLOWED_HOSTS: 'https://youtube.com' }, 'ASTRA_ALLOWED_HOSTS'],
  ])('rejects %s', (_name, env, variable) => {
    const error = configError(env);
    expect(error.setting).toBe(variable);
    expect(error.message.startsWith(`${variable}: `)).toBe(true);
  });

  it('never echoes a Redis password or a token in the error', () => {
    const redis = configError({ REDIS_URL: 'http://user:hunter2@redis:6379' });
    expect(redis.message).not.toContain('hunter2');
    expect(redis.message).toContain('redacted@redis');
    const core = configError({ ASTRA_CORE_URL: 'ftp://x', ASTRA_CORE_TOKEN: 'tok-123' });
    expect(core.setting).toBe('ASTRA_CORE_URL');
    expect(core.message).not.toContain('tok-123');
  });
});
