/** Stable error codes of @astra/aligner. Callers branch on `code`, never on `message`. */
export type AlignErrorCode =
  | 'invalid_options'
  | 'invalid_transcript'
  | 'invalid_acta'
  | 'invalid_number'
  | 'invalid_manifest_context'
  | 'invalid_segment';

export interface AlignErrorOptions {
  cause?: unknown;
  /** Where the bad value sits when known, e.g. `words[12].end`. */
  path?: string;
}

/**
 * The only error class this lib throws. Every failure is bad input (alignment itself never fails: an acta that
 * does not match the transcript yields rejected or no segments), so nothing here is retryable.
 */
export class AlignError extends Error {
  override readonly name = 'AlignError';
  readonly code: AlignErrorCode;
  readonly retryable = false as const;
  readonly path: string | undefined;

  constructor(code: AlignErrorCode, message: string, options: AlignErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}
