import { describeValue } from './describe-value';
import { StorageError } from './errors';

/** DESIGN §2: lower-case ASCII letters, digits, `_` and `-`; 1..63 characters; starts with a letter or digit. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;

export function isTenantId(id: string): boolean {
  return typeof id === 'string' && TENANT_ID_PATTERN.test(id);
}

/** Returns `id` unchanged, or throws `StorageError('invalid_tenant')`. */
export function assertTenantId(id: string): string {
  if (!isTenantId(id)) {
    throw new StorageError(
      'invalid_tenant',
      `Invalid tenant id ${describeValue(id)}: expected ${TENANT_ID_PATTERN.source}.`,
    );
  }
  return id;
}
