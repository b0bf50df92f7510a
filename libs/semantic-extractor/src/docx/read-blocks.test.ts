import { describe, expect, it } from 'vitest';
import { readBlocks } from './read-blocks';

describe('readBlocks', () => {
  it('turns headings, paragraphs, bold and italic runs into blocks', () => {
    const blocks = readBlocks(
      '<h1>ACTA</h1><p><strong>1.- Aprobación</strong></p><p><strong>El Sr. X</strong> dice</p><p><em>«Texto»</em></p>',
    );
    expect(
      blocks.map(({ type, level, text, allBold, allItalic }) => ({ type, level, text, allBold, allItalic })),
    ).toEqual([
      { type: 'heading', level: 1, text: 'ACTA', allBold: true, allItalic: false },
      { type: 'paragraph', level: 0, text: '1.- Aprobación', allBold: true, allItalic: false },
      { type: 'paragraph', level: 0, text: 'El Sr. X dice', allBold: false, allItalic: false },
      { type: 'paragraph', level: 0, text: '«Texto»', allBold: false, allItalic: true },
    ]);
  });

  it('reads nested lists with their depth and kind', () => {
    const blocks = readBlocks('<ol><li>Uno<ol><li>Uno.a</li></ol></li><li>Dos</li></ol><ul><li>Viñeta</li></ul>');
    expect(blocks.map(({ type, level, ordered, text }) => ({ type, level, ordered, text }))).toEqual([
      { type: 'list-item', level: 1, ordered: true, text: 'Uno' },
      { type: 'list-item', level: 2, ordered: true, text: 'Uno.a' },
      { type: 'list-item', level: 1, ordered: true, text: 'Dos' },
      { type: 'list-item', level: 1, ordered: false, text: 'Viñeta' },
    ]);
  });

  it('keeps a table as one block with its cells', () => {
    const [table] = readBlocks(
      '<table><tr><td><p>Alcalde:</p></td><td><p>D. Juan</p><p>Pérez</p></td></tr><tr><td></td><td></td></tr></table>',
    );
    expect(table).toMatchObject({
      type: 'table',
      rows: [['Alcalde:', 'D. Juan Pérez']],
      text: 'Alcalde: | D. Juan Pérez',
    });
  });

  it('drops footnote references and reads footnotes as notes', () => {
    const html =
      '<p>Aprobar el presupuesto<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p>' +
      '<ol><li id="footnote-1"><p> Expediente 118. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(readBlocks(html).map(({ type, text }) => ({ type, text }))).toEqual([
      { type: 'paragraph', text: 'Aprobar el presupuesto.' },
      { type: 'note', text: 'Expediente 118.' },
    ]);
  });

  it('keeps the lines of a paragraph with manual line breaks', () => {
    expect(readBlocks('<p>SR. ALCALDE: Hola.<br />SRA. GIL: Adiós.</p>')[0]).toMatchObject({
      text: 'SR. ALCALDE: Hola. SRA. GIL: Adiós.',
      lines: ['SR. ALCALDE: Hola.', 'SRA. GIL: Adiós.'],
    });
  });

  it('joins words hyphenated across a line break and drops empty blocks', () => {
    expect(readBlocks('<p>presu-<br />puesto</p><p> </p><p><img src="" /></p>').map((block) => block.text)).toEqual([
      'presupuesto',
    ]);
  });
});
