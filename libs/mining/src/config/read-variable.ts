import { redactUrl } from '@astra/contracts';
import { z } from 'zod';
import { ConfigError } from './config-error';

/** The process environment as the apps pass it in (libs never read `process.env` themselves). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A value from the environment or a flag, with the name the user wrote it under (`ASTRA_STORAGE`, `--storage`). */
export type Setting = { name: string; value: string | undefined };

/** Variables whose value is a secret: never echoed in an error. */
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|KEY/i;

/**
 * Reads one setting the same way everywhere: trimmed, empty means unset (so `VAR=` in a compose file does not
 * override a default with nothing), then checked by `schema`. A bad value throws {@link ConfigError} naming the
 * variable or flag and what was expected, never a raw zod error, never a secret.
 */
export function readSetting<T>(setting: Setting, schema: z.ZodType<T>): T | undefined {
  const raw = setting.value?.trim();
  if (raw === undefined || raw === '') return undefined;
  const result = schema.safeParse(raw);
  if (!result.success) {
    const expected = result.error.issues[0]?.message ?? 'invalid value';
    throw new ConfigError(setting.name, `${expected} (got ${shown(setting.name, raw)})`);
  }
  return result.data;
}

/** `readSetting` of an environment variable, with a default. */
export function readVariable<T>(env: Env, name: string, schema: z.ZodType<T>, fallback: T): T;
export function readVariable<T>(env: Env, name: string, schema: z.ZodType<T>): T | undefined;
export function readVariable<T>(env: Env, name: string, schema: z.ZodType<T>, fallback?: T): T | undefined {
  return readSetting({ name, value: env[name] }, schema) ?? fallback;
}

/** The first setting that is set (a flag before its variable): `flag ?? env ?? default` with the right name in errors. */
export function firstSet(...settings: Setting[]): Setting {
  return (
    settings.find((s) => s.value !== undefined && s.value.trim() !== '') ??
    settings.at(-1) ?? { name: '', value: undefined }
  );
}

/** A whole number within bounds, written in decimal digits. */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`));
}

export const booleanText = z
  .enum(['true', 'false', '1', '0'], { error: 'expected true or false' })
  .transform((value) => value === 'true' || value === '1');

export const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

function shown(name: string, raw: string): string {
  if (SECRET_NAME.test(name)) return '[redacted]';
  const text = redactUrl(raw);
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 80)}…` : text);
}
