import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/** A pass-through stream that counts the bytes flowing through it, and hashes them (SHA-256) when asked to. */
export class ByteCounter extends Transform {
  bytes = 0;
  private readonly hash: Hash | undefined;

  constructor(options: { sha256?: boolean } = {}) {
    super();
    this.hash = options.sha256 === true ? createHash('sha256') : undefined;
  }

  /** Hex SHA-256 of everything that went through; only once the stream has ended, and only when asked for. */
  sha256(): string | undefined {
    return this.hash?.digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.byteLength;
    this.hash?.update(chunk);
    callback(null, chunk);
  }
}
