import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, tokenizeHtml } from './tokenize-html';

describe('tokenizeHtml', () => {
  it('reads tags, attributes, void tags and decoded text', () => {
    expect(tokenizeHtml('<p class="x">A &amp; B<br /></p><a href="#footnote-1" id=\'r\'>[1]</a>')).toEqual([
      { type: 'open', tag: 'p', attributes: new Map([['class', 'x']]), selfClosing: false },
      { type: 'text', text: 'A & B' },
      { type: 'open', tag: 'br', attributes: new Map(), selfClosing: true },
      { type: 'close', tag: 'p' },
      {
        type: 'open',
        tag: 'a',
        attributes: new Map([
          ['href', '#footnote-1'],
          ['id', 'r'],
        ]),
        selfClosing: false,
      },
      { type: 'text', text: '[1]' },
      { type: 'close', tag: 'a' },
    ]);
  });

  it('keeps a stray "<" as text and skips comments', () => {
    expect(tokenizeHtml('<p>3 < 4<!-- nota --> y 5 > 2</p>')).toEqual([
      { type: 'open', tag: 'p', attributes: new Map(), selfClosing: false },
      { type: 'text', text: '3 < 4' },
      { type: 'text', text: ' y 5 > 2' },
      { type: 'close', tag: 'p' },
    ]);
  });

  it('stays linear on hostile markup', () => {
    const hostile = `<p${' a="x"'.repeat(5000)}`;
    expect(tokenizeHtml(hostile)).toEqual([{ type: 'text', text: hostile }]);
  });
});

describe('decodeHtmlEntities', () => {
  it.each([
    ['&lt;p&gt; &quot;x&quot; &#39;y&#39;', '<p> "x" \'y\''],
    ['&#xE1;rbol &#233;l', 'árbol él'],
    ['&laquo;hola&raquo;&nbsp;&shy;', '«hola»\u00a0\u00ad'],
    // As HTML5 says: an unknown name stays, a surrogate or NUL reference becomes U+FFFD (never a broken string).
    ['&unknown; &#xD800; &#0;', '&unknown; \uFFFD \uFFFD'],
  ])('%s', (text, decoded) => {
    expect(decodeHtmlEntities(text)).toBe(decoded);
  });
});
