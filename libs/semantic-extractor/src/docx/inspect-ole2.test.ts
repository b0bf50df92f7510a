import { describe, expect, it } from 'vitest';
import { buildCfb, wordDocumentStream } from '../../test/helpers/build-cfb';
import { inspectOle2 } from './inspect-ole2';

describe('inspectOle2', () => {
  it.each([
    [
      'an encrypted OOXML package',
      [
        { name: 'EncryptionInfo', data: new Uint8Array(200) },
        { name: 'EncryptedPackage', data: new Uint8Array(900) },
      ],
      'encrypted_ooxml',
    ],
    [
      'a Word 97-2003 document',
      [
        { name: 'WordDocument', data: wordDocumentStream(false) },
        { name: '1Table', data: new Uint8Array(600) },
      ],
      'word_doc',
    ],
    ['a password-protected .doc', [{ name: 'WordDocument', data: wordDocumentStream(true) }], 'encrypted_doc'],
    ['an Excel 97 workbook', [{ name: 'Workbook', data: new Uint8Array(5000) }], 'other'],
  ] as const)('recognises %s', (_, streams, content) => {
    expect(inspectOle2(buildCfb(streams))).toBe(content);
  });

  it('says other for a truncated or garbled compound file', () => {
    const cfb = buildCfb([{ name: 'WordDocument', data: wordDocumentStream(false) }]);
    expect(inspectOle2(cfb.subarray(0, 600))).toBe('other');
    const garbled = Buffer.from(cfb);
    garbled.writeUInt16LE(40, 30);
    expect(inspectOle2(garbled)).toBe('other');
  });
});
