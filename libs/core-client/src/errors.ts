/** Why a call to astra-core failed. Stable: callers and the worker branch on it. */
export type CoreClientErrorCode =
  | 'invalid_request'
  | 'http_status'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'too_large'
  | 'invalid_response'
  | 'transcription_failed'
  | 'gave_up';

export type CoreClientErrorOptions = {
  retryable: boolean;
  cause?: unknown;
  status?: number;
  requestId?: string;
  remoteCode?: string;
  transcriptionId?: string;
  attempts?: number;
};

/**
 * Every failure of {@link CoreClient}. The message never contains the token or a signed URL's query string.
 * `status` is the HTTP status when there was one; `remoteCode` the `error.code` astra-core sent back;
 * `attempts` how many HTTP attempts were made for the failing call (retries included).
 */
export class CoreClientError extends Error {
  override readonly name = 'CoreClientError';
  readonly code: CoreClientErrorCode;
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly remoteCode: string | undefined;
  readonly transcriptionId: string | undefined;
  readonly attempts: number | undefined;

  constructor(code: CoreClientErrorCode, message: string, options: CoreClientErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.retryable = options.retryable;
    this.status = options.status;
    this.requestId = options.requestId;
    this.remoteCode = options.remoteCode;
    this.transcriptionId = options.transcriptionId;
    this.attempts = options.attempts;
  }
}
