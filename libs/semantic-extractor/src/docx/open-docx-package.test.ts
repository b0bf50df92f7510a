import { describe, expect, it } from 'vitest';
import { buildCfb, wordDocumentStream } from '../../test/helpers/build-cfb';
import { buildMinimalDocx, buildZip, paragraphXml } from '../../test/helpers/build-zip';
import { DEFAULT_DOCX_LIMITS, resolveDocxLimits } from './docx-limits';
import { openDocxPackage } from './open-docx-package';

const codeOf = (bytes: Uint8Array, limits = DEFAULT_DOCX_LIMITS): string | undefined => {
  try {
    openDocxPackage(bytes, limits);
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('openDocxPackage', () => {
  it('opens a DOCX and reads its parts as text or bytes', async () => {
    const docx = openDocxPackage(buildMinimalDocx(paragraphXml('Hola')), DEFAULT_DOCX_LIMITS);
    expect(docx.mainDocumentPath).toBe('word/document.xml');
    expect(docx.exists('word/document.xml')).toBe(true);
    expect(docx.exists('word/styles.xml')).toBe(false);
    expect(await docx.read('word/document.xml', 'utf-8')).toContain('Hola');
    expect(await docx.read('_rels/.rels')).toBeInstanceOf(Uint8Array);
  });

  it.each([
    ['empty input', new Uint8Array(0), 'empty'],
    ['plain text', Buffer.from('Acta de la sesión ordinaria\n'), 'not_zip'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), 'not_zip'],
    ['an RTF document', Buffer.from('{\\rtf1\\ansi Acta}'), 'not_zip'],
    ['a zip without a Word main part', buildZip([{ name: 'notas.txt', data: 'hola' }]), 'not_docx'],
    [
      'a spreadsheet package',
      buildZip([
        {
          name: '[Content_Types].xml',
          data: '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
        },
        {
          name: '_rels/.rels',
          data: '<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        },
        { name: 'xl/workbook.xml', data: '<workbook/>' },
      ]),
      'not_docx',
    ],
    ['a legacy .doc', buildCfb([{ name: 'WordDocument', data: wordDocumentStream(false) }]), 'legacy_doc'],
    [
      'an encrypted DOCX',
      buildCfb([
        { name: 'EncryptionInfo', data: new Uint8Array(100) },
        { name: 'EncryptedPackage', data: new Uint8Array(100) },
      ]),
      'encrypted',
    ],
    ['an encrypted .doc', buildCfb([{ name: 'WordDocument', data: wordDocumentStream(true) }]), 'encrypted'],
  ])('rejects %s', (_, bytes, code) => {
    expect(codeOf(bytes)).toBe(code);
  });

  it('rejects a file above maxCompressedBytes before looking inside', () => {
    expect(codeOf(buildMinimalDocx(paragraphXml('Hola')), resolveDocxLimits({ maxCompressedBytes: 100 }))).toBe(
      'too_large',
    );
  });

  it('refuses to inflate an entry beyond its declared size (zip_bomb), and a short one is corrupt', async () => {
    const lying = buildMinimalDocx(paragraphXml('x'), [
      { name: 'word/big.xml', data: new Uint8Array(100_000), declaredUncompressedSize: 1000 },
    ]);
    const docx = openDocxPackage(lying, DEFAULT_DOCX_LIMITS);
    await expect(docx.read('word/big.xml')).rejects.toMatchObject({ code: 'zip_bomb' });
    const short = buildMinimalDocx(paragraphXml('x'), [
      { name: 'word/short.xml', data: 'abc', declaredUncompressedSize: 10 },
    ]);
    await expect(openDocxPackage(short, DEFAULT_DOCX_LIMITS).read('word/short.xml')).rejects.toMatchObject({
      code: 'corrupt',
    });
  });

  it('caps the bytes actually inflated over the whole package', async () => {
    const docx = openDocxPackage(
      buildMinimalDocx(paragraphXml('x'), [{ name: 'word/a.xml', data: 'a'.repeat(5000) }]),
      resolveDocxLimits({ maxUncompressedBytes: 6000, maxCompressionRatio: 1000 }),
    );
    await expect(docx.read('word/a.xml')).resolves.toHaveLength(5000);
    await expect(docx.read('word/a.xml')).rejects.toMatchObject({ code: 'zip_bomb' });
  });
});
