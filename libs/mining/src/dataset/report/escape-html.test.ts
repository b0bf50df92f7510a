import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'Buenas tardes', 'Buenas tardes'],
    ['tags', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['an attribute breakout', '" onerror="x', '&quot; onerror=&quot;x'],
    ['single quotes', "l'acta", 'l&#39;acta'],
    ['ampersands first', '&lt;', '&amp;lt;'],
    ['non-ASCII untouched', 'Señor Muñoz — 25 €', 'Señor Muñoz — 25 €'],
  ])('escapes %s', (_name, input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
