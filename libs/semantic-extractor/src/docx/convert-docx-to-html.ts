import mammoth from 'mammoth';
import type { DocxPackage } from './open-docx-package';
import { ActaError } from '../errors';

/**
 * Style map on top of mammoth's defaults (which already map Heading 1-6): the Word "Title" style (dropped by
 * default) and the Spanish style names LibreOffice and localised templates write.
 */
export const ACTA_STYLE_MAP: readonly string[] = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Título'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Subtítulo'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((level) => [
    `p[style-name='Título ${level}'] => h${level}:fresh`,
    `p[style-name='Encabezado ${level}'] => h${level}:fresh`,
  ]),
];

export type DocxHtml = { html: string; warnings: number };

/** What mammoth calls the zip it reads from: an undocumented but stable input (`{ file }`, lib/unzip.js). */
type MammothZipInput = { file: Pick<DocxPackage, 'exists' | 'read'> };
type MammothConvert = (
  input: MammothZipInput,
  options: Parameters<typeof mammoth.convertToHtml>[1],
) => ReturnType<typeof mammoth.convertToHtml>;

/**
 * DOCX → HTML with mammoth, reading parts through our bounded package reader (no second unzip by JSZip).
 * Images are never read (empty src); embedded style maps and external files are ignored.
 */
export async function convertDocxToHtml(docx: DocxPackage): Promise<DocxHtml> {
  const convert = mammoth.convertToHtml as unknown as MammothConvert;
  try {
    const result = await convert(
      { file: { exists: docx.exists, read: docx.read } },
      {
        styleMap: [...ACTA_STYLE_MAP],
        includeEmbeddedStyleMap: false,
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    return { html: result.value, warnings: result.messages.length };
  } catch (error) {
    if (error instanceof ActaError) throw error;
    throw new ActaError('corrupt', 'the DOCX could not be parsed (mammoth failed)', { cause: error });
  }
}
