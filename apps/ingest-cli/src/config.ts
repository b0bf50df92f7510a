import { resolveRuntimeConfig, type Env, type RuntimeConfig, type RuntimeOverrides } from '@astra/mining';

/**
 * The only place the CLI reads its environment: the shared runtime settings (`resolveRuntimeConfig`, the same
 * code the worker uses) with this command's flags on top. A bad value is a `ConfigError` naming the flag or
 * variable; `run()` reports it as bad usage (exit 2).
 */
export function loadConfig(flags: RuntimeOverrides, env: Env): RuntimeConfig {
  return resolveRuntimeConfig(env, flags);
}

export type { Env };

export const positiveInt =
  (name: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1)
      throw new UsageError(`${name} must be a positive integer, got "${value}"`);
    return parsed;
  };

export const positiveNumber =
  (name: string) =>
  (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed <= 0)
      throw new UsageError(`${name} must be a positive number, got "${value}"`);
    return parsed;
  };

/** Bad usage (exit code 2), as opposed to a failed run (exit code 1). `code` says which rule was broken. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly code: string;

  constructor(message: string, options: { code?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code ?? 'usage';
  }
}
