import { inflateRawSync } from 'node:zlib';
import type { DocxLimits } from './docx-limits';
import { ActaError } from '../errors';
import { inspectOle2 } from './inspect-ole2';
import { readZipDirectory, type ZipDirectory, type ZipEntry } from './read-zip-directory';
import { sniffContainer } from './sniff-container';

/**
 * A checked DOCX package: the zip directory passed the limits and holds a WordprocessingML main part.
 * `read` inflates one entry with native zlib, never past its declared size nor the archive budget.
 * The shape (`exists`, `read(name, encoding)`) is the zip-file interface mammoth reads parts through.
 */
export type DocxPackage = {
  mainDocumentPath: string;
  entryCount: number;
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
};

const LOCAL_SIGNATURE = 0x04034b50;
const WORD_CONTENT_TYPE =
  /wordprocessingml\.(document|template)\.main\+xml|application\/vnd\.ms-word\.(document|template)\.macroEnabled/i;

/** Sniffs the bytes, maps every non-DOCX shape to its ActaError code, and opens the zip without inflating it. */
export function openDocxPackage(bytes: Uint8Array, limits: DocxLimits): DocxPackage {
  const kind = sniffContainer(bytes);
  if (kind === 'empty') throw new ActaError('empty', 'the file is empty (0 bytes)');
  if (bytes.length > limits.maxCompressedBytes) {
    throw new ActaError('too_large', `the file has ${bytes.length} bytes (limit ${limits.maxCompressedBytes})`);
  }
  if (kind === 'ole2') throw ole2Error(bytes);
  if (kind !== 'zip') {
    const what = kind === 'pdf' ? 'a PDF' : kind === 'rtf' ? 'an RTF document' : 'not a zip archive';
    throw new ActaError('not_zip', `the file is ${what}, not a DOCX`);
  }
  const directory = readZipDirectory(bytes, limits);
  const reader = createEntryReader(bytes, directory, limits);
  const mainDocumentPath = findMainDocumentPath(directory, reader.readText);
  return {
    mainDocumentPath,
    entryCount: directory.entries.size,
    exists: (name) => directory.entries.has(name),
    read: async (name, encoding) => {
      const data = reader.readBytes(name);
      return encoding ? new TextDecoder(encoding).decode(data) : data;
    },
  };
}

function ole2Error(bytes: Uint8Array): ActaError {
  switch (inspectOle2(bytes)) {
    case 'encrypted_ooxml':
      return new ActaError('encrypted', 'the DOCX is password-protected (encrypted OOXML package)');
    case 'encrypted_doc':
      return new ActaError('encrypted', 'the file is a password-protected Word 97-2003 .doc');
    case 'word_doc':
      return new ActaError('legacy_doc', 'the file is a Word 97-2003 .doc, not a DOCX: convert it first');
    case 'other':
      return new ActaError('legacy_doc', 'the file is an OLE2 compound document (legacy Office format), not a DOCX');
  }
}

type EntryReader = {
  readBytes(name: string): Uint8Array;
  readText(name: string): string | undefined;
};

function createEntryReader(bytes: Uint8Array, directory: ZipDirectory, limits: DocxLimits): EntryReader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflatedBytes = 0;
  const readBytes = (name: string): Uint8Array => {
    const entry = directory.entries.get(name);
    if (!entry) throw new ActaError('corrupt', `the DOCX has no part ${JSON.stringify(name)}`);
    const data = inflateEntry(view, bytes, entry, limits.maxUncompressedBytes - inflatedBytes);
    inflatedBytes += data.length;
    return data;
  };
  return {
    readBytes,
    readText: (name) => (directory.entries.has(name) ? new TextDecoder('utf-8').decode(readBytes(name)) : undefined),
  };
}

function inflateEntry(view: DataView, bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || view.getUint32(header, true) !== LOCAL_SIGNATURE) {
    throw new ActaError('corrupt', `bad local header for zip entry ${JSON.stringify(entry.name)}`);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ActaError('corrupt', `zip entry ${JSON.stringify(entry.name)} is truncated`);
  if (entry.uncompressedSize > budget) {
    throw new ActaError('zip_bomb', 'the DOCX inflates beyond the uncompressed size limit');
  }
  const compressed = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) {
      throw new ActaError('corrupt', `stored zip entry ${JSON.stringify(entry.name)} has inconsistent sizes`);
    }
    return compressed;
  }
  if (entry.method !== 8) {
    throw new ActaError(
      'corrupt',
      `zip entry ${JSON.stringify(entry.name)} uses unsupported compression ${entry.method}`,
    );
  }
  if (entry.uncompressedSize === 0) return new Uint8Array(0);
  let data: Buffer;
  try {
    // One byte over the declared size is enough to catch an entry that lies about its size.
    data = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ActaError('zip_bomb', `zip entry ${JSON.stringify(entry.name)} inflates beyond its declared size`, {
        cause: error,
      });
    }
    throw new ActaError('corrupt', `zip entry ${JSON.stringify(entry.name)} cannot be inflated`, { cause: error });
  }
  if (data.length !== entry.uncompressedSize) {
    const code = data.length > entry.uncompressedSize ? 'zip_bomb' : 'corrupt';
    throw new ActaError(code, `zip entry ${JSON.stringify(entry.name)} does not match its declared size`);
  }
  return data;
}

/** The officeDocument target of `_rels/.rels` (default `word/document.xml`), which must exist and be Word content. */
function findMainDocumentPath(directory: ZipDirectory, readText: (name: string) => string | undefined): string {
  const rels = readText('_rels/.rels');
  const target = rels === undefined ? undefined : findOfficeDocumentTarget(rels);
  const mainPath = target !== undefined && directory.entries.has(target) ? target : 'word/document.xml';
  if (!directory.entries.has(mainPath)) {
    throw new ActaError('not_docx', 'the zip archive is not a DOCX (no word/document.xml main part)');
  }
  const contentTypes = readText('[Content_Types].xml');
  const declared = contentTypes === undefined ? undefined : findOverrideContentType(contentTypes, mainPath);
  if (declared !== undefined && !WORD_CONTENT_TYPE.test(declared)) {
    throw new ActaError('not_docx', `the zip archive is not a DOCX (main part is ${declared})`);
  }
  return mainPath;
}

function findOfficeDocumentTarget(rels: string): string | undefined {
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attributes = readAttributes(match[1] ?? '');
    if (attributes.get('Type')?.endsWith('/officeDocument')) {
      return attributes.get('Target')?.replace(/^\/+/, '');
    }
  }
  return undefined;
}

function findOverrideContentType(contentTypes: string, partPath: string): string | undefined {
  for (const match of contentTypes.matchAll(/<(?:\w+:)?Override\b([^>]*)>/g)) {
    const attributes = readAttributes(match[1] ?? '');
    if (attributes.get('PartName')?.replace(/^\/+/, '') === partPath) return attributes.get('ContentType');
  }
  return undefined;
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attributes.set(match[1] ?? '', match[2] ?? match[3] ?? '');
  }
  return attributes;
}
