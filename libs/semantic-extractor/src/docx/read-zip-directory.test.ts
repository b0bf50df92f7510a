import { describe, expect, it } from 'vitest';
import { buildZip } from '../../test/helpers/build-zip';
import { DEFAULT_DOCX_LIMITS, resolveDocxLimits } from './docx-limits';
import { readZipDirectory } from './read-zip-directory';

describe('readZipDirectory', () => {
  it('lists entries with their declared sizes without inflating anything', () => {
    const zip = buildZip([
      { name: 'a.txt', data: 'hola hola hola' },
      { name: 'b.bin', data: new Uint8Array([1, 2, 3]), method: 0 },
    ]);
    const directory = readZipDirectory(zip, DEFAULT_DOCX_LIMITS);
    expect(
      [...directory.entries.values()].map(({ name, method, uncompressedSize }) => ({ name, method, uncompressedSize })),
    ).toEqual([
      { name: 'a.txt', method: 8, uncompressedSize: 14 },
      { name: 'b.bin', method: 0, uncompressedSize: 3 },
    ]);
    expect(directory.totalUncompressedBytes).toBe(17);
  });

  it.each([
    ['too many entries', { maxEntries: 2 }, [1, 2, 3].map((n) => ({ name: `${n}.txt`, data: 'x' }))],
    [
      'declared total above the limit',
      {},
      [{ name: 'big.xml', data: 'x', declaredUncompressedSize: 300 * 1024 * 1024 }],
    ],
    ['archive ratio above the limit', { maxCompressionRatio: 5 }, [{ name: 'zeros', data: new Uint8Array(1000) }]],
    [
      'entry ratio above the limit',
      {},
      [
        { name: 'zeros', data: new Uint8Array(2 * 1024 * 1024) },
        { name: 'pad', data: randomBytes(200_000), method: 0 as const },
      ],
    ],
  ])('throws zip_bomb for %s', (_, limits, entries) => {
    const zip = buildZip(entries);
    expect(() => readZipDirectory(zip, resolveDocxLimits(limits))).toThrow(
      expect.objectContaining({ code: 'zip_bomb' }),
    );
  });

  it('throws encrypted for zip-level encryption', () => {
    const zip = buildZip([{ name: 'word/document.xml', data: 'x', flags: 1 }]);
    expect(() => readZipDirectory(zip, DEFAULT_DOCX_LIMITS)).toThrow(expect.objectContaining({ code: 'encrypted' }));
  });

  it.each([
    ['a truncated archive', (zip: Buffer) => zip.subarray(0, zip.length - 30)],
    [
      'a central directory pointing outside the file',
      (zip: Buffer) => {
        const copy = Buffer.from(zip);
        copy.writeUInt32LE(zip.length * 2, zip.length - 6);
        return copy;
      },
    ],
    [
      'a multi-disk archive',
      (zip: Buffer) => {
        const copy = Buffer.from(zip);
        copy.writeUInt16LE(1, zip.length - 18);
        return copy;
      },
    ],
  ])('throws corrupt for %s', (_, damage) => {
    const zip = buildZip([{ name: 'a.txt', data: 'contenido' }]);
    expect(() => readZipDirectory(damage(zip), DEFAULT_DOCX_LIMITS)).toThrow(
      expect.objectContaining({ code: 'corrupt' }),
    );
  });
});

function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let i = 0; i < length; i += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[i] = state >>> 16;
  }
  return bytes;
}
