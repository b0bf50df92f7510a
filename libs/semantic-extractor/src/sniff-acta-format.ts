import { sniffContainer } from './docx/sniff-container';

/** The acta formats this lib reads. */
export type ActaFormat = 'docx' | 'pdf';

const PDF_MAGIC = '%PDF-';
/** PDF readers accept the header anywhere in the first 1024 bytes (junk before it is common in the field). */
const PDF_HEADER_WINDOW = 1024;

/**
 * What the bytes are, as far as an acta goes: a zip container (`docx`; whether it is really WordprocessingML is
 * checked when it is opened), a `pdf`, or `undefined` for anything else (legacy .doc, RTF, text, images).
 * Decided by content, never by file name.
 */
export function sniffActaFormat(bytes: Uint8Array): ActaFormat | undefined {
  const container = sniffContainer(bytes);
  if (container === 'zip') return 'docx';
  if (container === 'pdf') return 'pdf';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW)).toString(
    'latin1',
  );
  return head.includes(PDF_MAGIC) ? 'pdf' : undefined;
}
