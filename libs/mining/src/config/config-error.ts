/**
 * A setting has a bad value. Both apps report it as bad usage (the CLI exits 2, the worker refuses to start) with
 * the variable or flag named; `setting` is that name.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'invalid_config' as const;
  readonly retryable = false as const;
  readonly setting: string;

  constructor(setting: string, message: string) {
    super(`${setting}: ${message}`);
    this.setting = setting;
  }
}
