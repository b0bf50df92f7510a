import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readBoundedBody } from './read-bounded-body';

function stream(chunks: string[]): Readable {
  return Readable.from(chunks.map((chunk) => Buffer.from(chunk)));
}

describe('readBoundedBody', () => {
  it('reads a body within the limit', async () => {
    const body = await readBoundedBody(stream(['{"a"', ':1}']), 100);
    expect(body).toEqual({ bytes: Buffer.from('{"a":1}'), truncated: false });
  });

  it('reads a body of exactly the limit', async () => {
    expect((await readBoundedBody(stream(['12345']), 5)).truncated).toBe(false);
  });

  it('stops past the limit and destroys the stream', async () => {
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i += 1) {
          pulled += 1;
          yield Buffer.alloc(1024, 0x61);
        }
      })(),
    );
    const body = await readBoundedBody(source, 4096);
    expect(body.truncated).toBe(true);
    expect(body.bytes.length).toBe(4096);
    expect(source.destroyed).toBe(true);
    expect(pulled).toBeLessThan(100);
  });
});
