import { describe, expect, it } from 'vitest';
import { cliConnection } from './queue-connection';

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
