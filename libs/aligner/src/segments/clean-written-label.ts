const QUOTES = /[«»“”„"]/gu;
const SPACES = /\s+/gu;
/** Never heard at the edges of a label: whitespace, dialogue dashes, bullets. */
const EDGE_MARKS: ReadonlySet<string> = new Set([' ', '-', '–', '—', '•', '*', '·']);

/**
 * The `written` label style: the acta text as written, minus what is never heard: quotation marks, dialogue dashes
 * and bullets at the edges, line breaks and repeated spaces. Casing, accents, digits and punctuation stay.
 */
export function cleanWrittenLabel(text: string): string {
  const flat = text.replace(QUOTES, '').replace(SPACES, ' ');
  let start = 0;
  let end = flat.length;
  while (start < end && EDGE_MARKS.has(flat.charAt(start))) start += 1;
  while (end > start && EDGE_MARKS.has(flat.charAt(end - 1))) end -= 1;
  return flat.slice(start, end);
}
