export type CoreDevServerErrorCode = 'invalid_options' | 'listen_failed';

/** A dev server that cannot start. Request-time problems are HTTP answers, never thrown. */
export class CoreDevServerError extends Error {
  override readonly name = 'CoreDevServerError';
  readonly code: CoreDevServerErrorCode;
  readonly retryable = false as const;

  constructor(code: CoreDevServerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
