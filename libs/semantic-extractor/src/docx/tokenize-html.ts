/** One token of mammoth's HTML output: a tag (open, close or void) or decoded text. */
export type HtmlToken =
  | { type: 'open'; tag: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { type: 'close'; tag: string }
  | { type: 'text'; text: string };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[^\s=/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']+))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '\u00ad',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

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

export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{2,8});/g, (entity: string, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
  });
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
