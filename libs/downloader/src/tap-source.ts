import { open, type FileHandle } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { DownloadError } from './errors';
import { sniffContainer, type ContainerSniff } from './sniff-container';

export type DecidedSniff = Exclude<ContainerSniff, { kind: 'need_more' }>;

export type TapSourceOptions = {
  /** The media bytes as they download (yt-dlp's standard output). */
  input: Readable;
  /** Every byte is also written here (a new file), for decoders that need the whole file and for checks. */
  path: string;
  /** More bytes than this fails with `too_large` at once: the rest is never downloaded. */
  maxBytes: number;
  signal: AbortSignal;
  /** Running total after each chunk (progress, stall watchdog). */
  onBytes?: (totalBytes: number) => void;
  /**
   * Called once, as soon as the first bytes tell whether the media can be decoded while it downloads: return the
   * decoder's standard input to be fed every byte from then on (the bytes seen so far included), or `undefined`
   * to only write the file.
   */
  onSniff: (sniff: DecidedSniff) => Writable | undefined;
};

export type TapSourceResult = {
  bytes: number;
  sniff: DecidedSniff;
  /** False when no decoder was fed, or it stopped reading before the end (it exited: its outcome says why). */
  streamedToEnd: boolean;
};

/**
 * Reads the download once and sends each chunk to the file and, when the container streams, to the decoder, so
 * that downloading and decoding overlap. Backpressure from either slows the download down instead of buffering.
 * Throws `too_large` past `maxBytes`; an abort destroys the input and rejects with the abort reason.
 */
export async function tapSource(options: TapSourceOptions): Promise<TapSourceResult> {
  const { input, signal, maxBytes } = options;
  const handle = await open(options.path, 'wx');
  const onAbort = () => input.destroy(signal.reason instanceof Error ? signal.reason : undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let sniff: DecidedSniff | undefined;
  let sink: Writable | undefined;
  let sinkAlive = false;

  const decide = async (decided: DecidedSniff) => {
    sniff = decided;
    sink = options.onSniff(decided);
    sinkAlive = sink !== undefined;
    const pending = Buffer.concat(head, headBytes);
    head = [];
    if (sink && pending.length > 0) sinkAlive = await writeToSink(sink, pending);
  };

  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > maxBytes) {
        throw new DownloadError('too_large', `The media is larger than the limit of ${maxBytes} bytes`);
      }
      options.onBytes?.(total);
      if (sniff === undefined) {
        head.push(chunk);
        headBytes += chunk.length;
        await writeAll(handle, chunk);
        const sniffed = sniffContainer(Buffer.concat(head, headBytes));
        if (sniffed.kind !== 'need_more') await decide(sniffed);
        continue;
      }
      const toSink: Promise<boolean> = sink && sinkAlive ? writeToSink(sink, chunk) : Promise.resolve(false);
      const [, alive]: [void, boolean] = await Promise.all([writeAll(handle, chunk), toSink]);
      sinkAlive = alive;
    }
    if (signal.aborted) throw signal.reason;
    if (sniff === undefined) {
      const sniffed = sniffContainer(Buffer.concat(head, headBytes), true);
      await decide(sniffed.kind === 'need_more' ? { kind: 'file', container: 'unknown', reason: 'empty' } : sniffed);
    }
    const streamedToEnd = sink !== undefined && sinkAlive;
    sink?.end();
    return { bytes: total, sniff: sniff as DecidedSniff, streamedToEnd };
  } catch (error) {
    sink?.destroy();
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await handle.close();
  }
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  for (let offset = 0; offset < chunk.length;) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

/** Resolves once the chunk is handed to the pipe: true, or false when the reader is gone (EPIPE, closed). */
function writeToSink(sink: Writable, chunk: Buffer): Promise<boolean> {
  if (sink.destroyed || sink.writableEnded) return Promise.resolve(false);
  return new Promise((resolve) => {
    sink.write(chunk, (error) => resolve(error === undefined || error === null));
  });
}
