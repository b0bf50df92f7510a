import { decodeHTML } from 'entities';

/**
 * Decodes the HTML character references caption files use (`&amp;`, `&#39;`, `&#x27;`, `&nbsp;`…): the whole HTML5
 * table by the `entities` package; a no-break space becomes a space and bidi marks go (they carry no words).
 */
export function decodeEntities(text: string): string {
  return decodeHTML(text)
    .replace(/\u00a0/g, ' ')
    .replace(/[\u200e\u200f]/g, '');
}

/** Caption markup to plain text: tags removed (`<c>`, `<v Name>`, `<i>`, timestamps), entities decoded, spaces collapsed. */
export function toPlainCaptionText(markup: string): string {
  return decodeEntities(markup.replace(/<[^>]*>/g, ''))
    .replace(/\s+/gu, ' ')
    .trim();
}
