/** Lower case, accents removed. */
export function foldSpanish(text: string): string {
  const lower = text.toLowerCase();
  // Most characters are ASCII: only the others are decomposed (NFD) and stripped of their combining marks, one
  // character at a time (from a table for the Latin letters) — what normalising the whole text gives, much faster.
  return NON_ASCII.test(lower) ? lower.replace(NON_ASCII_ALL, foldCharacter) : lower;
}

const NON_ASCII = /[^\u0000-\u007f]/;
const NON_ASCII_ALL = /[^\u0000-\u007f]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const LATIN_FOLDED: ReadonlyMap<string, string> = new Map(
  [
    [0x80, 0x24f],
    [0x1e00, 0x1eff],
  ].flatMap(([from = 0, to = 0]) =>
    Array.from({ length: to - from + 1 }, (_, offset) => {
      const character = String.fromCharCode(from + offset);
      return [character, decompose(character)] as const;
    }),
  ),
);

function foldCharacter(character: string): string {
  return LATIN_FOLDED.get(character) ?? decompose(character);
}

function decompose(character: string): string {
  return character.normalize('NFD').replace(COMBINING_MARKS, '');
}

const ORDINAL_UNITS: Readonly<Record<string, number>> = {
  primer: 1,
  primero: 1,
  primera: 1,
  segundo: 2,
  segunda: 2,
  tercer: 3,
  tercero: 3,
  tercera: 3,
  cuarto: 4,
  cuarta: 4,
  quinto: 5,
  quinta: 5,
  sexto: 6,
  sexta: 6,
  septimo: 7,
  septima: 7,
  setimo: 7,
  setima: 7,
  octavo: 8,
  octava: 8,
  noveno: 9,
  novena: 9,
  nono: 9,
  nona: 9,
};
const ORDINAL_TENS: Readonly<Record<string, number>> = {
  decim: 10,
  vigesim: 20,
  trigesim: 30,
  cuadragesim: 40,
  quincuagesim: 50,
};
const ORDINAL_TENS_PATTERN = /^(decim|vigesim|trigesim|cuadragesim|quincuagesim)[oa]?$/;
const ORDINAL_COMPOUND_PATTERN = /^(decim|vigesim|trigesim|cuadragesim|quincuagesim)[oa]?[\s-]?(\p{L}+)$/u;

/**
 * Spanish ordinal words, masculine or feminine, 1-59: "primero", "PRIMERA", "décimo", "undécimo",
 * "decimotercero", "Décimo Tercero", "vigésimo primero". Undefined for anything else.
 */
export function parseSpanishOrdinal(text: string): number | undefined {
  const word = foldSpanish(text.trim()).replace(/\s+/g, ' ');
  const unit = ORDINAL_UNITS[word];
  if (unit !== undefined) return unit;
  if (word === 'undecimo' || word === 'undecima') return 11;
  if (word === 'duodecimo' || word === 'duodecima') return 12;
  const tens = ORDINAL_TENS_PATTERN.exec(word);
  if (tens) return ORDINAL_TENS[tens[1] ?? ''];
  const compound = ORDINAL_COMPOUND_PATTERN.exec(word);
  if (!compound) return undefined;
  const base = ORDINAL_TENS[compound[1] ?? ''];
  const rest = ORDINAL_UNITS[compound[2] ?? ''];
  return base !== undefined && rest !== undefined ? base + rest : undefined;
}

const CARDINAL_WORDS: Readonly<Record<string, number>> = {
  cero: 0,
  un: 1,
  uno: 1,
  una: 1,
  primero: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiun: 21,
  veintiuno: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};

/** Spanish cardinal number words up to 9999 ("veinticinco", "treinta y uno", "dos mil veinticuatro"). */
export function parseSpanishCardinal(text: string): number | undefined {
  const words = foldSpanish(text.trim())
    .split(/[\s-]+/)
    .filter((word) => word !== '' && word !== 'y');
  if (words.length === 0) return undefined;
  let total = 0;
  let group = 0;
  let seenThousand = false;
  for (const word of words) {
    if (word === 'mil') {
      if (seenThousand) return undefined;
      total = (group === 0 ? 1 : group) * 1000;
      group = 0;
      seenThousand = true;
      continue;
    }
    const value = CARDINAL_WORDS[word];
    if (value === undefined) return undefined;
    group += value;
  }
  return total + group;
}

const ROMAN = /^(?:L?X{0,3}|XL)(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50 };

/** Upper-case roman numerals I-LXXXIX. */
export function parseRomanNumeral(text: string): number | undefined {
  if (text === '' || !ROMAN.test(text)) return undefined;
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ROMAN_VALUES[text[i] ?? ''] ?? 0;
    const next = ROMAN_VALUES[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total > 0 ? total : undefined;
}
