import { describe, expect, it } from 'vitest';
import { checkNormalisedWav, parseWavHeader, type WavHeader } from './read-wav-header';

type HeaderFields = Partial<WavHeader> & { fmtSize?: number; dataTag?: string; riff?: string };

function header(fields: HeaderFields = {}): Buffer {
  const b = Buffer.alloc(44);
  const dataSize = fields.dataSize ?? 32000;
  b.write(fields.riff ?? 'RIFF', 0, 'latin1');
  b.writeUInt32LE(fields.riffSize ?? dataSize + 36, 4);
  b.write('WAVE', 8, 'latin1');
  b.write('fmt ', 12, 'latin1');
  b.writeUInt32LE(fields.fmtSize ?? 16, 16);
  b.writeUInt16LE(fields.audioFormat ?? 1, 20);
  b.writeUInt16LE(fields.channels ?? 1, 22);
  b.writeUInt32LE(fields.sampleRate ?? 16000, 24);
  b.writeUInt32LE(fields.byteRate ?? 32000, 28);
  b.writeUInt16LE(fields.blockAlign ?? 2, 32);
  b.writeUInt16LE(fields.bitsPerSample ?? 16, 34);
  b.write(fields.dataTag ?? 'data', 36, 'latin1');
  b.writeUInt32LE(dataSize, 40);
  return b;
}

describe('parseWavHeader + checkNormalisedWav', () => {
  it('accepts a canonical 16 kHz mono s16le header and computes the duration', () => {
    expect(checkNormalisedWav(parseWavHeader(header({ dataSize: 48000 })), 48044)).toEqual({
      durationSec: 1.5,
      dataBytes: 48000,
    });
  });

  it.each<[string, HeaderFields, number, string]>([
    ['48 kHz', { sampleRate: 48000, byteRate: 96000 }, 32044, 'tool_failed'],
    ['stereo', { channels: 2, blockAlign: 4, byteRate: 64000 }, 32044, 'tool_failed'],
    ['float', { audioFormat: 3 }, 32044, 'tool_failed'],
    ['24-bit', { bitsPerSample: 24, blockAlign: 3, byteRate: 48000 }, 32044, 'tool_failed'],
    ['a LIST chunk before data', { dataTag: 'LIST' }, 32044, 'tool_failed'],
    ['an 18-byte fmt chunk', { fmtSize: 18 }, 32044, 'tool_failed'],
    ['not RIFF', { riff: 'RIFX' }, 32044, 'tool_failed'],
    ['data size larger than the file', { dataSize: 64000 }, 32044, 'invalid_media'],
    ['riff size inconsistent', { riffSize: 10 }, 32044, 'invalid_media'],
    ['no samples', { dataSize: 0 }, 44, 'invalid_media'],
    ['odd data size', { dataSize: 3 }, 47, 'invalid_media'],
  ])('rejects %s', (_label, fields, fileBytes, code) => {
    expect(() => checkNormalisedWav(parseWavHeader(header(fields)), fileBytes)).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('rejects a file shorter than a header', () => {
    expect(() => parseWavHeader(header().subarray(0, 20))).toThrow(expect.objectContaining({ name: 'DownloadError' }));
  });
});
