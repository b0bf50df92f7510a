import { open } from 'node:fs/promises';
import { TranscriptError } from '../../errors';
import type { Transcript } from '@astra/contracts';
import { normalizeTranscript, type TranscriptHints } from '../../formats/normalize-transcript';
import { parseWebVtt } from '../../formats/parse-web-vtt';

export type ReadTranscriptFileOptions = {
  /** Larger files are refused (TranscriptError `too_large`) without being read. Default 64 MiB. */
  maxBytes?: number;
  hints?: TranscriptHints;
};

export const DEFAULT_READ_TRANSCRIPT_FILE_OPTIONS = { maxBytes: 64 * 1024 * 1024 } as const;

export function resolveReadTranscriptFileOptions(options: ReadTranscriptFileOptions = {}): {
  maxBytes: number;
  hints: TranscriptHints;
} {
  return { maxBytes: options.maxBytes ?? DEFAULT_READ_TRANSCRIPT_FILE_OPTIONS.maxBytes, hints: options.hints ?? {} };
}

async function readBounded(filePath: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    throw new TranscriptError('read_failed', `Cannot open transcript file ${filePath}`, { cause: error });
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new TranscriptError(
        'too_large',
        `Transcript file ${filePath} has ${size} bytes, more than the ${maxBytes} allowed`,
      );
    }
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new TranscriptError(
        'too_large',
        `Transcript file ${filePath} grew past the ${maxBytes} bytes allowed while being read`,
      );
    }
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof TranscriptError) throw error;
    throw new TranscriptError('read_failed', `Cannot read transcript file ${filePath}`, { cause: error });
  } finally {
    await handle.close();
  }
}

/**
 * Reads a transcript from disk (the `file` transcript source, `astra-ingest align --transcript`): JSON in any
 * shape {@link normalizeTranscript} accepts, or a WebVTT file. The read is bounded by `maxBytes`. The result is
 * normalised, not validated: run `validateTranscript` (`@astra/contracts`) on it, once, to repair and check it.
 * @throws TranscriptError `read_failed`, `too_large`, `unsupported_format` (not JSON/WebVTT or unknown
 * shape), `invalid_transcript`, `invalid_captions`.
 */
export async function readTranscriptFile(filePath: string, options?: ReadTranscriptFileOptions): Promise<Transcript> {
  const { maxBytes, hints } = resolveReadTranscriptFileOptions(options);
  const text = (await readBounded(filePath, maxBytes)).toString('utf8').replace(/^\uFEFF/, '');
  if (text.startsWith('WEBVTT')) {
    return parseWebVtt(text, {
      language: hints.language ?? 'und',
      ...(hints.provider === undefined ? {} : { provider: hints.provider }),
      ...(hints.durationSec === undefined ? {} : { durationSec: hints.durationSec }),
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TranscriptError('unsupported_format', `Transcript file ${filePath} is neither JSON nor WebVTT`, {
      cause: error,
    });
  }
  return normalizeTranscript(value, hints);
}
