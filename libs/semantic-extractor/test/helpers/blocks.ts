import type { Block } from '../../src/layout/block';

/** Blocks as readBlocks would produce them, for unit tests of the minutes model. */
export function p(text: string, options: Partial<Omit<Block, 'text'>> = {}): Block {
  return {
    type: 'paragraph',
    level: 0,
    ordered: false,
    text,
    allBold: false,
    allItalic: false,
    rows: [],
    lines: [text],
    ...options,
  };
}

export function b(text: string): Block {
  return p(text, { allBold: true });
}

export function h(level: number, text: string): Block {
  return p(text, { type: 'heading', level, allBold: true });
}

export function li(text: string, ordered = true, level = 1): Block {
  return p(text, { type: 'list-item', level, ordered });
}

export function table(rows: string[][]): Block {
  return p(rows.map((row) => row.join(' | ')).join(' / '), { type: 'table', rows });
}
