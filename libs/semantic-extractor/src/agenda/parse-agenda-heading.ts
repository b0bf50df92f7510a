import {
  foldSpanish,
  parseRomanNumeral,
  parseSpanishCardinal,
  parseSpanishOrdinal,
} from '../text/parse-spanish-number';

/** A numbered agenda-item heading: its number and the title after it (may be empty: title on the next line). */
export type AgendaHeading = {
  index: number;
  title: string;
  /** How the number was written: digits, an ordinal word, a roman numeral, or a cardinal word after "Punto". */
  numbering: 'digits' | 'ordinal' | 'roman' | 'cardinal';
  /** Introduced by "Punto", "Asunto" or "Apartado". */
  prefixed: boolean;
  /** The introducing word, folded ("asunto"), when there is one: headings of one agenda share it. */
  prefix?: string;
};

const MAX_INDEX = 200;
const BARE_NUMBER = /^[\s\u00a0]*(\d{1,3})[\s\u00a0]*$/u;
const PREFIX = '(?:(punto|asunto|apartado)\\s+(?:n(?:[º°o]|\\.º|um(?:ero)?\\.?)\\s*\\.?\\s*)?)';
const SEPARATOR = '\\s*(?:\\.\\s*[-–—]+|[-–—]+|\\.\\s*\\)|\\)|\\.|:)';
const ORDINAL_WORD =
  '(?:(?:decim|vigesim|trigesim|cuadragesim|quincuagesim)[oa]?[\\s-]?)?(?:primer[oa]?|segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|sext[oa]|s[e]?ptim[oa]|octav[oa]|noven[oa]|non[oa])|(?:decim|vigesim|trigesim|cuadragesim|quincuagesim|undecim|duodecim)[oa]';
const CARDINAL_WORD =
  '(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieci\\w+|veinte|veinti\\w+|treinta(?:\\s+y\\s+\\w+)?|cuarenta(?:\\s+y\\s+\\w+)?)';

const MAY_BE_HEADING =
  /^[\s\u00a0]*(?:\d|[IVXL]+\s*[.)\-:–—]|punto|asunto|apartado|primer|segund|tercer|cuart|quint|sext|s[eé]p?tim|octav|noven|non[oa]|d[eé]cim|und[eé]cim|duod[eé]cim|vig[eé]sim|trig[eé]sim|cuadrag[eé]sim|quincuag[eé]sim)/i;
const DIGITS = new RegExp(
  `^${PREFIX}?(\\d{1,3})(?!\\d)(?!\\s*[.,]\\s*\\d)\\s*((?:[ºª°]|\\.[ºª°])(?:${SEPARATOR})?|o(?=\\s*[.-])${SEPARATOR}|${SEPARATOR})?\\s*`,
  'i',
);
/** "PRIMERO.-", and "PRIMER PUNTO:" / "SEGUNDO PUNTO.-" as Peruvian and Colombian minutes write them. */
const ORDINAL = new RegExp(`^${PREFIX}?(${ORDINAL_WORD})(?:\\s+punto)?(?![\\p{L}])(${SEPARATOR})?\\s*`, 'iu');
const CARDINAL = new RegExp(`^${PREFIX}(${CARDINAL_WORD})(?![\\p{L}])(${SEPARATOR})?\\s*`, 'iu');
const ROMAN = new RegExp(`^${PREFIX}?([IVXL]{1,7})(${SEPARATOR})\\s*`, 'u');
/** After "Asunto"/"Punto" a roman numeral may be in any case and need no separator ("ASUNTO III- …", "Punto iv …"). */
const PREFIXED_ROMAN = new RegExp(`^${PREFIX}([ivxlc]{1,7})(?![\\p{L}])(${SEPARATOR})?\\s*`, 'iu');

/**
 * Recognises the usual shapes of an agenda-item heading: "1.- Aprobación…", "1. …", "1) …", "1º.- …", "1.º …",
 * "PUNTO PRIMERO.- …", "Punto 3. …", "Punto nº 3 …", "PUNTO TRES: …", "PRIMERO.- …", "Primero: …",
 * "DÉCIMO TERCERO.- …", "IV.- …", and a number alone ("2", title on the next line). A number or ordinal with
 * text after it needs a separator (".-", ".", ")", ":", "–"); after "Punto"/"Asunto" it may follow without one.
 * "1.1.- …" (a sub-point) is not a heading.
 */
export function parseAgendaHeading(text: string): AgendaHeading | undefined {
  if (!MAY_BE_HEADING.test(text)) return undefined;
  // A number alone (its title on the next line): stenographic records head their items this way.
  const bare = BARE_NUMBER.exec(text);
  if (bare) {
    const index = Number(bare[1]);
    return index >= 1 && index <= MAX_INDEX ? { index, title: '', numbering: 'digits', prefixed: false } : undefined;
  }
  const line = text.normalize('NFC').replace(/^[\s\u00a0]+/, '');
  // Every shape matches at the start: fold only the beginning (folding keeps the length of NFC text).
  const folded = foldSpanish(line.slice(0, 120));
  return (
    tryShape(line, DIGITS.exec(line), 'digits', (value) => Number(value)) ??
    tryShape(line, ORDINAL.exec(folded), 'ordinal', parseSpanishOrdinal) ??
    tryShape(line, CARDINAL.exec(folded), 'cardinal', parseSpanishCardinal) ??
    tryShape(line, ROMAN.exec(line), 'roman', parseRomanNumeral) ??
    tryShape(line, PREFIXED_ROMAN.exec(folded), 'roman', (value) => parseRomanNumeral(value.toUpperCase()))
  );
}

function tryShape(
  line: string,
  match: RegExpExecArray | null,
  numbering: AgendaHeading['numbering'],
  parse: (value: string) => number | undefined,
): AgendaHeading | undefined {
  if (!match) return undefined;
  const prefix = match[1]?.toLowerCase();
  const prefixed = prefix !== undefined;
  const separator = match[3];
  if (!prefixed && separator === undefined) return undefined;
  const index = parse(match[2] ?? '');
  if (index === undefined || index < 1 || index > MAX_INDEX) return undefined;
  // Folding keeps the length of these ASCII-range prefixes, so the offset maps back onto the original line.
  const title = line
    .slice(match[0].length)
    .replace(/^del\s+orden\s+del\s+d[ií]a\s*[.:,;–—-]*\s*/iu, '')
    .trim();
  if (/^[,;]/.test(title)) return undefined;
  return { index, title, numbering, prefixed, ...(prefix ? { prefix } : {}) };
}
