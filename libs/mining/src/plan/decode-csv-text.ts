import { MiningError } from '../errors';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes the bytes of sessions.csv (architecture §2): UTF-8 with or without a byte-order mark, or UTF-16 LE/BE
 * when a byte-order mark says so. Anything else is refused with the line and byte offset of the first byte that
 * does not fit, instead of being read as replacement characters (a Latin-1 `Sesión` would be stored as
 * `Sesi\ufffdn`) or as one unreadable header (UTF-16 read as UTF-8).
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF8_BOM)) return decodeUtf8(bytes, UTF8_BOM.length);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, 'le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, 'be');
  return decodeUtf8(bytes, 0);
}

function decodeUtf8(bytes: Uint8Array, start: number): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    // The native decoder says whether the bytes are valid, not where they stop being so: find it.
    const offset = firstInvalidUtf8(bytes, start);
    throw encodingError(
      `is not valid UTF-8: byte 0x${hex(bytes[offset])} at line ${lineAt(bytes, offset, 1)}, byte offset ${offset}`,
    );
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const offset = Buffer.byteLength(text.slice(0, nul), 'utf8') + start;
    throw encodingError(
      `has a NUL byte at line ${lineAt(bytes, offset, 1)}, byte offset ${offset}: it looks like UTF-16 without a byte-order mark`,
    );
  }
  return text;
}

function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be'): string {
  const problem = firstInvalidUtf16(bytes, order);
  if (problem) {
    throw encodingError(
      `is not valid UTF-16 ${order.toUpperCase()}: ${problem.what} at line ${lineAt(bytes, problem.offset, 2, order)}, byte offset ${problem.offset}`,
    );
  }
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: false }).decode(bytes);
}

function encodingError(detail: string): MiningError {
  return new MiningError(
    'invalid_input',
    `The sessions CSV ${detail}. Save it as UTF-8 (or UTF-16 with a byte-order mark)`,
  );
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF). */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    // Allowed range of the second byte for each lead byte; the others are always 0x80..0xBF.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined) return i;
      const [min, max] = k === 1 ? [low, high] : [0x80, 0xbf];
      if (next < min || next > max) return i;
    }
    i += length;
  }
  return -1;
}

function firstInvalidUtf16(bytes: Uint8Array, order: 'le' | 'be'): { offset: number; what: string } | undefined {
  const unit = (at: number) =>
    order === 'le' ? (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8) : ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
  const even = bytes.length - (bytes.length % 2);
  for (let i = 2; i < even; i += 2) {
    const code = unit(i);
    if (code === 0) return { offset: i, what: 'a NUL character' };
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 2 < even ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return { offset: i, what: 'an unpaired surrogate' };
      i += 2;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return { offset: i, what: 'an unpaired surrogate' };
    }
  }
  if (bytes.length % 2 === 1) return { offset: bytes.length - 1, what: 'an odd number of bytes' };
  return undefined;
}

/** 1-based line of `offset`: one more than the line feeds before it (code units of `width` bytes). */
function lineAt(bytes: Uint8Array, offset: number, width: 1 | 2, order: 'le' | 'be' = 'le'): number {
  let line = 1;
  for (let i = 0; i + width <= offset; i += width) {
    const isLineFeed =
      width === 1
        ? bytes[i] === 0x0a
        : order === 'le'
          ? bytes[i] === 0x0a && bytes[i + 1] === 0
          : bytes[i] === 0 && bytes[i + 1] === 0x0a;
    if (isLineFeed) line += 1;
  }
  return line;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function hex(byte: number | undefined): string {
  return (byte ?? 0).toString(16).toUpperCase().padStart(2, '0');
}
