import { v5 as uuidv5 } from 'uuid';
import { canonicalVideoUrl } from './canonical-video-url';
import { assertTenantId } from './tenant-id';

/**
 * Namespace of session ids. NEVER CHANGE IT: every stored object is addressed by ids derived
 * from it, so a new value would orphan all earlier work (re-runs would no longer find it).
 * Derived once as `uuidv5('urn:astra-ingest:session-id', uuidv5.URL)`; written out as a literal
 * so that no refactoring can change it silently (a unit test checks both).
 */
export const SESSION_ID_NAMESPACE = '6e38799f-280b-5de2-b469-0fd8476d34b0';

/**
 * The session id of a recording (DESIGN §1, §3): UUIDv5 over `${tenantId}\n${canonicalVideoUrl(url)}`.
 * The same tenant and video always give the same id, whatever shape the URL had.
 * Throws `StorageError('invalid_tenant')` or `StorageError('invalid_uri')`.
 */
export function sessionIdFor(tenantId: string, videoUrl: string): string {
  const tenant = assertTenantId(tenantId);
  return uuidv5(`${tenant}\n${canonicalVideoUrl(videoUrl)}`, SESSION_ID_NAMESPACE);
}
