import { describe, expect, it } from 'vitest';
import { readRedisPersistence, type RedisPersistence } from './health-checks';

function fakeRedis(config: Record<string, string> | Error) {
  return {
    async config(_verb: 'GET', name: string): Promise<unknown> {
      if (config instanceof Error) throw config;
      return [name, config[name] ?? ''];
    },
  };
}

describe('readRedisPersistence', () => {
  it.each<[string, Record<string, string> | Error, RedisPersistence]>([
    ['append-only file', { appendonly: 'yes', save: '' }, 'aof'],
    ['snapshots', { appendonly: 'no', save: '3600 1 300 100' }, 'rdb'],
    ['both', { appendonly: 'yes', save: '900 1' }, 'aof+rdb'],
    ['neither (jobs lost on restart)', { appendonly: 'no', save: '' }, 'none'],
    ['CONFIG refused by a managed Redis', new Error("ERR unknown command 'CONFIG'"), 'unknown'],
  ])('%s → %s', async (_label, config, expected) => {
    expect(await readRedisPersistence(fakeRedis(config), 1_000)).toBe(expected);
  });

  it('gives up after the timeout instead of hanging', async () => {
    const hanging = { config: () => new Promise<unknown>(() => undefined) };
    expect(await readRedisPersistence(hanging, 20)).toBe('unknown');
  });
});
