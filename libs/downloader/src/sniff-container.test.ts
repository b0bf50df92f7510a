import { describe, expect, it } from 'vitest';
import { MAX_SNIFF_BYTES, sniffContainer } from './sniff-container';

/** One ISO BMFF box: 32-bit size, type, payload. */
function box(type: string, payloadBytes = 0): Buffer {
  const out = Buffer.alloc(8 + payloadBytes);
  out.writeUInt32BE(8 + payloadBytes, 0);
  out.write(type, 4, 'latin1');
  return out;
}

/** A box whose 32-bit size is 1 and whose real size follows as 64 bits. */
function largeBox(type: string, size: bigint): Buffer {
  const out = Buffer.alloc(16);
  out.writeUInt32BE(1, 0);
  out.write(type, 4, 'latin1');
  out.writeBigUInt64BE(size, 8);
  return out;
}

const pad = (head: Buffer) => Buffer.concat([head, Buffer.alloc(64)]);

describe('sniffContainer', () => {
  it.each([
    ['WebM/Matroska', pad(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])), 'matroska'],
    ['Ogg', pad(Buffer.from('OggS')), 'ogg'],
    ['FLAC', pad(Buffer.from('fLaC')), 'flac'],
    ['WAV', pad(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')), 'wav'],
    ['MP3 with ID3', pad(Buffer.from('ID3\x04\x00', 'latin1')), 'mp3'],
    ['MP3 frame sync', pad(Buffer.from([0xff, 0xfb, 0x90, 0x64])), 'mp3'],
    ['ADTS AAC', pad(Buffer.from([0xff, 0xf1, 0x50, 0x80])), 'adts'],
    [
      'MPEG-TS',
      (() => {
        const b = Buffer.alloc(400);
        b[0] = 0x47;
        b[188] = 0x47;
        return b;
      })(),
      'mpegts',
    ],
    ['MP4 faststart', Buffer.concat([box('ftyp', 16), box('moov', 100), box('mdat', 10)]), 'mp4'],
    ['MP4 faststart after free', Buffer.concat([box('ftyp', 16), box('free', 8), box('moov')]), 'mp4'],
    ['fragmented MP4 (DASH)', Buffer.concat([box('ftyp', 16), box('moov', 40), box('moof', 8), box('mdat')]), 'mp4'],
  ])('streams %s', (_label, head, container) => {
    expect(sniffContainer(head)).toEqual({ kind: 'stream', container });
  });

  it.each([
    ['MP4 with mdat first (no faststart)', Buffer.concat([box('ftyp', 16), box('mdat', 100)])],
    ['MP4 with mdat first after free', Buffer.concat([box('ftyp', 16), box('free'), box('mdat', 8)])],
    ['MP4 with moof before any moov', Buffer.concat([box('ftyp', 16), box('moof', 8)])],
    ['MP4 with a huge box before moov', Buffer.concat([box('ftyp', 16), largeBox('free', 2n ** 33n)])],
    ['MP4 with an unexpected top-level box', Buffer.concat([box('ftyp', 16), box('abcd', 8)])],
  ])('decodes %s from the file', (_label, head) => {
    expect(sniffContainer(head)).toMatchObject({ kind: 'file', container: 'mp4' });
  });

  it.each([
    ['a few bytes of anything', Buffer.from('RIF')],
    ['an MP4 whose second box has not arrived', Buffer.concat([box('ftyp', 16), Buffer.from([0, 0])])],
  ])('needs more bytes for %s', (_label, head) => {
    expect(sniffContainer(head)).toEqual({ kind: 'need_more' });
  });

  it.each([
    ['an HTML page', Buffer.from('<!doctype html><html><body>nothing here</body></html>')],
    ['an MP4 cut before its moov', Buffer.concat([box('ftyp', 16), Buffer.from([0, 0])])],
    ['nothing at all', Buffer.alloc(0)],
  ])('decodes %s from the file once no more bytes come', (_label, head) => {
    expect(sniffContainer(head, true)).toMatchObject({ kind: 'file' });
  });

  it('gives up waiting after MAX_SNIFF_BYTES of something it does not know', () => {
    expect(sniffContainer(Buffer.alloc(MAX_SNIFF_BYTES, 0x20))).toMatchObject({ kind: 'file', container: 'unknown' });
  });
});
