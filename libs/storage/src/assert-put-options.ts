import { StorageError } from './errors';
import type { PutOptions } from './model';

const METADATA_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** S3's limit for user metadata (names + values, UTF-8 bytes). */
const MAX_METADATA_BYTES = 2048;

/**
 * Checks the parts of PutOptions that both backends must agree on, so that a put accepted by
 * the file backend in a local run is accepted by S3 too: metadata names [A-Za-z0-9_-], values
 * printable ASCII, at most 2 KB in all; contentType printable ASCII.
 */
export function assertPutOptions(options: PutOptions, key: string): PutOptions {
  const { contentType, metadata } = options;
  if (contentType !== undefined && (typeof contentType !== 'string' || !PRINTABLE_ASCII.test(contentType))) {
    throw new StorageError(
      'invalid_argument',
      `Invalid contentType for ${JSON.stringify(key)}: printable ASCII expected.`,
      { key },
    );
  }
  if (metadata !== undefined) {
    let total = 0;
    for (const [name, value] of Object.entries(metadata)) {
      if (!METADATA_NAME.test(name) || typeof value !== 'string' || !PRINTABLE_ASCII.test(value)) {
        throw new StorageError(
          'invalid_argument',
          `Invalid metadata ${JSON.stringify(name.slice(0, 40))} for ${JSON.stringify(key)}: names [A-Za-z0-9_-], values printable ASCII.`,
          { key },
        );
      }
      total += name.length + value.length;
    }
    if (total > MAX_METADATA_BYTES) {
      throw new StorageError(
        'invalid_argument',
        `Metadata of ${JSON.stringify(key)} exceeds ${MAX_METADATA_BYTES} bytes.`,
        { key },
      );
    }
  }
  return options;
}
