import type { SessionOutcome } from '@astra/mining';

/** Why a job's signal fired: the worker is shutting down, the job ran too long, or BullMQ cancelled it. */
export type AbortCause = 'shutdown' | 'timeout' | 'cancelled';

/**
 * What the worker does with one finished attempt:
 * - `complete`: the job's return value;
 * - `retry`: throw a plain Error, BullMQ retries with the job's backoff while attempts remain;
 * - `fail`: throw `UnrecoverableError`, no retry (404 or private video, invalid DOCX, unsafe input...);
 * - `pause-source`: the source site answered with a bot check or 429: pause the whole fleet, put the job back;
 * - `release`: the worker is shutting down: put the job back in the wait list untouched.
 */
export type JobDecision =
  | { kind: 'complete' }
  | { kind: 'retry'; message: string }
  | { kind: 'fail'; message: string }
  | { kind: 'pause-source'; message: string }
  | { kind: 'release'; message: string };

/** Downloader codes that mean "the source is throttling us" (DESIGN §8: back off as a fleet). */
export const SOURCE_LIMIT_CODES: ReadonlySet<string> = new Set(['rate_limited', 'bot_check']);

/** Maps an orchestrator outcome to a job decision; pure (see decide-job.test.ts for the table). */
export function decideJob(outcome: SessionOutcome, abortCause?: AbortCause): JobDecision {
  if (outcome.status === 'ok') return { kind: 'complete' };
  const message = failureMessage(outcome);
  if (abortCause === 'shutdown') return { kind: 'release', message: `released at shutdown during ${outcome.stage}` };
  if (abortCause === 'timeout')
    return { kind: 'retry', message: `[${outcome.stage}/timeout] the job ran longer than its time limit` };
  if (abortCause === 'cancelled')
    return { kind: 'retry', message: `[${outcome.stage}/cancelled] the job was cancelled` };
  if (outcome.code && SOURCE_LIMIT_CODES.has(outcome.code)) return { kind: 'pause-source', message };
  return outcome.retryable ? { kind: 'retry', message } : { kind: 'fail', message };
}

/** `[download/not_found] HTTP Error 404: Not Found` — what `status` shows as the failed reason. */
export function failureMessage(outcome: Extract<SessionOutcome, { status: 'failed' }>): string {
  return `[${outcome.stage}/${outcome.code ?? 'error'}] ${outcome.reason}`;
}
