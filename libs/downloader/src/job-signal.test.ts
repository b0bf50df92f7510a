import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DownloadError } from './errors';
import { createJobSignal, createStallWatchdog, toJobError } from './job-signal';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createJobSignal', () => {
  it('aborts with a timeout DownloadError after timeoutMs', () => {
    const job = createJobSignal({ timeoutMs: 1000, what: 'download' });
    vi.advanceTimersByTime(999);
    expect(job.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(job.signal.reason).toMatchObject({ name: 'DownloadError', code: 'timeout', retryable: true });
    job.dispose();
  });

  it('turns the caller abort into aborted, keeping the caller reason as cause', () => {
    const caller = new AbortController();
    const job = createJobSignal({ signal: caller.signal, timeoutMs: 1000, what: 'download' });
    caller.abort(new Error('shutdown'));
    expect(job.signal.reason).toMatchObject({ code: 'aborted', retryable: false, cause: { message: 'shutdown' } });
    job.dispose();
  });

  it('is aborted from the start for an already aborted signal, and fail() keeps the first reason', () => {
    const job = createJobSignal({ signal: AbortSignal.abort(), what: 'download' });
    job.fail(new DownloadError('too_large', 'x'));
    expect(job.signal.reason).toMatchObject({ code: 'aborted' });
    job.dispose();
  });

  it('does not fire after dispose', () => {
    const job = createJobSignal({ timeoutMs: 10, what: 'download' });
    job.dispose();
    vi.advanceTimersByTime(100);
    expect(job.signal.aborted).toBe(false);
  });
});

describe('createStallWatchdog', () => {
  it('aborts with stalled when not touched for stallTimeoutMs, and touching restarts the clock', () => {
    const parent = new AbortController();
    const watchdog = createStallWatchdog({ parent: parent.signal, stallTimeoutMs: 100, what: 'download' });
    vi.advanceTimersByTime(90);
    watchdog.touch();
    vi.advanceTimersByTime(90);
    expect(watchdog.signal.aborted).toBe(false);
    vi.advanceTimersByTime(10);
    expect(watchdog.signal.reason).toMatchObject({ code: 'stalled', retryable: true, timedOut: true });
    watchdog.dispose();
  });

  it('forwards the parent abort reason', () => {
    const parent = new AbortController();
    const watchdog = createStallWatchdog({ parent: parent.signal, stallTimeoutMs: 100, what: 'download' });
    const reason = new DownloadError('timeout', 'job timeout');
    parent.abort(reason);
    expect(watchdog.signal.reason).toBe(reason);
    watchdog.dispose();
  });
});

describe('toJobError', () => {
  it('prefers the abort reason over the error an interruption caused', () => {
    const controller = new AbortController();
    controller.abort(new DownloadError('aborted', 'cancelled'));
    const error = toJobError(new Error('The operation was aborted'), controller.signal, 'download');
    expect(error).toMatchObject({ code: 'aborted', message: 'cancelled' });
  });

  it('passes DownloadErrors through and wraps anything else as tool_failed with the cause', () => {
    const signal = new AbortController().signal;
    const own = new DownloadError('no_audio', 'none');
    expect(toJobError(own, signal, 'download')).toBe(own);
    const fsError = Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' });
    expect(toJobError(fsError, signal, 'download')).toMatchObject({ code: 'tool_failed', cause: fsError });
  });
});
