import type { SessionFailure, SessionStage } from '../model';

/**
 * The structured failure of a stage: the error's own stable `code` and `retryable` (every lib's errors carry
 * them), `aborted` when the run's signal fired, and the first line of the message.
 */
export function describeFailure(
  stage: SessionStage,
  error: unknown,
  signal?: AbortSignal,
): SessionFailure & { stage: SessionStage } {
  const err = error instanceof Error ? error : new Error(String(error));
  const fields = err as Error & { code?: unknown; retryable?: unknown };
  const aborted = signal?.aborted === true;
  return {
    stage,
    code: aborted ? 'aborted' : typeof fields.code === 'string' ? fields.code : 'internal_error',
    retryable: aborted || fields.retryable === true,
    message: err.message.split('\n')[0] ?? err.message,
  };
}
