/** Stable reasons a download can fail; `retryable` tells a worker whether trying again later may help. */
export type DownloadErrorCode =
  | 'invalid_url'
  | 'invalid_options'
  | 'host_not_allowed'
  | 'address_not_allowed'
  | 'not_found'
  | 'unavailable'
  | 'forbidden'
  | 'rate_limited'
  | 'bot_check'
  | 'no_audio'
  | 'invalid_media'
  | 'timeout'
  | 'stalled'
  | 'aborted'
  | 'tool_missing'
  | 'tool_failed'
  | 'too_large';

/** Default `retryable` of each code (a thrower may override it, e.g. an age gate is `forbidden` but permanent). */
export const RETRYABLE_BY_CODE: Readonly<Record<DownloadErrorCode, boolean>> = {
  invalid_url: false,
  invalid_options: false,
  host_not_allowed: false,
  address_not_allowed: false,
  not_found: false,
  unavailable: true,
  forbidden: true,
  rate_limited: true,
  bot_check: true,
  no_audio: false,
  invalid_media: false,
  timeout: true,
  stalled: true,
  aborted: false,
  tool_missing: false,
  tool_failed: true,
  too_large: false,
};

export type DownloadErrorOptions = {
  cause?: unknown;
  retryable?: boolean;
  /** The failed command line, URL query strings and secret arguments redacted. */
  command?: string;
  exitCode?: number;
  signal?: string;
  timedOut?: boolean;
  /** Last lines of the tool's stderr (bounded, redacted). */
  stderrTail?: string;
};

/** The one error class of @astra/downloader. */
export class DownloadError extends Error {
  override readonly name = 'DownloadError';
  readonly code: DownloadErrorCode;
  readonly retryable: boolean;
  readonly command?: string;
  readonly exitCode?: number;
  readonly signal?: string;
  readonly timedOut?: boolean;
  readonly stderrTail?: string;

  constructor(code: DownloadErrorCode, message: string, options: DownloadErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable ?? RETRYABLE_BY_CODE[code];
    if (options.command !== undefined) this.command = options.command;
    if (options.exitCode !== undefined) this.exitCode = options.exitCode;
    if (options.signal !== undefined) this.signal = options.signal;
    if (options.timedOut !== undefined) this.timedOut = options.timedOut;
    if (options.stderrTail !== undefined) this.stderrTail = options.stderrTail;
  }
}

/** True when `error` is a DownloadError (also across duplicated copies of this package). */
export function isDownloadError(error: unknown): error is DownloadError {
  return (
    error instanceof DownloadError || (error instanceof Error && error.name === 'DownloadError' && 'code' in error)
  );
}
