const QUOTES = /[«»“”„"]/gu;
const SPACES = /\s+/gu;
const EDGE_MARKS = /^[\s\-–—•*·]+|[\s\-–—•*·]+$/gu;

/**
 * The `written` label style: the acta text as written, minus what is never heard: quotation marks, dialogue dashes
 * and bullets at the edges, line breaks and repeated spaces. Casing, accents, digits and punctuation stay.
 */
export function cleanWrittenLabel(text: string): string {
  return text.replace(QUOTES, '').replace(SPACES, ' ').replace(EDGE_MARKS, '');
}
