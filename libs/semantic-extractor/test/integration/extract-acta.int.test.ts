import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actaSchema, type Acta, type Logger } from '@astra/contracts';
import { ActaError, extractActa, isSpokenFragment, readActaFile } from '@astra/semantic-extractor';
import { cleanLabelText } from '../../src/text/clean-label-text';
import { generateActa, generatePlainDocx, type ActaStyle, type GeneratedActa } from '../fixtures/generate-actas';
import { buildCfb, wordDocumentStream } from '../helpers/build-cfb';
import { buildMinimalDocx, buildZip, paragraphXml } from '../helpers/build-zip';

const STYLES: ActaStyle[] = ['narrative', 'dialogue', 'summary'];

/** A valid one-page PDF whose only content is a drawn rectangle: what a scan looks like to a text reader. */
function pdfWithoutText(): Buffer {
  const stream = '0 0 0 RG 50 50 200 200 re S';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
const generated = new Map<ActaStyle, { fixture: GeneratedActa; acta: Acta }>();
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'astra-acta-'));
  for (const style of STYLES) {
    const fixture = await generateActa(style);
    generated.set(style, { fixture, acta: await extractActa(fixture.docx) });
  }
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const result = (style: ActaStyle): { fixture: GeneratedActa; acta: Acta } => {
  const value = generated.get(style);
  if (!value) throw new Error(`fixture ${style} was not generated`);
  return value;
};

describe.each(STYLES)('extractActa on a %s-style acta written by the docx package', (style) => {
  it('returns a schema-valid Acta with deterministic ids in document order', () => {
    const { acta } = result(style);
    expect(actaSchema.safeParse(acta).success).toBe(true);
    expect(acta.fragments.map((fragment) => fragment.id)).toEqual(acta.fragments.map((_, index) => `f${index + 1}`));
    const items = acta.fragments.map((fragment) => fragment.itemIndex);
    expect(items).toEqual([...items].sort((a, b) => a - b));
  });

  it('reads the meta: title, ISO date, municipality, session type', () => {
    const { acta, fixture } = result(style);
    expect(acta.meta).toEqual(fixture.expected.meta);
  });

  it('finds every agenda item once, numbered as written, despite resolution points numbered like items', () => {
    const { acta, fixture } = result(style);
    expect(acta.items).toEqual(fixture.expected.items);
    const headings = acta.fragments.filter((fragment) => fragment.kind === 'heading' && fragment.itemIndex > 0);
    expect(headings.map((fragment) => fragment.itemIndex)).toEqual(fixture.expected.items.map((item) => item.index));
  });

  it('gives exactly the spoken fragments: kind, item, speaker, role, verbatim flag and text', () => {
    const { acta, fixture } = result(style);
    const spoken = acta.fragments.filter(isSpokenFragment).map(({ id: _id, ...fragment }) => fragment);
    expect(spoken).toEqual(fixture.expected.spoken);
  });

  it('marks attendance, titles, agenda lists, tables, signatures and notes as not spoken', () => {
    const { acta, fixture } = result(style);
    for (const { kind, text } of fixture.expected.unspoken) {
      const clean = cleanLabelText(text);
      const holders = acta.fragments.filter((fragment) => fragment.text.includes(clean));
      expect(holders.length, `"${clean}" should be in the acta`).toBeGreaterThan(0);
      expect(
        holders.every((fragment) => !isSpokenFragment(fragment)),
        `"${clean}" must not be spoken`,
      ).toBe(true);
      expect(
        holders.some((fragment) => fragment.kind === kind),
        `"${clean}" should be ${kind}`,
      ).toBe(true);
    }
  });
});

describe('readActaFile', () => {
  it('reads a DOCX from disk to the same Acta as extractActa', async () => {
    const { fixture, acta } = result('narrative');
    const file = path.join(dir, 'acta.docx');
    await writeFile(file, fixture.docx);
    await expect(readActaFile(file)).resolves.toEqual(acta);
  });

  it('checks the size before reading (too_large) and reports missing files and directories as unreadable', async () => {
    const file = path.join(dir, 'grande.docx');
    await writeFile(file, result('narrative').fixture.docx);
    await expect(readActaFile(file, { limits: { maxCompressedBytes: 1024 } })).rejects.toMatchObject({
      code: 'too_large',
    });
    await expect(readActaFile(path.join(dir, 'no-existe.docx'))).rejects.toMatchObject({
      code: 'unreadable',
      name: 'ActaError',
    });
    await expect(readActaFile(dir)).rejects.toMatchObject({ code: 'unreadable' });
  });

  it('logs through the given logger and honours an aborted signal', async () => {
    const calls: string[] = [];
    const record = (_fields: Record<string, unknown>, message: string): void => {
      calls.push(message);
    };
    const logger: Logger = { debug: record, info: record, warn: record, error: record };
    await extractActa(result('dialogue').fixture.docx, { logger });
    expect(calls).toContain('acta extracted');
    await expect(extractActa(result('dialogue').fixture.docx, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('bad input', () => {
  const twentyMegabytesOfZeros = (): Buffer =>
    buildZip([{ name: 'word/document.xml', data: new Uint8Array(20 * 1024 * 1024) }]);
  const lyingMainPart = (): Buffer =>
    buildZip([{ name: 'word/document.xml', data: new Uint8Array(5 * 1024 * 1024), declaredUncompressedSize: 60_000 }]);
  const hugeDeclaredEntry = (): Buffer =>
    buildMinimalDocx(paragraphXml('x'), [
      { name: 'word/media/huge.bin', data: 'x', declaredUncompressedSize: 300 * 1024 * 1024 },
    ]);
  const encryptedOoxml = (): Buffer =>
    buildCfb([
      { name: 'EncryptionInfo', data: new Uint8Array(300) },
      { name: 'EncryptedPackage', data: new Uint8Array(2000) },
    ]);
  const halfDocx = (): Buffer => {
    const docx = result('summary').fixture.docx;
    return docx.subarray(0, docx.length / 2);
  };
  const cases: [string, string, () => Promise<Uint8Array> | Uint8Array][] = [
    ['a text file', 'not_zip', () => Buffer.from('ACTA DE LA SESIÓN ORDINARIA\nAsistentes: ...\n')],
    ['a broken PDF', 'corrupt', () => Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n')],
    ['a PDF without a text layer (a scan)', 'no_text_layer', () => pdfWithoutText()],
    ['a zip without word/document.xml', 'not_docx', () => buildZip([{ name: 'acta.txt', data: 'texto' }])],
    ['a legacy .doc', 'legacy_doc', () => buildCfb([{ name: 'WordDocument', data: wordDocumentStream(false) }])],
    ['a password-protected DOCX (EncryptionInfo + EncryptedPackage)', 'encrypted', encryptedOoxml],
    [
      'a password-protected .doc',
      'encrypted',
      () => buildCfb([{ name: 'WordDocument', data: wordDocumentStream(true) }]),
    ],
    ['a zip whose central directory declares 300 MB', 'zip_bomb', hugeDeclaredEntry],
    ['a deflate bomb (20 MB of zeros as the main part)', 'zip_bomb', twentyMegabytesOfZeros],
    ['a main part that inflates far past its declared size', 'zip_bomb', lyingMainPart],
    ['a DOCX cut in half', 'corrupt', halfDocx],
    [
      'a main part that is not XML',
      'corrupt',
      () => buildZip([{ name: 'word/document.xml', data: 'esto no es xml <<<' }]),
    ],
    ['an empty DOCX', 'empty', () => generatePlainDocx([])],
    ['a DOCX of blank paragraphs', 'empty', () => generatePlainDocx(['', '   ', '\u00a0'])],
    ['a 0-byte file', 'empty', () => new Uint8Array(0)],
  ];

  it.each(cases)('%s → ActaError %s', async (_, code, make) => {
    const bytes = await make();
    const file = path.join(dir, `bad-${code}-${Math.random().toString(36).slice(2)}.docx`);
    await writeFile(file, bytes);
    for (const attempt of [() => extractActa(bytes), () => readActaFile(file)]) {
      const error = await attempt().then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ActaError);
      expect(error).toMatchObject({ name: 'ActaError', code, retryable: false });
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('keeps the cause of a mammoth failure', async () => {
    const error = await extractActa(buildZip([{ name: 'word/document.xml', data: 'esto no es xml <<<' }])).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'corrupt' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });

  it('applies configurable limits (entries, ratio, uncompressed bytes) to a normal DOCX', async () => {
    const docx = result('narrative').fixture.docx;
    await expect(extractActa(docx, { limits: { maxEntries: 3 } })).rejects.toMatchObject({ code: 'zip_bomb' });
    await expect(extractActa(docx, { limits: { maxCompressionRatio: 1.5 } })).rejects.toMatchObject({
      code: 'zip_bomb',
    });
    await expect(extractActa(docx, { limits: { maxUncompressedBytes: 10_000 } })).rejects.toMatchObject({
      code: 'zip_bomb',
    });
    await expect(extractActa(docx, { limits: { maxCompressedBytes: 2_000 } })).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('reads a DOCX of unstructured paragraphs into a well-formed Acta with no items', async () => {
    const paragraphs = randomParagraphs(25);
    const acta = await extractActa(await generatePlainDocx(paragraphs));
    expect(actaSchema.safeParse(acta).success).toBe(true);
    expect(acta.items).toEqual([]);
    expect(acta.meta.title).toBe(paragraphs[0]);
    expect(acta.fragments.map((fragment) => fragment.text)).toEqual(paragraphs);
    expect(new Set(acta.fragments.map((fragment) => fragment.kind))).toEqual(new Set(['other']));
  });
});

function randomParagraphs(count: number): string[] {
  const words =
    'casa perro jardín mesa libro camino verano ciudad río montaña tren nube ventana azul rápido tarde'.split(' ');
  let state = 7;
  const next = (): number => {
    state = (state * 48271) % 2147483647;
    return state;
  };
  return Array.from({ length: count }, () => {
    const sentence = Array.from({ length: 6 + (next() % 20) }, () => words[next() % words.length]).join(' ');
    return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
  });
}
