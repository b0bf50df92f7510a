/**
 * A normalised session WAV (canonical 44-byte header, s16le, 16 kHz, mono) whose sample i is `sample(i)`: a ramp
 * lets a test check every cut sample by sample, a sine gives a browser something to play.
 */
export function normalisedWav(seconds: number, sample: (index: number) => number): Buffer {
  const samples = Math.round(seconds * 16000);
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(16000, 24);
  wav.writeUInt32LE(32000, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i += 1) wav.writeInt16LE(sample(i), 44 + i * 2);
  return wav;
}
