import { parseAgendaHeading } from '../agenda/parse-agenda-heading';
import type { Block } from '../layout/block';
import { furnitureKey, isFurnitureLine } from '../layout/is-furniture-line';
import { normalizeText } from '../text/normalize-text';
import type { PdfPage, PdfTextItem } from './pdf-page';

/** A line of text rebuilt from the items that share a baseline. */
type Line = { page: number; text: string; x0: number; x1: number; y: number; fontSize: number; bold: boolean };

const MARGIN_BAND = 0.16;
const BULLET = /^\s*(?:[-–—•▪■◦●·]|\d{1,3}\s*[ªº°]?\s*[).]|[a-zA-Z]\)|[☐☒✓])\s*/u;
const TERMINAL = /[.:;?!»”)"…]\s*$/u;

export type PdfBlocksResult = { blocks: Block[]; furnitureLines: number; characters: number };

/**
 * PDF pages → the blocks the minutes model reads, from text positions alone: rotated runs (side stamps) are
 * dropped; items on one baseline become a line; lines that repeat in the top or bottom band of most pages
 * (letterhead, footer) or have a furniture shape are dropped; lines become paragraphs at a vertical gap, an
 * indented first line, a change between bold and regular, a numbered or bulleted start, or after a short line
 * ending a sentence. A paragraph runs on across a page break when nothing says it ended. Bold comes from the
 * font names. Pure.
 */
export function buildPdfBlocks(pages: readonly PdfPage[]): PdfBlocksResult {
  const pageLines = pages.map((page, index) => readLines(page, index));
  const characters = pageLines.flat().reduce((sum, line) => sum + line.text.replace(/\s/g, '').length, 0);
  const furniture = findRepeatedFurniture(pages, pageLines);
  let furnitureLines = 0;
  const lines: Line[] = [];
  for (const line of pageLines.flat()) {
    if (furniture.has(lineId(line)) || isFurnitureLine(line.text)) furnitureLines += 1;
    else lines.push(line);
  }
  return { blocks: toParagraphs(lines), furnitureLines, characters };
}

function readLines(page: PdfPage, pageIndex: number): Line[] {
  const items = page.items
    .filter((item) => !item.rotated && item.text !== '' && item.fontSize > 0)
    .filter((item) => item.x < page.width && item.x + item.width > 0 && item.y > 0 && item.y < page.height);
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of items) {
    const row = rows.find((candidate) => {
      const first = candidate[0];
      return first !== undefined && Math.abs(first.y - item.y) <= Math.min(first.fontSize, item.fontSize) * 0.45;
    });
    if (row) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    let boldChars = 0;
    let chars = 0;
    for (const item of row) {
      const gap = item.x - end;
      if (text !== '' && gap > item.fontSize * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.text)) text += ' ';
      text += item.text;
      end = Math.max(end, item.x + item.width);
      const visible = item.text.replace(/\s/g, '').length;
      chars += visible;
      if (item.bold) boldChars += visible;
    }
    const clean = normalizeText(text);
    if (clean === '') continue;
    const visibleItems = row.filter((item) => item.text.trim() !== '');
    const sizes = visibleItems.map((item) => item.fontSize).sort((a, b) => a - b);
    lines.push({
      page: pageIndex,
      text: clean,
      x0: Math.min(...visibleItems.map((item) => item.x)),
      x1: Math.max(...visibleItems.map((item) => item.x + item.width)),
      y: row[0]?.y ?? 0,
      fontSize: sizes[Math.floor(sizes.length / 2)] ?? 10,
      bold: chars > 0 && boldChars / chars > 0.8,
    });
  }
  return lines.sort((a, b) => b.y - a.y || a.x0 - b.x0);
}

/** Lines in the top or bottom band that come back (digits aside) on at least 40% of the pages, two at least. */
function findRepeatedFurniture(pages: readonly PdfPage[], pageLines: readonly Line[][]): Set<string> {
  const ids = new Set<string>();
  if (pages.length < 2) return ids;
  const pagesByKey = new Map<string, Set<number>>();
  const banded = (line: Line): boolean => {
    const height = pages[line.page]?.height ?? 0;
    return line.y > height * (1 - MARGIN_BAND) || line.y < height * MARGIN_BAND;
  };
  for (const line of pageLines.flat()) {
    if (!banded(line)) continue;
    const key = furnitureKey(line.text);
    pagesByKey.set(key, (pagesByKey.get(key) ?? new Set()).add(line.page));
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const line of pageLines.flat()) {
    if (banded(line) && (pagesByKey.get(furnitureKey(line.text))?.size ?? 0) >= needed) ids.add(lineId(line));
  }
  return ids;
}

function lineId(line: Line): string {
  return `${line.page}:${line.y.toFixed(1)}:${line.x0.toFixed(1)}`;
}

function toParagraphs(lines: readonly Line[]): Block[] {
  if (lines.length === 0) return [];
  const left = mode(lines.map((line) => Math.round(line.x0)));
  const right = percentile(
    lines.map((line) => line.x1),
    0.9,
  );
  const spacing = median(
    lines.slice(1).flatMap((line, index) => {
      const previous = lines[index];
      const gap = previous && previous.page === line.page ? previous.y - line.y : 0;
      return gap > 0 && gap < line.fontSize * 3 ? [gap] : [];
    }),
  );
  const blocks: Block[] = [];
  let current: Line[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push(toBlock(current));
    current = [];
  };
  for (const line of lines) {
    const previous = current.at(-1);
    if (previous && startsParagraph(previous, line, { left, right, spacing })) flush();
    current.push(line);
  }
  flush();
  return blocks;
}

function startsParagraph(previous: Line, line: Line, page: { left: number; right: number; spacing: number }): boolean {
  const size = line.fontSize;
  if (previous.bold !== line.bold) return true;
  if (previous.page === line.page && previous.y - line.y > Math.max(page.spacing, size) * 1.55) return true;
  const indented = line.x0 > page.left + size * 0.9 && line.x0 > previous.x0 + size * 0.9;
  const ended = TERMINAL.test(previous.text);
  const short = previous.x1 < page.right - size * 2.5;
  if (indented && (ended || short || previous.page !== line.page)) return true;
  if (ended && short) return true;
  // Two short lines in a row are a list (names of the attendance, table rows), not a wrapped paragraph.
  if (short && line.x1 < page.right - size * 2.5 && previous.page === line.page) return true;
  if ((BULLET.test(line.text) || parseAgendaHeading(line.text)) && (ended || short || previous.bold)) return true;
  if (line.x0 > page.left + size * 0.9 && previous.x0 <= page.left + size * 0.5 && ended) return true;
  return false;
}

function toBlock(lines: readonly Line[]): Block {
  let text = '';
  for (const line of lines) {
    if (text === '') text = line.text;
    else if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(line.text)) text = text.slice(0, -1) + line.text;
    else text += ` ${line.text}`;
  }
  const clean = normalizeText(text);
  return {
    type: 'paragraph',
    level: 0,
    ordered: false,
    text: clean,
    allBold: lines.every((line) => line.bold),
    allItalic: false,
    rows: [],
    lines: [clean],
  };
}

function mode(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: readonly number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
}
