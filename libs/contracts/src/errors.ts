/** Stable codes of @astra/contracts: input that breaks a shared rule. Never retryable: the data must change. */
export type ContractErrorCode = 'invalid_tenant' | 'invalid_video_url' | 'invalid_transcript' | 'invalid_name';

/**
 * The one error class of this package. `path` names the offending field when known (`words[3].start`);
 * `cause` keeps the original error (a ZodError, a URL parse error).
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  readonly code: ContractErrorCode;
  readonly retryable = false as const;
  readonly path: string | undefined;

  constructor(code: ContractErrorCode, message: string, options: { cause?: unknown; path?: string } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.path = options.path;
  }
}
