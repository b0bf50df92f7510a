import { v5 as uuidv5 } from 'uuid';
import { canonicalVideoUrl } from './canonical-video-url';
import { describeValue } from '../describe-value';
import { ContractError } from '../errors';
import { isTenantId, TENANT_ID_PATTERN } from '../naming/naming-rules';

/**
 * Namespace of session ids. NEVER CHANGE IT: every stored object is addressed by ids derived
 * from it, so a new value would orphan all earlier work (re-runs would no longer find it).
 * Derived once as `uuidv5('urn:astra-ingest:session-id', uuidv5.URL)`; written out as a literal
 * so that no refactoring can change it silently (a unit test checks both).
 */
export const SESSION_ID_NAMESPACE = '6e38799f-280b-5de2-b469-0fd8476d34b0';

/**
 * The session id of a recording (architecture §1, §3): UUIDv5 over `${tenantId}\n${canonicalVideoUrl(url)}`.
 * The same tenant and video always give the same id, whatever shape the URL had.
 * Throws `ContractError` `invalid_tenant` or `invalid_video_url`.
 */
export function sessionIdFor(tenantId: string, videoUrl: string): string {
  if (!isTenantId(tenantId)) {
    throw new ContractError(
      'invalid_tenant',
      `Invalid tenant id ${describeValue(tenantId)}: expected ${TENANT_ID_PATTERN.source}.`,
    );
  }
  return uuidv5(`${tenantId}\n${canonicalVideoUrl(videoUrl)}`, SESSION_ID_NAMESPACE);
}
