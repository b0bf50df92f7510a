import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ManifestLine } from '@astra/aligner';
import { openStorage, sessionKeys, type Storage } from '@astra/storage';
import { cutSegmentWavs } from '../../src/dataset/cut-segment-wavs';
import { normalisedWav } from '../support/normalised-wav';

const SESSION = '00000000-0000-5000-8000-000000000001';
let dir: string;
let storage: Storage;

/** Sample i holds i (mod 32768): every cut can be checked sample by sample. */
const rampWav = (seconds: number) => normalisedWav(seconds, (i) => i % 32768);

const line = (offset: number, duration: number): ManifestLine => ({
  audio_filepath: `s3://astra-raw/mining/t/${SESSION}.wav`,
  offset,
  duration,
  text: 'x',
  text_original: 'x',
  asr_text: 'x',
  cer: 0,
  score: 1,
  lang: 'es',
  tenant_id: 't',
  session_id: SESSION,
  source_url: 'https://example.org/v',
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cut-wavs-'));
  storage = openStorage(`file://${path.join(dir, 'storage')}`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('cutSegmentWavs', () => {
  it('writes each span as its own WAV with exactly the source samples and points the line at it', async () => {
    await storage.put(sessionKeys('t', SESSION).audio, rampWav(3));
    const outDir = path.join(dir, 'wavs');
    const cut = await cutSegmentWavs(storage, [line(0.5, 1), line(2.25, 0.5)], { outDir, tmpRoot: dir });

    expect(cut.map((l) => [path.basename(l.audio_filepath), l.offset, l.duration])).toEqual([
      [`${SESSION}_000000500.wav`, 0, 1],
      [`${SESSION}_000002250.wav`, 0, 0.5],
    ]);
    const second = cut[1];
    if (!second) throw new Error('expected a second cut segment');
    const wav = await readFile(second.audio_filepath);
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(0.5 * 16000 * 2);
    expect(wav.length).toBe(44 + 0.5 * 16000 * 2);
    const firstSample = 2.25 * 16000;
    expect(wav.readInt16LE(44)).toBe(firstSample % 32768);
    expect(wav.readInt16LE(wav.length - 2)).toBe((firstSample + 0.5 * 16000 - 1) % 32768);
    // The session WAV's temp copy is gone.
    expect((await readdir(dir)).filter((name) => name.startsWith('astra-cut-'))).toEqual([]);
  });

  it('clips a span that runs past the end of the audio and refuses one that starts after it', async () => {
    await storage.put(sessionKeys('t', SESSION).audio, rampWav(2));
    const [clipped] = await cutSegmentWavs(storage, [line(1.5, 1)], { outDir: path.join(dir, 'a'), tmpRoot: dir });
    expect(clipped?.duration).toBe(0.5);
    await expect(
      cutSegmentWavs(storage, [line(2.5, 1)], { outDir: path.join(dir, 'b'), tmpRoot: dir }),
    ).rejects.toThrow(/outside the audio/);
  });

  it('refuses audio that is not the normalised format', async () => {
    const wav = rampWav(1);
    wav.writeUInt32LE(44100, 24);
    await storage.put(sessionKeys('t', SESSION).audio, wav);
    await expect(
      cutSegmentWavs(storage, [line(0, 0.5)], { outDir: path.join(dir, 'c'), tmpRoot: dir }),
    ).rejects.toThrow(/not a 44-byte-header PCM 16 kHz mono WAV/);
  });
});
