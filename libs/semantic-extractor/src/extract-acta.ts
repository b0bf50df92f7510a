import { DEFAULT_DOCX_LIMITS, resolveDocxLimits, type DocxLimits } from './docx/docx-limits';
import { convertDocxToHtml } from './docx/convert-docx-to-html';
import { openDocxPackage } from './docx/open-docx-package';
import { readBlocks } from './docx/read-blocks';
import { ActaError } from './errors';
import type { Block } from './layout/block';
import { removePageFurniture } from './layout/remove-page-furniture';
import { silentLogger, type Logger } from '@astra/contracts';
import { buildActa } from './minutes/build-acta';
import { actaSchema, type Acta } from '@astra/contracts';
import { buildPdfBlocks } from './pdf/build-pdf-blocks';
import { DEFAULT_PDF_LIMITS, resolvePdfLimits, type PdfLimits } from './pdf/pdf-limits';
import { readPdfPages } from './pdf/read-pdf-pages';
import { sniffActaFormat } from './sniff-acta-format';

export type ExtractActaOptions = {
  /** Size guards (both formats) and zip-bomb guards (DOCX), checked before anything is inflated or parsed. */
  limits?: Partial<DocxLimits>;
  /** Page, time and heap bounds of the PDF reader. */
  pdfLimits?: Partial<PdfLimits>;
  logger?: Logger;
  /** Checked between stages; aborting terminates the PDF reader. */
  signal?: AbortSignal;
};

export type ResolvedExtractActaOptions = {
  limits: DocxLimits;
  pdfLimits: PdfLimits;
  logger: Logger;
  signal: AbortSignal | undefined;
};

export const DEFAULT_EXTRACT_ACTA_OPTIONS: Readonly<ResolvedExtractActaOptions> = Object.freeze({
  limits: DEFAULT_DOCX_LIMITS,
  pdfLimits: DEFAULT_PDF_LIMITS,
  logger: silentLogger,
  signal: undefined,
});

export function resolveExtractActaOptions(options: ExtractActaOptions = {}): ResolvedExtractActaOptions {
  return {
    limits: resolveDocxLimits(options.limits),
    pdfLimits: resolvePdfLimits(options.pdfLimits),
    logger: options.logger ?? DEFAULT_EXTRACT_ACTA_OPTIONS.logger,
    signal: options.signal,
  };
}

/** Fewer visible characters than this per page on average: the PDF is a scan (an image of each page). */
const MIN_CHARACTERS_PER_PAGE = 20;

/**
 * Acta bytes (DOCX or PDF, told apart by content) → Acta. DOCX: the zip is checked against the limits before
 * anything is inflated, mammoth turns it into HTML, read into blocks. PDF: pdf.js reads the text layer in a
 * bounded worker thread and the blocks are rebuilt from the positions. Either way page furniture is removed,
 * then the minutes model is built and validated against actaSchema. Bad input throws ActaError.
 */
export async function extractActa(input: Uint8Array | Buffer, options: ExtractActaOptions = {}): Promise<Acta> {
  const resolved = resolveExtractActaOptions(options);
  const { logger, signal } = resolved;
  signal?.throwIfAborted();
  const format = sniffActaFormat(input);
  const blocks = format === 'pdf' ? await readPdfBlocks(input, resolved) : await readDocxBlocks(input, resolved);
  signal?.throwIfAborted();
  const acta = actaSchema.parse(buildActa(blocks));
  logger.debug(
    { format: format ?? 'unknown', blocks: blocks.length, items: acta.items.length, fragments: acta.fragments.length },
    'acta extracted',
  );
  return acta;
}

async function readDocxBlocks(
  input: Uint8Array,
  { limits, logger, signal }: ResolvedExtractActaOptions,
): Promise<Block[]> {
  const docx = openDocxPackage(input, limits);
  logger.debug({ bytes: input.length, entries: docx.entryCount, mainPart: docx.mainDocumentPath }, 'acta docx opened');
  const { html, warnings } = await convertDocxToHtml(docx);
  signal?.throwIfAborted();
  if (warnings > 0) logger.debug({ warnings }, 'mammoth reported conversion warnings');
  const layout = removePageFurniture(readBlocks(html));
  if (layout.removed > 0) logger.debug({ removed: layout.removed, joined: layout.joined }, 'page furniture removed');
  return layout.blocks;
}

async function readPdfBlocks(
  input: Uint8Array,
  { limits, pdfLimits, logger, signal }: ResolvedExtractActaOptions,
): Promise<Block[]> {
  if (input.length > limits.maxCompressedBytes) {
    throw new ActaError('too_large', `the file has ${input.length} bytes (limit ${limits.maxCompressedBytes})`);
  }
  const pages = await readPdfPages(input, pdfLimits, signal);
  const { blocks, furnitureLines, characters } = buildPdfBlocks(pages);
  logger.debug({ pages: pages.length, characters, furnitureLines, blocks: blocks.length }, 'acta pdf read');
  if (characters < MIN_CHARACTERS_PER_PAGE * Math.max(1, pages.length) * 0.25 || blocks.length === 0) {
    throw new ActaError(
      'no_text_layer',
      'the PDF has no text layer (a scanned image?): OCR is not supported, publish or convert it with its text',
    );
  }
  return blocks;
}
