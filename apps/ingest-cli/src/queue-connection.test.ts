import { describe, expect, it } from 'vitest';
import { resolveRedisUrl, UsageError } from './config';
import { cliConnection, redactRedisUrl } from './queue-connection';

describe('resolveRedisUrl', () => {
  it.each<[string | undefined, Record<string, string>, string]>([
    ['redis://flag:6379', { REDIS_URL: 'redis://env:6379' }, 'redis://flag:6379'],
    [undefined, { REDIS_URL: 'rediss://user:pw@env:6380/2' }, 'rediss://user:pw@env:6380/2'],
    [undefined, {}, 'redis://127.0.0.1:6379'],
  ])('flag %s, env %o → %s', (flag, env, url) => {
    expect(resolveRedisUrl(flag, env)).toBe(url);
  });

  it('rejects a URL of another scheme as bad usage, without echoing its password', () => {
    let thrown: unknown;
    try {
      resolveRedisUrl('http://user:hunter2@host:6379', {});
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as Error).message).toContain('http://[redacted]@host:6379');
    expect((thrown as Error).message).not.toContain('hunter2');
  });
});

describe('redactRedisUrl', () => {
  it.each([
    ['redis://user:secret@host:6379/0', 'redis://[redacted]@host:6379/0'],
    ['redis://:secret@host', 'redis://[redacted]@host'],
    ['redis://127.0.0.1:6379', 'redis://127.0.0.1:6379'],
  ])('%s → %s', (url, redacted) => {
    expect(redactRedisUrl(url)).toBe(redacted);
  });
});

describe('cliConnection', () => {
  it('gives up reconnecting after a few tries so a command fails fast', () => {
    const options = cliConnection('redis://127.0.0.1:6379') as {
      url: string;
      retryStrategy: (times: number) => number | null;
      maxRetriesPerRequest: number;
    };
    expect(options.url).toBe('redis://127.0.0.1:6379');
    expect(options.maxRetriesPerRequest).toBe(1);
    expect([1, 2, 3].map(options.retryStrategy)).toEqual([200, 400, null]);
  });
});
