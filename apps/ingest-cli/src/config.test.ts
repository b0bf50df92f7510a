import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STORAGE_URI,
  resolveCoreConfig,
  resolveLogLevel,
  resolveStorageConfig,
  resolveTranscriptSource,
} from './config';

describe('resolveStorageConfig', () => {
  it('defaults to local file storage with no S3 settings', () => {
    expect(resolveStorageConfig({}, {}, '/work')).toEqual({
      uri: DEFAULT_STORAGE_URI,
      options: { cwd: '/work', s3: {} },
    });
  });

  it('takes the flag over ASTRA_STORAGE and reads the AWS variables of DESIGN §3', () => {
    const env = {
      ASTRA_STORAGE: 'file:///ignored',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000',
      AWS_REGION: 'eu-south-2',
      ASTRA_S3_FORCE_PATH_STYLE: 'true',
    };
    expect(resolveStorageConfig({ storage: 's3://astra-raw' }, env, '/w')).toEqual({
      uri: 's3://astra-raw',
      options: { cwd: '/w', s3: { endpoint: 'http://127.0.0.1:9000', region: 'eu-south-2', forcePathStyle: true } },
    });
  });

  it('prefers --s3-endpoint over the environment', () => {
    const config = resolveStorageConfig(
      { s3Endpoint: 'http://localhost:1' },
      { AWS_ENDPOINT_URL_S3: 'http://other:2' },
    );
    expect(config.options.s3?.endpoint).toBe('http://localhost:1');
  });

  it.each([[{ ASTRA_S3_FORCE_PATH_STYLE: 'yes' }], [{ AWS_ENDPOINT_URL_S3: 'not a url' }]])(
    'rejects bad values (%o)',
    (env) => {
      expect(() => resolveStorageConfig({}, env)).toThrow();
    },
  );
});

describe('resolveTranscriptSource', () => {
  it.each([
    [undefined, {}, 'captions'],
    [undefined, { ASTRA_CORE_URL: 'http://core' }, 'astra-core'],
    ['file', { ASTRA_CORE_URL: 'http://core' }, 'file'],
    [undefined, { ASTRA_TRANSCRIPTS: 'captions', ASTRA_CORE_URL: 'http://core' }, 'captions'],
  ])('flag %s with env %o → %s', (flag, env, expected) => {
    expect(resolveTranscriptSource(flag, env)).toBe(expected);
  });

  it('rejects an unknown source', () => {
    expect(() => resolveTranscriptSource('whisper', {})).toThrow();
  });
});

describe('resolveCoreConfig', () => {
  it('is absent without ASTRA_CORE_URL and carries the token when set', () => {
    expect(resolveCoreConfig({})).toBeUndefined();
    expect(resolveCoreConfig({ ASTRA_CORE_URL: 'http://core:8080', ASTRA_CORE_TOKEN: 'secret' })).toEqual({
      baseUrl: 'http://core:8080',
      token: 'secret',
    });
  });
});

describe('resolveLogLevel', () => {
  it('uses --verbose, then LOG_LEVEL, then info', () => {
    expect(resolveLogLevel({ verbose: true }, { LOG_LEVEL: 'warn' })).toBe('debug');
    expect(resolveLogLevel({}, { LOG_LEVEL: 'warn' })).toBe('warn');
    expect(resolveLogLevel({}, {})).toBe('info');
    expect(() => resolveLogLevel({}, { LOG_LEVEL: 'loud' })).toThrow();
  });
});
