import { randomUUID } from 'node:crypto';
import { tenantPrefix, type Storage } from '@astra/storage';

export type StorageProbe = { ok: true; keys: string[] } | { ok: false; reason: string };

/**
 * Writes and deletes one small object under each tenant's prefix: listing proves the storage answers, only a
 * write proves the run can store its results (a read-only directory, a bucket policy that denies PutObject,
 * a full disk). The object is named so nothing else reads it and is deleted at once.
 */
export async function probeStorage(storage: Storage, tenantIds: Iterable<string>): Promise<StorageProbe> {
  const keys: string[] = [];
  for (const tenantId of tenantIds) {
    const key = `${tenantPrefix(tenantId)}dry-run-probe-${randomUUID()}.txt`;
    try {
      await storage.put(key, 'astra-ingest mine --dry-run write probe; safe to delete\n', {
        contentType: 'text/plain',
      });
    } catch (error) {
      return { ok: false, reason: `cannot write to ${storage.uri}: ${firstLine(error)}` };
    }
    try {
      await storage.delete(key);
    } catch (error) {
      return { ok: false, reason: `wrote ${key} to ${storage.uri} but cannot delete it: ${firstLine(error)}` };
    }
    keys.push(key);
  }
  return { ok: true, keys };
}

function firstLine(error: unknown): string {
  return ((error as Error).message ?? String(error)).split('\n')[0] ?? '';
}
