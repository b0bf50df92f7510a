export { cleanLabelText } from './clean-label-text';
export { DEFAULT_DOCX_LIMITS } from './docx-limits';
export type { DocxLimits } from './docx-limits';
export { ActaError } from './errors';
export type { ActaErrorCode } from './errors';
export { DEFAULT_EXTRACT_ACTA_OPTIONS, extractActa, resolveExtractActaOptions } from './extract-acta';
export type { ExtractActaOptions, ResolvedExtractActaOptions } from './extract-acta';
export { isSpokenFragment } from './is-spoken-fragment';
export { readActaFile } from './read-acta-file';
