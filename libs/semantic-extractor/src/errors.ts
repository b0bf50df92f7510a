/** Why an acta could not be read. Every code is permanent: retrying the same bytes gives the same answer. */
export type ActaErrorCode =
  | 'not_zip'
  | 'not_docx'
  | 'encrypted'
  | 'legacy_doc'
  | 'too_large'
  | 'zip_bomb'
  | 'corrupt'
  | 'empty'
  | 'unreadable'
  | 'no_text_layer'
  | 'timeout';

export type ActaErrorOptions = {
  cause?: unknown;
};

/** The one error class of this lib: a stable `code`, never retryable, the original error as `cause`. */
export class ActaError extends Error {
  override readonly name = 'ActaError';
  readonly code: ActaErrorCode;
  readonly retryable = false as const;

  constructor(code: ActaErrorCode, message: string, options: ActaErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
