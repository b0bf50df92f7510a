import { createRequire } from 'node:module';
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as LibStorage from '@aws-sdk/lib-storage';

const requireHere = createRequire(import.meta.url);

/**
 * The AWS SDK, loaded on first use rather than at import: a `file://` run (the CLI's default) never pays the
 * few hundred ms of CPU its modules take to load. Synchronous (`require`), so `createS3Client` stays sync.
 */
export function loadClientS3(): typeof ClientS3 {
  return requireHere('@aws-sdk/client-s3') as typeof ClientS3;
}

export function loadLibStorage(): typeof LibStorage {
  return requireHere('@aws-sdk/lib-storage') as typeof LibStorage;
}
