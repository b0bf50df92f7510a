/** A run of text inside or outside quotation marks. */
export type QuotePiece = { quoted: boolean; text: string };

/** The quotation still open at the end of a paragraph: the character that will close it. */
export type OpenQuote = { closer: '»' | '”' | '"' };

export type SplitQuotesResult = { pieces: QuotePiece[]; open: OpenQuote | undefined };

const OPENERS: Readonly<Record<string, OpenQuote['closer']>> = { '«': '»', '“': '”', '"': '"' };

/**
 * Splits a paragraph into quoted and unquoted runs. Only the outermost quotation counts: «…» may hold “…” or
 * "…" and nested «…». A quotation left open at the end is returned in `open`; pass it back for the next
 * paragraph, which then starts inside the quotation (a leading » or « there is the Spanish continuation mark
 * and is skipped).
 */
export function splitQuotes(text: string, open?: OpenQuote): SplitQuotesResult {
  const pieces: QuotePiece[] = [];
  let closer = open?.closer;
  let depth = closer ? 1 : 0;
  let start = 0;
  if (closer) {
    const lead = /^\s*[»«]\s*/u.exec(text);
    if (lead && !(closer === '»' && text.trim() === '»')) start = lead[0].length;
  }
  const push = (end: number, quoted: boolean): void => {
    const piece = text.slice(start, end);
    if (piece.trim() !== '') pieces.push({ quoted, text: piece });
  };
  const quoteChars = /[«»“”"]/g;
  quoteChars.lastIndex = start;
  for (let match = quoteChars.exec(text); match; match = quoteChars.exec(text)) {
    const i = match.index;
    const char = match[0];
    if (closer === undefined) {
      const opened = OPENERS[char];
      if (opened && !(char === '"' && isInchMark(text, i))) {
        push(i, false);
        closer = opened;
        depth = 1;
        start = i + 1;
      }
      continue;
    }
    if (closer === '»' && char === '«') depth += 1;
    else if (char === closer) {
      depth -= 1;
      if (depth === 0) {
        push(i, true);
        closer = undefined;
        start = i + 1;
      }
    }
  }
  push(text.length, closer !== undefined);
  return { pieces, open: closer ? { closer } : undefined };
}

/** A straight quote right after a digit (12") is a unit, not a quotation. */
function isInchMark(text: string, index: number): boolean {
  return /\d/.test(text[index - 1] ?? '');
}
