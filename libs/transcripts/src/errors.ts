/** Why a transcript (or caption file) could not be read or normalised. Never retryable: the input must change. */
export type TranscriptErrorCode =
  'invalid_transcript' | 'unsupported_format' | 'too_large' | 'invalid_captions' | 'no_captions' | 'read_failed';

/** Bad transcript data. `path` points at the offending field when known (`words[3].start`). */
export class TranscriptError extends Error {
  override readonly name = 'TranscriptError';
  readonly code: TranscriptErrorCode;
  readonly retryable = false as const;
  readonly path: string | undefined;

  constructor(code: TranscriptErrorCode, message: string, options: { cause?: unknown; path?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}
