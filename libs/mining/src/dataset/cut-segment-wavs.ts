import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ManifestLine } from '@astra/aligner';
import { sessionKeys, type Storage } from '@astra/storage';
import { MiningError } from '../errors';

export type CutSegmentWavsOptions = {
  /** Folder the segment WAVs are written to (created). */
  outDir: string;
  /** Parent of the temp dir that holds each session WAV while it is cut; always removed. */
  tmpRoot?: string;
  signal?: AbortSignal;
};

/** The normalised audio of architecture §1: 44-byte header, PCM s16le, 16 kHz, mono. */
const HEADER_BYTES = 44;
const SAMPLE_RATE = 16_000;
const BYTES_PER_SAMPLE = 2;

/**
 * `--cut` (architecture §6): writes every segment as its own WAV (`{session}_{offset ms}.wav` in `outDir`) and
 * returns its line pointing there, with offset 0. The session WAVs are our own normalised files, so a span
 * is a byte range: no re-encoding, samples copied exactly. Each session WAV is fetched from storage once.
 */
export async function cutSegmentWavs<L extends ManifestLine>(
  storage: Storage,
  lines: readonly L[],
  options: CutSegmentWavsOptions,
): Promise<L[]> {
  await mkdir(options.outDir, { recursive: true });
  const bySession = new Map<string, number[]>();
  lines.forEach((line, index) => bySession.set(line.session_id, [...(bySession.get(line.session_id) ?? []), index]));
  const cut: L[] = [...lines];
  const workDir = await mkdtemp(path.join(options.tmpRoot ?? os.tmpdir(), 'astra-cut-'));
  try {
    for (const [sessionId, indexes] of [...bySession].sort(([a], [b]) => a.localeCompare(b))) {
      const first = lines[indexes[0] ?? 0];
      if (!first) continue;
      const wavPath = path.join(workDir, `${sessionId}.wav`);
      await storage.getFile(sessionKeys(first.tenant_id, sessionId).audio, wavPath, signalOption(options.signal));
      const session = await open(wavPath, 'r');
      try {
        const totalSamples = await readSampleCount(session, wavPath);
        for (const index of indexes) {
          const line = lines[index];
          if (!line) continue;
          const startSample = Math.round(line.offset * SAMPLE_RATE);
          const sampleCount = Math.min(Math.round(line.duration * SAMPLE_RATE), totalSamples - startSample);
          if (sampleCount <= 0) {
            throw new MiningError(
              'invalid_input',
              `Segment at ${line.offset} s lies outside the audio of session ${sessionId}`,
            );
          }
          const file = path.join(
            options.outDir,
            `${sessionId}_${String(Math.round(line.offset * 1000)).padStart(9, '0')}.wav`,
          );
          const samples = Buffer.alloc(sampleCount * BYTES_PER_SAMPLE);
          await session.read(samples, 0, samples.length, HEADER_BYTES + startSample * BYTES_PER_SAMPLE);
          const output = await open(file, 'w');
          try {
            await output.write(Buffer.concat([wavHeader(samples.length), samples]));
          } finally {
            await output.close();
          }
          cut[index] = { ...line, audio_filepath: file, offset: 0, duration: sampleCount / SAMPLE_RATE };
        }
      } finally {
        await session.close();
      }
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  return cut;
}

async function readSampleCount(file: Awaited<ReturnType<typeof open>>, wavPath: string): Promise<number> {
  const header = Buffer.alloc(HEADER_BYTES);
  await file.read(header, 0, HEADER_BYTES, 0);
  const isNormalised =
    header.toString('ascii', 0, 4) === 'RIFF' &&
    header.toString('ascii', 8, 12) === 'WAVE' &&
    header.readUInt16LE(20) === 1 &&
    header.readUInt16LE(22) === 1 &&
    header.readUInt32LE(24) === SAMPLE_RATE &&
    header.readUInt16LE(34) === 16 &&
    header.toString('ascii', 36, 40) === 'data';
  if (!isNormalised) throw new MiningError('invalid_input', `${wavPath} is not a 44-byte-header PCM 16 kHz mono WAV`);
  return Math.floor(header.readUInt32LE(40) / BYTES_PER_SAMPLE);
}

function wavHeader(dataBytes: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * BYTES_PER_SAMPLE, 28);
  header.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}
