import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MediaCheck } from './check-media-url';
import { checkMediaUrls } from './check-media-urls';

afterEach(() => {
  vi.useRealTimers();
});

/** A check that answers at once for `fast*` URLs and waits for the budget to run out for the others. */
function fakeCheck() {
  const calls: string[] = [];
  const check = (url: string, signal: AbortSignal) => {
    calls.push(url);
    if (url.startsWith('fast')) return Promise.resolve<MediaCheck>({ status: 'ok', via: 'head' });
    return new Promise<MediaCheck>((resolve) =>
      signal.addEventListener('abort', () => resolve({ status: 'not_checked', reason: 'stopped' })),
    );
  };
  return { check, calls };
}

describe('checkMediaUrls', () => {
  it('checks each distinct URL once', async () => {
    const { check, calls } = fakeCheck();
    const results = await checkMediaUrls(['fast-a', 'fast-b', 'fast-a'], check, { concurrency: 4, budgetMs: 60_000 });
    expect(calls.sort()).toEqual(['fast-a', 'fast-b']);
    expect([...results.keys()]).toEqual(['fast-a', 'fast-b']);
  });

  it('stops at the budget and reports what it could not check', async () => {
    vi.useFakeTimers();
    const { check, calls } = fakeCheck();
    const pending = checkMediaUrls(['fast-a', 'slow-b', 'fast-c', 'slow-d'], check, { concurrency: 1, budgetMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    const results = await pending;
    expect(calls).toEqual(['fast-a', 'slow-b']);
    expect(results.get('fast-a')).toEqual({ status: 'ok', via: 'head' });
    expect(results.get('slow-b')?.status).toBe('not_checked');
    expect(results.get('fast-c')).toEqual({
      status: 'not_checked',
      reason: "the dry run's 1 s budget for URL checks ran out",
    });
    expect(results.get('slow-d')?.status).toBe('not_checked');
  });
});
