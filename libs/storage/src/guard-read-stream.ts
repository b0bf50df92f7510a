import { finished, PassThrough, type Readable } from 'node:stream';
import type { StorageError } from './errors';

export interface GuardReadStreamOptions {
  signal?: AbortSignal;
  /** Turns a failure of the source (or an abort) into the StorageError the consumer sees. */
  mapError: (error: unknown) => StorageError;
}

/**
 * Wraps a backend stream so that its consumer only ever sees `StorageError`s, an abort of
 * `signal` destroys it, and destroying the returned stream early releases the source
 * (file descriptor or socket).
 */
export function guardReadStream(source: Readable, options: GuardReadStreamOptions): Readable {
  const output = new PassThrough();
  const { signal } = options;
  const onAbort = (): void => {
    output.destroy(options.mapError(signal?.reason ?? new DOMException('The operation was aborted.', 'AbortError')));
  };
  finished(source, (error) => {
    if (error !== undefined && error !== null && !output.destroyed) output.destroy(options.mapError(error));
  });
  output.once('close', () => {
    signal?.removeEventListener('abort', onAbort);
    if (!source.destroyed && !source.readableEnded) source.destroy();
  });
  if (signal?.aborted === true) {
    onAbort();
    return output;
  }
  signal?.addEventListener('abort', onAbort, { once: true });
  source.pipe(output);
  return output;
}
