import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';

/** An independent reading of a WAV file (not the lib's parser), for assertions. */
export type WavFacts = {
  riff: string;
  wave: string;
  fmt: string;
  fmtSize: number;
  audioFormat: number;
  channels: number;
  sampleRate: number;
  byteRate: number;
  blockAlign: number;
  bitsPerSample: number;
  dataTag: string;
  dataSize: number;
  fileSize: number;
  durationSec: number;
  peak: number;
  sha256: string;
};

export async function readWavFacts(file: string): Promise<WavFacts> {
  const bytes = await readFile(file);
  const samples = new Int16Array(bytes.buffer, bytes.byteOffset + 44, Math.floor((bytes.length - 44) / 2));
  let peak = 0;
  for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
  return {
    riff: bytes.toString('latin1', 0, 4),
    wave: bytes.toString('latin1', 8, 12),
    fmt: bytes.toString('latin1', 12, 16),
    fmtSize: bytes.readUInt32LE(16),
    audioFormat: bytes.readUInt16LE(20),
    channels: bytes.readUInt16LE(22),
    sampleRate: bytes.readUInt32LE(24),
    byteRate: bytes.readUInt32LE(28),
    blockAlign: bytes.readUInt16LE(32),
    bitsPerSample: bytes.readUInt16LE(34),
    dataTag: bytes.toString('latin1', 36, 40),
    dataSize: bytes.readUInt32LE(40),
    fileSize: bytes.length,
    durationSec: (bytes.length - 44) / 32000,
    peak,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Names of the `astra-dl-*` entries left in a temp root. */
export async function leftoverJobDirs(tmpRoot: string): Promise<string[]> {
  const names = await readdir(tmpRoot).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith('astra-dl-'));
}
