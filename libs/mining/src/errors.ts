export type MiningErrorCode = 'invalid_input' | 'stage_failed' | 'aborted';

/** Errors of the mining pipeline itself; a failed stage keeps the stage's own error as `cause`. */
export class MiningError extends Error {
  override readonly name = 'MiningError';
  readonly code: MiningErrorCode;
  readonly retryable: boolean;

  constructor(code: MiningErrorCode, message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? false;
  }
}
