/** A block-level unit of the document, in document order, with the formatting cues the minutes model uses. */
export type Block = {
  type: 'heading' | 'paragraph' | 'list-item' | 'table' | 'note';
  /** Heading level (1-6), list nesting depth (1 = top level), 0 otherwise. */
  level: number;
  /** List items of an ordered list. */
  ordered: boolean;
  /**
   * Text as written with whitespace normalised (normalizeText: runs collapsed, line-break hyphenation joined,
   * soft hyphens dropped). Tables: cells joined by " | ", rows by " / " (the cells are in `rows`).
   */
  text: string;
  /** Every visible character is bold (headings count as bold). */
  allBold: boolean;
  allItalic: boolean;
  /** Table cells (tables only). */
  rows: string[][];
  /** The text split at manual line breaks (Shift+Enter), each line normalised; one line when there is none. */
  lines: string[];
};
