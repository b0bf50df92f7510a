import type { SessionFailure, SessionOutcome } from '@astra/mining';

/** Why a job's signal fired: the worker is shutting down, the job ran too long, or BullMQ cancelled it. */
export type AbortCause = 'shutdown' | 'timeout' | 'cancelled';

/**
 * What the worker does with one finished attempt; every decision but `complete` carries the failure as fields
 * (formatted into text only where BullMQ needs a message):
 * - `complete`: the job's return value;
 * - `retry`: BullMQ retries with the job's backoff while attempts remain;
 * - `fail`: `UnrecoverableError`, no retry (404 or private video, invalid DOCX, unsafe input...);
 * - `pause-source`: the source site answered with a bot check or 429: pause the whole fleet, put the job back;
 * - `release`: the worker is shutting down: put the job back in the wait list untouched.
 */
export type JobDecision =
  { kind: 'complete' } | { kind: 'retry' | 'fail' | 'pause-source' | 'release'; failure: SessionFailure };

/** Downloader codes that mean "the source is throttling us": back off as a fleet (architecture §8). */
export const SOURCE_LIMIT_CODES: ReadonlySet<string> = new Set(['rate_limited', 'bot_check']);

/** Maps an orchestrator outcome to a job decision; pure (see decide-job.test.ts for the table). */
export function decideJob(outcome: SessionOutcome, abortCause?: AbortCause): JobDecision {
  if (outcome.status === 'ok') return { kind: 'complete' };
  const { failure } = outcome;
  switch (abortCause) {
    case 'shutdown':
      return {
        kind: 'release',
        failure: {
          ...failure,
          code: 'released',
          retryable: true,
          message: `released at shutdown during ${failure.stage}`,
        },
      };
    case 'timeout':
      return {
        kind: 'retry',
        failure: { ...failure, code: 'timeout', retryable: true, message: 'the job ran longer than its time limit' },
      };
    case 'cancelled':
      return {
        kind: 'retry',
        failure: { ...failure, code: 'cancelled', retryable: true, message: 'the job was cancelled' },
      };
    case undefined:
      break;
  }
  if (SOURCE_LIMIT_CODES.has(failure.code)) return { kind: 'pause-source', failure };
  return { kind: failure.retryable ? 'retry' : 'fail', failure };
}
