const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const LINE_BREAK_HYPHENATION = /(\p{L})[-\u2010\u2011]\s*\n\s*(\p{Ll})/gu;
const WHITESPACE = /[\s\u00a0\u2007\u202f]+/g;
const HAS_INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const NEEDS_WHITESPACE_FIX = /[^\S ]|[\u2007\u202f]| {2}/;

/**
 * Whitespace and typesetting fixes that do not change the written text: soft hyphens and zero-width
 * characters removed, words hyphenated across a line break joined ("palabra- \nsiguiente" → "palabrasiguiente"),
 * every run of whitespace (including line breaks and no-break spaces) collapsed to one space, trimmed.
 */
export function normalizeText(text: string): string {
  let out = HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, '') : text;
  if (out.includes('\n')) out = out.replace(LINE_BREAK_HYPHENATION, '$1$2');
  if (NEEDS_WHITESPACE_FIX.test(out)) out = out.replace(WHITESPACE, ' ');
  return out.trim();
}
