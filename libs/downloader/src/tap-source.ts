import { open, type FileHandle } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { DownloadError } from './errors';
import { sniffContainer, type ContainerSniff } from './sniff-container';

export type DecidedSniff = Exclude<ContainerSniff, { kind: 'need_more' }>;

export type TapSourceOptions = {
  /** The media bytes as they download (yt-dlp's standard output). */
  input: Readable;
  /** Where the bytes are also written (a new file), when `onSniff` asks to keep them. */
  path: string;
  /** More bytes than this fails with `too_large` at once: the rest is never downloaded. */
  maxBytes: number;
  signal: AbortSignal;
  /** Running total after each chunk (progress, stall watchdog). */
  onBytes?: (totalBytes: number) => void;
  /**
   * Called once, as soon as the first bytes tell whether the media can be decoded while it downloads: the
   * decoder's standard input to feed every byte from then on (the bytes seen so far included), if any, and
   * whether to keep the bytes in the file (for a decoder that needs the whole file, or for checks).
   */
  onSniff: (sniff: DecidedSniff) => { sink?: Writable; keepFile: boolean };
};

export type TapSourceResult = {
  bytes: number;
  sniff: DecidedSniff;
  /** False when no decoder was fed, or it stopped reading before the end (it exited: its outcome says why). */
  streamedToEnd: boolean;
  /** Whether the bytes are in the file at `path`. */
  kept: boolean;
};

/**
 * Reads the download once and sends each chunk to the decoder when the container streams, and to the file when
 * asked to keep it, so that downloading and decoding overlap. The first bytes are held in memory (at most
 * MAX_SNIFF_BYTES) until the container is known. Backpressure from the decoder or the disk slows the download
 * down instead of buffering. Throws `too_large` past `maxBytes`; an abort destroys the input and rejects with
 * the abort reason.
 */
export async function tapSource(options: TapSourceOptions): Promise<TapSourceResult> {
  const { input, signal, maxBytes } = options;
  const onAbort = () => input.destroy(signal.reason instanceof Error ? signal.reason : undefined);
  signal.addEventListener('abort', onAbort, { once: true });
  let total = 0;
  let head: Buffer[] = [];
  let headBytes = 0;
  let sniff: DecidedSniff | undefined;
  let sink: Writable | undefined;
  let sinkAlive = false;
  let handle: FileHandle | undefined;

  const decide = async (decided: DecidedSniff) => {
    sniff = decided;
    const choice = options.onSniff(decided);
    sink = choice.sink;
    sinkAlive = sink !== undefined;
    const pending = Buffer.concat(head, headBytes);
    head = [];
    if (choice.keepFile) handle = await open(options.path, 'wx');
    await Promise.all([
      handle && pending.length > 0 ? writeAll(handle, pending) : undefined,
      sink && pending.length > 0 ? writeToSink(sink, pending).then((alive) => (sinkAlive = alive)) : undefined,
    ]);
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
        const sniffed = sniffContainer(Buffer.concat(head, headBytes));
        if (sniffed.kind !== 'need_more') await decide(sniffed);
        continue;
      }
      const toSink: Promise<boolean> = sink && sinkAlive ? writeToSink(sink, chunk) : Promise.resolve(false);
      const [, alive]: [void, boolean] = await Promise.all([handle ? writeAll(handle, chunk) : undefined, toSink]);
      sinkAlive = alive;
    }
    if (signal.aborted) throw signal.reason;
    if (sniff === undefined) {
      const sniffed = sniffContainer(Buffer.concat(head, headBytes), true);
      await decide(sniffed.kind === 'need_more' ? { kind: 'file', container: 'unknown', reason: 'empty' } : sniffed);
    }
    const streamedToEnd = sink !== undefined && sinkAlive;
    sink?.end();
    return { bytes: total, sniff: sniff as DecidedSniff, streamedToEnd, kept: handle !== undefined };
  } catch (error) {
    sink?.destroy();
    throw signal.aborted ? signal.reason : error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    await handle?.close();
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
