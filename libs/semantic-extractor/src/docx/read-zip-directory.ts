import type { DocxLimits } from './docx-limits';
import { ActaError } from '../errors';

/** One entry of a zip's central directory, sizes as declared there (zip64 fields honoured). */
export type ZipEntry = {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

export type ZipDirectory = {
  entries: ReadonlyMap<string, ZipEntry>;
  totalUncompressedBytes: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const LARGE_ENTRY_BYTES = 1024 * 1024;
const utf8 = new TextDecoder('utf-8');

/**
 * Reads the central directory only (nothing is inflated) and enforces the limits on it:
 * entry count, declared total uncompressed size and compression ratio. Throws ActaError
 * `zip_bomb` (limits), `encrypted` (zip-level encryption), `corrupt` (unreadable directory).
 */
export function readZipDirectory(bytes: Uint8Array, limits: DocxLimits): ZipDirectory {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw corrupt('no end-of-central-directory record');
  let entryCount = view.getUint16(eocd + 10, true);
  let directorySize = view.getUint32(eocd + 12, true);
  let directoryOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw corrupt('multi-disk archives are not supported');
  }
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const zip64 = readZip64End(view, eocd);
    entryCount = zip64.entryCount;
    directorySize = zip64.directorySize;
    directoryOffset = zip64.directoryOffset;
  }
  if (entryCount > limits.maxEntries) {
    throw new ActaError('zip_bomb', `zip declares ${entryCount} entries (limit ${limits.maxEntries})`);
  }
  if (directoryOffset + directorySize > bytes.length) throw corrupt('central directory lies outside the file');

  const entries = new Map<string, ZipEntry>();
  let totalUncompressed = 0;
  let totalCompressed = 0;
  let offset = directoryOffset;
  for (let i = 0; i < entryCount; i += 1) {
    const entry = readCentralEntry(view, bytes, offset);
    offset = entry.next;
    if (offset > directoryOffset + directorySize) throw corrupt('central directory overruns its declared size');
    if (entry.value.encrypted || entry.value.method === 99) {
      throw new ActaError('encrypted', 'the zip entries are encrypted (password-protected archive)');
    }
    totalUncompressed += entry.value.uncompressedSize;
    totalCompressed += entry.value.compressedSize;
    checkEntryRatio(entry.value, limits);
    if (!entries.has(entry.value.name)) entries.set(entry.value.name, entry.value);
  }
  if (totalUncompressed > limits.maxUncompressedBytes) {
    throw new ActaError(
      'zip_bomb',
      `zip declares ${totalUncompressed} uncompressed bytes (limit ${limits.maxUncompressedBytes})`,
    );
  }
  const ratio = totalUncompressed / Math.max(totalCompressed, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new ActaError('zip_bomb', `zip compression ratio ${ratio.toFixed(0)} exceeds ${limits.maxCompressionRatio}`);
  }
  return { entries, totalUncompressedBytes: totalUncompressed };
}

function checkEntryRatio(entry: ZipEntry, limits: DocxLimits): void {
  if (entry.uncompressedSize <= LARGE_ENTRY_BYTES) return;
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (ratio > limits.maxCompressionRatio) {
    throw new ActaError(
      'zip_bomb',
      `zip entry compression ratio ${ratio.toFixed(0)} exceeds ${limits.maxCompressionRatio}`,
    );
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let offset = last; offset >= first; offset -= 1) {
    if (view.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  return -1;
}

function readZip64End(
  view: DataView,
  eocd: number,
): { entryCount: number; directorySize: number; directoryOffset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) {
    throw corrupt('zip64 end-of-central-directory locator missing');
  }
  const record = readUint64(view, locator + 8);
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw corrupt('zip64 end-of-central-directory record missing');
  }
  return {
    entryCount: readUint64(view, record + 32),
    directorySize: readUint64(view, record + 40),
    directoryOffset: readUint64(view, record + 48),
  };
}

function readCentralEntry(view: DataView, bytes: Uint8Array, offset: number): { value: ZipEntry; next: number } {
  if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
    throw corrupt('bad central directory entry');
  }
  const flags = view.getUint16(offset + 8, true);
  const nameLength = view.getUint16(offset + 28, true);
  const extraLength = view.getUint16(offset + 30, true);
  const commentLength = view.getUint16(offset + 32, true);
  const next = offset + 46 + nameLength + extraLength + commentLength;
  if (next > view.byteLength) throw corrupt('central directory entry overruns the file');
  const value: ZipEntry = {
    name: utf8.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    method: view.getUint16(offset + 10, true),
    encrypted: (flags & 0x1) !== 0,
    compressedSize: view.getUint32(offset + 20, true),
    uncompressedSize: view.getUint32(offset + 24, true),
    localHeaderOffset: view.getUint32(offset + 42, true),
  };
  applyZip64Extra(view, offset + 46 + nameLength, extraLength, value);
  return { value, next };
}

/** Zip64 extended information (0x0001): 8-byte values, only for the fields saturated at 0xFFFFFFFF, in order. */
function applyZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  const end = start + length;
  for (let offset = start; offset + 4 <= end;) {
    const id = view.getUint16(offset, true);
    const size = view.getUint16(offset + 2, true);
    if (offset + 4 + size > end) throw corrupt('truncated extra field');
    if (id === 0x0001) {
      let field = offset + 4;
      const take = (): number => {
        if (field + 8 > offset + 4 + size) throw corrupt('truncated zip64 extra field');
        const value = readUint64(view, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    offset += 4 + size;
  }
}

function readUint64(view: DataView, offset: number): number {
  const value = view.getBigUint64(offset, true);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt('zip64 value out of range');
  return Number(value);
}

function corrupt(reason: string): ActaError {
  return new ActaError('corrupt', `the file is not a readable zip archive: ${reason}`);
}
