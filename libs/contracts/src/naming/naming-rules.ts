import { z } from 'zod';

/**
 * The names every stage checks the same way (architecture §2): a CSV row that passes planning passes the
 * downloader, storage and astra-core too. Patterns are anchored; `.source` gives the string for OpenAPI.
 */

/** Tenant ids: lower-case ASCII letters, digits, `_` and `-`; 1..63 characters; first a letter or digit. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
/** Transcription providers of astra-core (`deepgram`, `whisper`, `openai-whisper-1`): same length as a tenant. */
export const PROVIDER_PATTERN = /^[a-z0-9][a-z0-9_.-]{0,62}$/;
/** A BCP-47 language tag, loosely: a 2-3 letter language, then subtags (`es`, `es-ES`, `ca-valencia`, `es-419`). */
export const LANGUAGE_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;
/** Dataset names (`--name`): one path segment under `datasets/`, same alphabet and length as a tenant id. */
export const DATASET_NAME_PATTERN = TENANT_ID_PATTERN;
/** Session ids are UUIDs (v5 from {@link sessionIdFor}; any version is accepted when read back). */
export const SESSION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const tenantIdSchema = z
  .string()
  .regex(TENANT_ID_PATTERN, 'expected a tenant id: a-z, 0-9, _ and -, 1-63 characters');
export const datasetNameSchema = z
  .string()
  .regex(DATASET_NAME_PATTERN, 'expected a dataset name: a-z, 0-9, _ and -, 1-63 characters');
export const providerSchema = z.string().regex(PROVIDER_PATTERN, 'expected a provider name such as deepgram');
export const languageSchema = z.string().regex(LANGUAGE_PATTERN, 'expected a BCP-47 language tag such as es or es-ES');

export function isTenantId(value: unknown): boolean {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

export function isSessionId(value: unknown): boolean {
  return typeof value === 'string' && SESSION_ID_PATTERN.test(value);
}

export function isDatasetName(value: unknown): boolean {
  return typeof value === 'string' && DATASET_NAME_PATTERN.test(value);
}
