import { describe, expect, it } from 'vitest';
import { decodeCsvText, firstInvalidUtf8 } from './decode-csv-text';

const csv = 'video_url,notes\nhttps://example.org/a.mp3,Sesión ordinaria\n';
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

describe('decodeCsvText', () => {
  it.each<[string, Buffer, string]>([
    ['UTF-8', Buffer.from(csv, 'utf8'), csv],
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]), csv],
    ['UTF-16 LE with a BOM', utf16(csv, 'le'), csv],
    ['UTF-16 BE with a BOM', utf16(csv, 'be'), csv],
    ['UTF-16 LE with a character outside the BMP', utf16('video_url\n🎙️\n', 'le'), 'video_url\n🎙️\n'],
  ])('reads %s', (_label, bytes, expected) => {
    expect(decodeCsvText(bytes)).toBe(expected);
  });

  it.each<[string, Buffer, RegExp]>([
    [
      'Latin-1 (ó as 0xF3)',
      Buffer.from('video_url,notes\nhttps://example.org/a.mp3,Sesi\u00f3n\n', 'latin1'),
      /not valid UTF-8: byte 0xF3 at line 2, byte offset 46\b/,
    ],
    [
      'a truncated UTF-8 sequence at the end',
      Buffer.concat([Buffer.from('video_url\n', 'utf8'), Buffer.from([0xe2, 0x82])]),
      /byte 0xE2 at line 2, byte offset 10\b/,
    ],
    [
      'an overlong encoding of "/"',
      Buffer.concat([Buffer.from('video_url\nx', 'utf8'), Buffer.from([0xc0, 0xaf])]),
      /byte 0xC0 at line 2, byte offset 11\b/,
    ],
    [
      'UTF-16 LE without a BOM',
      Buffer.from('video_url\n', 'utf16le'),
      /NUL byte at line 1, byte offset 1: it looks like UTF-16 without a byte-order mark/,
    ],
    [
      'UTF-16 LE with an odd number of bytes',
      Buffer.concat([utf16('video_url\nx', 'le'), Buffer.from([0x41])]),
      /not valid UTF-16 LE: an odd number of bytes at line 2, byte offset 24\b/,
    ],
    [
      'UTF-16 BE with a lone surrogate',
      Buffer.concat([utf16('a\n', 'be'), Buffer.from([0xd8, 0x00, 0x00, 0x41])]),
      /not valid UTF-16 BE: an unpaired surrogate at line 2, byte offset 6\b/,
    ],
    ['UTF-32 LE (read as UTF-16 LE)', Buffer.from([0xff, 0xfe, 0, 0, 0x76, 0, 0, 0]), /a NUL character at line 1/],
  ])('refuses %s, naming the line and byte offset', (_label, bytes, message) => {
    expect(() => decodeCsvText(bytes)).toThrow(message);
    expect(() => decodeCsvText(bytes)).toThrow(/Save it as UTF-8/);
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x42], -1],
    [[0xc3, 0xb3], -1],
    [[0xf0, 0x9f, 0x8e, 0x99], -1],
    [[0x41, 0xff], 1],
    [[0xed, 0xa0, 0x80], 0], // a UTF-16 surrogate encoded in UTF-8
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0xe0, 0x80, 0x80], 0], // overlong
    [[0x41, 0xc3], 1], // truncated
    [[0x80], 0], // lone continuation byte
  ])('%j → %i', (bytes, offset) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(offset);
  });
});
