import { foldSpanish, parseSpanishCardinal } from './parse-spanish-number';

const MONTHS: Readonly<Record<string, number>> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
};
const MONTH = '(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)';
const NUMBER_WORD =
  '(?:un|uno|una|primero|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veinti\\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|ciento|\\w+cientos|\\w+cientas|quinientos|mil|y)';
const DATE_PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b(\\d{1,2})\\s*[ºo°]?\\s+de\\s+${MONTH}\\s*,?\\s+(?:de|del)\\s+(?:ano\\s+)?(\\d\\.?\\d{3})\\b`, 'g'),
  new RegExp(
    `\\b(${NUMBER_WORD}(?:\\s+${NUMBER_WORD})*)\\s+de\\s+${MONTH}\\s+(?:de|del)\\s+(?:ano\\s+)?(${NUMBER_WORD}(?:\\s+${NUMBER_WORD})*)\\b`,
    'g',
  ),
  /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b/g,
  /\b(\d{4})-(\d{2})-(\d{2})\b/g,
];

/**
 * The first calendar date written in the text, as ISO YYYY-MM-DD: "a 25 de marzo de 2024",
 * "25 de Marzo del 2024", "veinticinco de marzo de dos mil veinticuatro", "25/03/2024", "25-03-24",
 * "2024-03-25". Impossible dates are skipped. Undefined when there is none.
 */
export function parseSpanishDate(text: string): string | undefined {
  const folded = foldSpanish(text);
  let best: { index: number; iso: string } | undefined;
  DATE_PATTERNS.forEach((pattern, kind) => {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      if (best && best.index <= match.index) break;
      const iso = toIso(kind, match);
      if (iso) {
        best = { index: match.index, iso };
        break;
      }
    }
  });
  return best?.iso;
}

function toIso(kind: number, match: RegExpMatchArray): string | undefined {
  const [, a = '', b = '', c = ''] = match;
  switch (kind) {
    case 0:
      return isoDate(Number(c.replace('.', '')), MONTHS[b], Number(a));
    case 1:
      return isoDate(parseSpanishCardinal(c), MONTHS[b], parseSpanishCardinal(a));
    case 2: {
      const year = c.length === 2 ? 2000 + Number(c) : Number(c);
      return isoDate(year, Number(b), Number(a));
    }
    default:
      return isoDate(Number(a), Number(b), Number(c));
  }
}

function isoDate(year: number | undefined, month: number | undefined, day: number | undefined): string | undefined {
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
