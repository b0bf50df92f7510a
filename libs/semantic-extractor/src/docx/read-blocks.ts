import { normalizeText } from '../text/normalize-text';
import type { Block } from '../layout/block';
import { tokenizeHtml } from './tokenize-html';

type OpenBlock = {
  type: Block['type'];
  level: number;
  ordered: boolean;
  text: string;
  visible: number;
  bold: number;
  italic: number;
};

const HEADING = /^h([1-6])$/;
const NOTE_ID = /^(footnote|endnote|comment)-/;
const NOTE_REFERENCE = /^#(footnote|endnote|comment)-/;

/** Walks mammoth's HTML into blocks: paragraphs, headings, list items, whole tables (cells flattened), notes. */
export function readBlocks(html: string): Block[] {
  const blocks: Block[] = [];
  const lists: boolean[] = [];
  let current: OpenBlock | undefined;
  let bold = 0;
  let italic = 0;
  let skip = 0;
  let table: { depth: number; rows: string[][]; cell: string[] | undefined } | undefined;
  let noteDepth = 0;

  const open = (type: Block['type'], level: number, ordered: boolean): OpenBlock => {
    close();
    const block: OpenBlock = { type, level, ordered, text: '', visible: 0, bold: 0, italic: 0 };
    current = block;
    return block;
  };
  const close = (): void => {
    const text = current ? normalizeText(current.text) : '';
    if (current && text !== '') {
      const allBold = current.type === 'heading' || (current.visible > 0 && current.bold === current.visible);
      blocks.push({
        type: current.type,
        level: current.level,
        ordered: current.ordered,
        text,
        allBold,
        allItalic: current.visible > 0 && current.italic === current.visible,
        rows: [],
        lines: current.text.includes('\n')
          ? current.text
              .split('\n')
              .map(normalizeText)
              .filter((line) => line !== '')
          : [text],
      });
    }
    current = undefined;
  };

  for (const token of tokenizeHtml(html)) {
    if (token.type === 'text') {
      if (skip > 0) continue;
      if (table) {
        table.cell?.push(token.text);
        continue;
      }
      const block = current ?? open(noteDepth > 0 ? 'note' : 'paragraph', 0, false);
      appendText(block, token.text, bold > 0, italic > 0);
      continue;
    }
    const tag = token.tag;
    if (token.type === 'open') {
      if (tag === 'table') {
        if (table) table.depth += 1;
        else {
          close();
          table = { depth: 1, rows: [], cell: undefined };
        }
      } else if (table) {
        if (tag === 'tr' && table.depth === 1) table.rows.push([]);
        else if ((tag === 'td' || tag === 'th') && table.depth === 1) {
          table.cell = [];
          table.rows.at(-1)?.push('');
        } else if (tag === 'p' || tag === 'br' || tag === 'li' || HEADING.test(tag)) table.cell?.push('\n');
      } else if (tag === 'strong' || tag === 'b') bold += 1;
      else if (tag === 'em' || tag === 'i') italic += 1;
      else if (tag === 'br' && current) current.text += '\n';
      else if (tag === 'sup' || tag === 'sub' || tag === 'a') {
        if (skip > 0 || (tag === 'a' && NOTE_REFERENCE.test(token.attributes.get('href') ?? ''))) skip += 1;
      } else if (tag === 'ol' || tag === 'ul') {
        close();
        lists.push(tag === 'ol');
      } else if (tag === 'li') {
        if (NOTE_ID.test(token.attributes.get('id') ?? '')) noteDepth += 1;
        open(noteDepth > 0 ? 'note' : 'list-item', lists.length, lists.at(-1) ?? false);
      } else if (tag === 'p') {
        if (!(current && current.type !== 'paragraph' && current.text.trim() === '')) {
          open(noteDepth > 0 ? 'note' : 'paragraph', 0, false);
        }
      } else {
        const heading = HEADING.exec(tag);
        if (heading) open('heading', Number(heading[1]), false);
      }
      if (token.selfClosing) closeInline(tag);
      continue;
    }
    closeInline(tag);
  }
  close();
  return blocks;

  function closeInline(tag: string): void {
    if (table) {
      if (tag === 'table') {
        table.depth -= 1;
        if (table.depth === 0) {
          pushTable(blocks, table.rows);
          table = undefined;
        }
      } else if ((tag === 'td' || tag === 'th') && table.depth === 1 && table.cell) {
        const row = table.rows.at(-1);
        if (row) row[row.length - 1] = table.cell.join('');
        table.cell = undefined;
      }
      return;
    }
    if (tag === 'strong' || tag === 'b') bold = Math.max(0, bold - 1);
    else if (tag === 'em' || tag === 'i') italic = Math.max(0, italic - 1);
    else if ((tag === 'sup' || tag === 'sub' || tag === 'a') && skip > 0) skip -= 1;
    else if (tag === 'p' || HEADING.test(tag)) close();
    else if (tag === 'li') {
      close();
      if (noteDepth > 0) noteDepth -= 1;
    } else if (tag === 'ol' || tag === 'ul') {
      close();
      lists.pop();
    }
  }
}

function appendText(block: OpenBlock, text: string, bold: boolean, italic: boolean): void {
  block.text += text;
  const visible = countVisible(text);
  block.visible += visible;
  if (bold) block.bold += visible;
  if (italic) block.italic += visible;
}

function countVisible(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 32 && code !== 0xa0 && code !== 0xad) count += 1;
  }
  return count;
}

function pushTable(blocks: Block[], rawRows: string[][]): void {
  const rows = rawRows
    .map((row) => row.map((cell) => normalizeText(cell)))
    .filter((row) => row.some((cell) => cell !== ''));
  if (rows.length === 0) return;
  blocks.push({
    type: 'table',
    level: 0,
    ordered: false,
    text: rows.map((row) => row.filter((cell) => cell !== '').join(' | ')).join(' / '),
    allBold: false,
    allItalic: false,
    rows,
    lines: [],
  });
}
