/** Bounds checked on the zip's central directory before anything is decompressed (and again while inflating). */
export type DocxLimits = {
  /** Size of the .docx file itself. */
  maxCompressedBytes: number;
  /** Sum of the declared uncompressed sizes of all entries; also caps the bytes actually inflated. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed, for the whole archive and for any entry above 1 MiB. */
  maxCompressionRatio: number;
  /** Number of entries in the central directory. */
  maxEntries: number;
};

export const DEFAULT_DOCX_LIMITS: Readonly<DocxLimits> = Object.freeze({
  maxCompressedBytes: 50 * 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxEntries: 5000,
});

export function resolveDocxLimits(limits: Partial<DocxLimits> = {}): DocxLimits {
  const resolved = { ...DEFAULT_DOCX_LIMITS, ...stripUndefined(limits) };
  for (const [key, value] of Object.entries(resolved)) {
    if (!Number.isFinite(value) || value <= 0) throw new RangeError(`DocxLimits.${key} must be a positive number`);
  }
  return resolved;
}

function stripUndefined(limits: Partial<DocxLimits>): Partial<DocxLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}
