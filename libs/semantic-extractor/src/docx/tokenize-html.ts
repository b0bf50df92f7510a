import { decodeHTML } from 'entities';
/** One token of mammoth's HTML output: a tag (open, close or void) or decoded text. */
export type HtmlToken =
  | { type: 'open'; tag: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { type: 'close'; tag: string }
  | { type: 'text'; text: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

/**
 * A small tokenizer for the limited, well-formed HTML mammoth writes (p, h1-h6, strong, em, lists, tables, a,
 * br, img, sup/sub). Linear in the input; anything that is not a recognisable tag is kept as text; comments
 * and doctype-like markup are skipped. Never executes or resolves anything.
 */
export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  let textStart = 0;
  let position = html.indexOf('<');
  while (position !== -1) {
    if (html.startsWith('<!--', position)) {
      pushText(tokens, html.slice(textStart, position));
      const end = html.indexOf('-->', position + 4);
      textStart = end === -1 ? html.length : end + 3;
      position = html.indexOf('<', textStart);
      continue;
    }
    TAG.lastIndex = position;
    const match = TAG.exec(html);
    if (!match) {
      position = html.indexOf('<', position + 1);
      continue;
    }
    pushText(tokens, html.slice(textStart, position));
    const [whole, slash, tag = '', attributeSource = '', selfClosing] = match;
    const name = tag.toLowerCase();
    if (slash) tokens.push({ type: 'close', tag: name });
    else
      tokens.push({
        type: 'open',
        tag: name,
        attributes: readAttributes(attributeSource),
        selfClosing: selfClosing === '/',
      });
    textStart = position + whole.length;
    position = html.indexOf('<', textStart);
  }
  pushText(tokens, html.slice(textStart));
  return tokens;
}

/** HTML character references (the whole HTML5 table, numeric ones included), decoded by the `entities` package. */
export function decodeHtmlEntities(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

function pushText(tokens: HtmlToken[], raw: string): void {
  if (raw.length > 0) tokens.push({ type: 'text', text: decodeHtmlEntities(raw) });
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  if (source.trim() === '') return attributes;
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = match[1];
    if (name) attributes.set(name.toLowerCase(), decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}
