import { open } from 'node:fs/promises';
import { DownloadError } from './errors';

export const WAV_HEADER_BYTES = 44;
export const TARGET_SAMPLE_RATE = 16000;
export const TARGET_CHANNELS = 1;
export const TARGET_BITS_PER_SAMPLE = 16;

export type WavHeader = {
  riffSize: number;
  audioFormat: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  dataSize: number;
};

/**
 * Parses a canonical 44-byte WAV header (RIFF, WAVE, a 16-byte `fmt ` chunk, then `data`); anything else means
 * ffmpeg did not write what it was asked to (`tool_failed`).
 */
export function parseWavHeader(bytes: Uint8Array): WavHeader {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < WAV_HEADER_BYTES) throw headerError(`it is only ${buffer.length} bytes long`);
  const tag = (offset: number) => buffer.toString('latin1', offset, offset + 4);
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw headerError('it does not start with RIFF....WAVE');
  if (tag(12) !== 'fmt ' || buffer.readUInt32LE(16) !== 16)
    throw headerError('the fmt chunk is not a 16-byte PCM chunk at offset 12');
  if (tag(36) !== 'data') throw headerError(`found "${tag(36)}" where the data chunk should start (offset 36)`);
  return {
    riffSize: buffer.readUInt32LE(4),
    audioFormat: buffer.readUInt16LE(20),
    channels: buffer.readUInt16LE(22),
    sampleRate: buffer.readUInt32LE(24),
    byteRate: buffer.readUInt32LE(28),
    blockAlign: buffer.readUInt16LE(32),
    bitsPerSample: buffer.readUInt16LE(34),
    dataSize: buffer.readUInt32LE(40),
  };
}

export type NormalisedWavCheck = {
  durationSec: number;
  dataBytes: number;
};

/**
 * Checks a parsed header against the target format (PCM s16le, 16 kHz, mono) and the file size, and returns the
 * duration the data holds. A wrong format is `tool_failed`; an empty or inconsistent data chunk `invalid_media`.
 */
export function checkNormalisedWav(header: WavHeader, fileBytes: number): NormalisedWavCheck {
  const expectedBlockAlign = (TARGET_CHANNELS * TARGET_BITS_PER_SAMPLE) / 8;
  const formatOk =
    header.audioFormat === 1 &&
    header.channels === TARGET_CHANNELS &&
    header.sampleRate === TARGET_SAMPLE_RATE &&
    header.bitsPerSample === TARGET_BITS_PER_SAMPLE &&
    header.blockAlign === expectedBlockAlign &&
    header.byteRate === TARGET_SAMPLE_RATE * expectedBlockAlign;
  if (!formatOk) {
    throw new DownloadError(
      'tool_failed',
      `ffmpeg wrote format ${header.audioFormat}, ${header.channels} ch, ${header.sampleRate} Hz, ${header.bitsPerSample} bit instead of PCM s16le 16 kHz mono`,
      { retryable: false },
    );
  }
  const dataBytes = fileBytes - WAV_HEADER_BYTES;
  if (header.dataSize !== dataBytes || header.riffSize !== fileBytes - 8) {
    throw new DownloadError(
      'invalid_media',
      `The WAV sizes do not add up (data chunk ${header.dataSize} bytes, file ${fileBytes} bytes)`,
    );
  }
  if (dataBytes <= 0 || dataBytes % expectedBlockAlign !== 0) {
    throw new DownloadError('invalid_media', `The decoded audio is empty or misaligned (${dataBytes} data bytes)`);
  }
  return { durationSec: dataBytes / (TARGET_SAMPLE_RATE * expectedBlockAlign), dataBytes };
}

/** Reads the header of a WAV file on disk and runs `checkNormalisedWav` on it. */
export async function verifyWavFile(path: string): Promise<NormalisedWavCheck & { bytes: number }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(WAV_HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, WAV_HEADER_BYTES, 0);
    const check = checkNormalisedWav(parseWavHeader(buffer.subarray(0, bytesRead)), size);
    return { ...check, bytes: size };
  } finally {
    await handle.close();
  }
}

function headerError(why: string): DownloadError {
  return new DownloadError('tool_failed', `The normalised WAV does not have a clean 44-byte header: ${why}`, {
    retryable: false,
  });
}
