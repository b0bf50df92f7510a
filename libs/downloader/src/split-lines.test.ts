import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './split-lines';

function split(chunks: string[], max = 100): string[] {
  const lines: string[] = [];
  const splitter = createLineSplitter((line) => lines.push(line), max);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('createLineSplitter', () => {
  it.each([
    [['a\nb\n'], ['a', 'b']],
    [
      ['a', 'b\nc'],
      ['ab', 'c'],
    ],
    [['a\r\nb\r\n'], ['a', 'b']],
    [['\n\n'], ['', '']],
    [['no newline'], ['no newline']],
    [
      ['x\n', '', 'y'],
      ['x', 'y'],
    ],
  ])('%j → %j', (chunks, expected) => {
    expect(split(chunks)).toEqual(expected);
  });

  it('cuts an overlong line to the limit and drops its rest', () => {
    expect(split(['0123456789', 'abcdef\nnext\n'], 8)).toEqual(['01234567', 'next']);
    expect(split(['0123456789abc\nok'], 8)).toEqual(['01234567', 'ok']);
  });
});
