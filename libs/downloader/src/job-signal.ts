import { DownloadError, isDownloadError } from './errors';
import { redactText } from '@astra/contracts';

export type JobSignal = {
  signal: AbortSignal;
  /** Stops the job with this error (used by steps that detect a problem while a tool runs). */
  fail(error: DownloadError): void;
  dispose(): void;
};

/**
 * One AbortSignal for a whole job: the caller's signal (→ `aborted`), the overall timeout (→ `timeout`) and
 * `fail()`. The abort reason is always a DownloadError, which is what runTool throws.
 */
export function createJobSignal(options: { signal?: AbortSignal; timeoutMs?: number; what: string }): JobSignal {
  const controller = new AbortController();
  const abortFromCaller = () => {
    controller.abort(
      new DownloadError('aborted', `The ${options.what} was aborted`, { cause: options.signal?.reason }),
    );
  };
  if (options.signal?.aborted) abortFromCaller();
  else options.signal?.addEventListener('abort', abortFromCaller, { once: true });

  const timer =
    options.timeoutMs !== undefined && options.timeoutMs > 0
      ? setTimeout(() => {
          controller.abort(
            new DownloadError('timeout', `The ${options.what} did not finish within ${options.timeoutMs} ms`, {
              timedOut: true,
            }),
          );
        }, options.timeoutMs)
      : undefined;

  return {
    signal: controller.signal,
    fail(error) {
      if (!controller.signal.aborted) controller.abort(error);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', abortFromCaller);
    },
  };
}

export type StallWatchdog = {
  /** Aborts when the job does or when no progress was reported for `stallTimeoutMs`. */
  signal: AbortSignal;
  /** Progress was made: restart the clock. */
  touch(): void;
  dispose(): void;
};

/** A no-progress watchdog for one tool run, chained to the job's signal. */
export function createStallWatchdog(options: {
  parent: AbortSignal;
  stallTimeoutMs?: number;
  what: string;
}): StallWatchdog {
  const controller = new AbortController();
  const forward = () => controller.abort(options.parent.reason);
  if (options.parent.aborted) forward();
  else options.parent.addEventListener('abort', forward, { once: true });

  const limit = options.stallTimeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    if (limit === undefined || limit <= 0 || controller.signal.aborted) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort(
        new DownloadError('stalled', `The ${options.what} made no progress for ${limit} ms`, { timedOut: true }),
      );
    }, limit);
  };
  arm();

  return {
    signal: controller.signal,
    touch: arm,
    dispose() {
      if (timer) clearTimeout(timer);
      options.parent.removeEventListener('abort', forward);
    },
  };
}

/**
 * The error a job ends with: the abort reason wins over whatever the interruption caused (an AbortError from a
 * stream, a killed tool); any other non-DownloadError (file system) becomes `tool_failed`.
 */
export function toJobError(error: unknown, signal: AbortSignal, what: string): DownloadError {
  if (signal.aborted && isDownloadError(signal.reason)) {
    const reason = signal.reason;
    if (isDownloadError(error) && error.code === reason.code) return error;
    return new DownloadError(reason.code, reason.message, {
      cause: reason.cause ?? error,
      retryable: reason.retryable,
    });
  }
  if (isDownloadError(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DownloadError('tool_failed', `The ${what} failed: ${redactText(message)}`, { cause: error });
}
