import { describeValue, isTenantId, TENANT_ID_PATTERN } from '@astra/contracts';
import { StorageError } from './errors';

/** Returns `id` unchanged, or throws `StorageError('invalid_tenant')`: no key is ever built from a bad tenant. */
export function assertTenantId(id: string): string {
  if (!isTenantId(id)) {
    throw new StorageError(
      'invalid_tenant',
      `Invalid tenant id ${describeValue(id)}: expected ${TENANT_ID_PATTERN.source}.`,
    );
  }
  return id;
}
