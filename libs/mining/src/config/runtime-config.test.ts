import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import type { Env } from './read-variable';
import { resolveRuntimeConfig, RUNTIME_DEFAULTS, type RuntimeOverrides } from './runtime-config';

function configError(env: Env, overrides: RuntimeOverrides = {}): ConfigError {
  try {
    resolveRuntimeConfig(env, overrides, { cwd: '/w' });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveRuntimeConfig', () => {
  it('runs on embedded defaults: local storage, captions, no credentials', () => {
    expect(resolveRuntimeConfig({}, {}, { cwd: '/w' })).toMatchObject({
      storage: { uri: RUNTIME_DEFAULTS.storage, options: { cwd: '/w', s3: {} } },
      transcripts: 'captions',
      core: undefined,
      provider: 'deepgram',
      language: 'es',
      tools: {},
      allowedHosts: [],
      allowPrivateNetwork: false,
      redisUrl: 'redis://127.0.0.1:6379',
      logLevel: 'info',
    });
  });

  it('lays flags over the environment and the environment over the defaults', () => {
    const env = {
      ASTRA_STORAGE: 'file:///ignored',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000',
      AWS_REGION: 'eu-south-2',
      ASTRA_S3_FORCE_PATH_STYLE: 'true',
      ASTRA_PROVIDER: 'whisper',
      REDIS_URL: 'redis://env:6379',
      LOG_LEVEL: 'warn',
    };
    const config = resolveRuntimeConfig(
      env,
      { storage: 's3://astra-raw', provider: 'deepgram', redis: 'redis://flag:6379', s3Endpoint: 'http://localhost:1' },
      { cwd: '/w' },
    );
    expect(config).toMatchObject({
      storage: {
        uri: 's3://astra-raw',
        options: { s3: { endpoint: 'http://localhost:1', region: 'eu-south-2', forcePathStyle: true } },
      },
      provider: 'deepgram',
      redisUrl: 'redis://flag:6379',
      logLevel: 'warn',
    });
    expect(resolveRuntimeConfig(env, { verbose: true }).logLevel).toBe('debug');
  });

  it('treats empty and blank values as unset, and trims', () => {
    const config = resolveRuntimeConfig(
      { ASTRA_STORAGE: '', ASTRA_PROVIDER: '   ', REDIS_URL: ' redis://r:1 ', ASTRA_TMPDIR: ' tmp ' },
      { storage: '' },
      { cwd: '/w' },
    );
    expect(config).toMatchObject({
      storage: { uri: RUNTIME_DEFAULTS.storage },
      provider: 'deepgram',
      redisUrl: 'redis://r:1',
      tmpRoot: '/w/tmp',
    });
  });

  it.each([
    [{}, undefined, 'captions'],
    [{ ASTRA_CORE_URL: 'http://core' }, undefined, 'astra-core'],
    [{ ASTRA_CORE_URL: 'http://core' }, 'file', 'file'],
    [{ ASTRA_TRANSCRIPTS: 'captions', ASTRA_CORE_URL: 'http://core' }, undefined, 'captions'],
  ])('chooses the transcript source: env %o, flag %s → %s', (env, flag, expected) => {
    expect(resolveRuntimeConfig(env, flag ? { transcripts: flag } : {}).transcripts).toBe(expected);
  });

  it('accepts every storage URI openStorage accepts, plain paths included', () => {
    expect(resolveRuntimeConfig({ ASTRA_STORAGE: './data' }).storage.uri).toBe('./data');
    expect(resolveRuntimeConfig({ ASTRA_STORAGE: 's3://astra-raw/prefix' }).storage.uri).toBe('s3://astra-raw/prefix');
  });

  it.each<[string, Env, RuntimeOverrides, string]>([
    ['another storage scheme', { ASTRA_STORAGE: 'gs://bucket' }, {}, 'ASTRA_STORAGE'],
    ['a bad --storage flag (named as the flag)', {}, { storage: 'gs://bucket' }, '--storage'],
    ['a non-boolean path-style switch', { ASTRA_S3_FORCE_PATH_STYLE: 'yes' }, {}, 'ASTRA_S3_FORCE_PATH_STYLE'],
    ['an endpoint that is not a URL', { AWS_ENDPOINT_URL_S3: 'not a url' }, {}, 'AWS_ENDPOINT_URL_S3'],
    ['an unknown transcript source', {}, { transcripts: 'whisper' }, '--transcripts'],
    ['astra-core without its URL', { ASTRA_TRANSCRIPTS: 'astra-core' }, {}, 'ASTRA_CORE_URL'],
    ['a provider with spaces', { ASTRA_PROVIDER: 'deep gram' }, {}, 'ASTRA_PROVIDER'],
    ['a provider flag in capitals', {}, { provider: 'Deepgram' }, '--provider'],
    ['a language that is not BCP-47', { ASTRA_LANGUAGE: 'spanish' }, {}, 'ASTRA_LANGUAGE'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, {}, 'LOG_LEVEL'],
    ['a Redis URL of another scheme', { REDIS_URL: 'http://x' }, {}, 'REDIS_URL'],
    ['a URL in the host allowlist', { ASTRA_ALLOWED_HOSTS: 'https://youtube.com' }, {}, 'ASTRA_ALLOWED_HOSTS'],
    [
      'a non-boolean private-network switch',
      { ASTRA_ALLOW_PRIVATE_NETWORK: 'sure' },
      {},
      'ASTRA_ALLOW_PRIVATE_NETWORK',
    ],
  ])('refuses %s, naming the setting', (_label, env, overrides, setting) => {
    const error = configError(env, overrides);
    expect(error.setting).toBe(setting);
    expect(error.message.startsWith(`${setting}: `)).toBe(true);
    expect(error.code).toBe('invalid_config');
  });

  it('never echoes a password or a token', () => {
    const redis = configError({ REDIS_URL: 'http://user:hunter2@redis:6379' });
    expect(redis.message).not.toContain('hunter2');
    expect(redis.message).toContain('http://redacted@redis:6379');
    const token = configError({ ASTRA_CORE_URL: 'http://core', ASTRA_CORE_TOKEN: 'tok en-123' });
    expect(token.setting).toBe('ASTRA_CORE_TOKEN');
    expect(token.message).not.toContain('en-123');
  });
});
