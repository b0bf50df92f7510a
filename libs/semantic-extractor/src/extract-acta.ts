import { buildActa } from './minutes/build-acta';
import { convertDocxToHtml } from './docx/convert-docx-to-html';
import { DEFAULT_DOCX_LIMITS, resolveDocxLimits, type DocxLimits } from './docx/docx-limits';
import { silentLogger, type Logger } from './logger';
import { actaSchema, type Acta } from './model';
import { openDocxPackage } from './docx/open-docx-package';
import { readBlocks } from './docx/read-blocks';
import { removePageFurniture } from './layout/remove-page-furniture';

export type ExtractActaOptions = {
  /** Zip-bomb and size guards, checked before anything is inflated. */
  limits?: Partial<DocxLimits>;
  logger?: Logger;
  /** Checked between stages (the whole extraction takes well under a second). */
  signal?: AbortSignal;
};

export type ResolvedExtractActaOptions = {
  limits: DocxLimits;
  logger: Logger;
  signal: AbortSignal | undefined;
};

export const DEFAULT_EXTRACT_ACTA_OPTIONS: Readonly<ResolvedExtractActaOptions> = Object.freeze({
  limits: DEFAULT_DOCX_LIMITS,
  logger: silentLogger,
  signal: undefined,
});

export function resolveExtractActaOptions(options: ExtractActaOptions = {}): ResolvedExtractActaOptions {
  return {
    limits: resolveDocxLimits(options.limits),
    logger: options.logger ?? DEFAULT_EXTRACT_ACTA_OPTIONS.logger,
    signal: options.signal,
  };
}

/**
 * DOCX bytes → Acta. The zip is checked against the limits before anything is inflated, then mammoth turns
 * the document into HTML, which is read into blocks and then into the minutes model. The result is validated
 * against actaSchema. Bad input throws ActaError (not_zip, not_docx, encrypted, legacy_doc, too_large,
 * zip_bomb, corrupt, empty).
 */
export async function extractActa(input: Uint8Array | Buffer, options: ExtractActaOptions = {}): Promise<Acta> {
  const { limits, logger, signal } = resolveExtractActaOptions(options);
  signal?.throwIfAborted();
  const docx = openDocxPackage(input, limits);
  logger.debug({ bytes: input.length, entries: docx.entryCount, mainPart: docx.mainDocumentPath }, 'acta docx opened');
  const { html, warnings } = await convertDocxToHtml(docx);
  signal?.throwIfAborted();
  if (warnings > 0) logger.debug({ warnings }, 'mammoth reported conversion warnings');
  const layout = removePageFurniture(readBlocks(html));
  const blocks = layout.blocks;
  const acta = actaSchema.parse(buildActa(blocks));
  logger.debug({ blocks: blocks.length, items: acta.items.length, fragments: acta.fragments.length }, 'acta extracted');
  return acta;
}
