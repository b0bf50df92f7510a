/** Bounds on reading a PDF: pdf.js runs in a worker thread that is terminated past them. */
export type PdfLimits = {
  /** More pages than this → ActaError `too_large` (a 200-page acta is already unusual). */
  maxPages: number;
  /** Wall-clock bound on parsing the whole file → ActaError `timeout`. */
  timeoutMs: number;
  /** V8 old-generation heap of the worker; a hostile file that needs more ends as `too_large`. */
  maxHeapMb: number;
};

export const DEFAULT_PDF_LIMITS: Readonly<PdfLimits> = Object.freeze({
  maxPages: 1000,
  timeoutMs: 60_000,
  maxHeapMb: 512,
});

export function resolvePdfLimits(limits: Partial<PdfLimits> = {}): PdfLimits {
  return { ...DEFAULT_PDF_LIMITS, ...limits };
}
