/** A response body as undici gives it: async-iterable bytes that can be destroyed. */
export type ByteStream = AsyncIterable<Uint8Array> & { destroy(error?: Error): unknown };

export type BoundedBody = { bytes: Buffer; truncated: boolean };

/**
 * Reads at most `maxBytes` of a body. Past the limit the stream is destroyed (the rest is never
 * downloaded) and `truncated` is true; `bytes` then holds the first `maxBytes`.
 */
export async function readBoundedBody(body: ByteStream, maxBytes: number): Promise<BoundedBody> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (total + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - total));
      body.destroy();
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    total += buffer.length;
  }
  return { bytes: Buffer.concat(chunks), truncated: false };
}
