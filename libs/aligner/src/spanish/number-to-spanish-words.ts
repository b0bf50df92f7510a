import { AlignError } from '../errors';

/** Largest number spelled out (one less than a *billón*, 10^12). */
export const MAX_SPELLED_NUMBER = 999_999_999_999;

/**
 * How a final "one" is said: `cardinal` counts ("veintiuno", "ciento uno"), `masculine` stands before a masculine
 * noun ("veintiún concejales", "un voto"), `feminine` before a feminine one ("veintiuna personas",
 * "doscientas viviendas").
 */
export type NumberGender = 'cardinal' | 'masculine' | 'feminine';

export interface NumberToWordsOptions {
  gender?: NumberGender;
}

const UNITS: readonly string[] = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS: readonly string[] = [
  '',
  '',
  'veinte',
  'treinta',
  'cuarenta',
  'cincuenta',
  'sesenta',
  'setenta',
  'ochenta',
  'noventa',
];
const HUNDREDS: readonly string[] = [
  '',
  'ciento',
  'doscientos',
  'trescientos',
  'cuatrocientos',
  'quinientos',
  'seiscientos',
  'setecientos',
  'ochocientos',
  'novecientos',
];

type OneForm = 'uno' | 'un' | 'una';

function below100(n: number, one: OneForm): string {
  if (n === 1) return one;
  if (n === 21) return one === 'uno' ? 'veintiuno' : one === 'un' ? 'veintiún' : 'veintiuna';
  if (n < 30) return UNITS[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  const unit = n % 10;
  if (unit === 0) return tens;
  return `${tens} y ${unit === 1 ? one : (UNITS[unit] ?? '')}`;
}

function below1000(n: number, one: OneForm, feminine: boolean): string {
  if (n === 100) return 'cien';
  const h = Math.floor(n / 100);
  const rest = n % 100;
  let hundreds = HUNDREDS[h] ?? '';
  if (feminine && h > 1) hundreds = hundreds.replace(/ientos$/, 'ientas');
  if (rest === 0) return hundreds;
  const tail = below100(rest, one);
  return hundreds === '' ? tail : `${hundreds} ${tail}`;
}

/** 2 … 999 999 before "millones" (a masculine noun): "veintiún millones", "doscientos mil millones". */
function countOfMillions(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${below1000(thousands, 'un', false)} mil`);
  if (rest > 0) parts.push(below1000(rest, 'un', false));
  return parts.join(' ');
}

/**
 * Spells a whole number 0 … 999 999 999 999 in Spanish: 25000 → "veinticinco mil", 2024 → "dos mil veinticuatro",
 * 1500000 → "un millón quinientos mil", 21 → "veintiuno" / "veintiún" / "veintiuna" by `gender`.
 * Throws {@link AlignError} `invalid_number` for anything else.
 */
export function numberToSpanishWords(value: number, options: NumberToWordsOptions = {}): string {
  if (!Number.isSafeInteger(value) || value < 0 || value > MAX_SPELLED_NUMBER) {
    throw new AlignError(
      'invalid_number',
      `Cannot spell ${String(value)}: only whole numbers 0 … ${MAX_SPELLED_NUMBER}.`,
    );
  }
  if (value === 0) return 'cero';
  const gender = options.gender ?? 'cardinal';
  const feminine = gender === 'feminine';
  const finalOne: OneForm = gender === 'cardinal' ? 'uno' : gender === 'masculine' ? 'un' : 'una';
  const millions = Math.floor(value / 1_000_000);
  const thousands = Math.floor((value % 1_000_000) / 1000);
  const units = value % 1000;
  const parts: string[] = [];
  if (millions === 1) parts.push('un millón');
  else if (millions > 1) parts.push(`${countOfMillions(millions)} millones`);
  if (thousands === 1) parts.push('mil');
  else if (thousands > 1) parts.push(`${below1000(thousands, feminine ? 'una' : 'un', feminine)} mil`);
  if (units > 0) parts.push(below1000(units, finalOne, feminine));
  return parts.join(' ');
}

const ORDINAL_UNITS: readonly string[] = [
  '',
  'primero',
  'segundo',
  'tercero',
  'cuarto',
  'quinto',
  'sexto',
  'séptimo',
  'octavo',
  'noveno',
];
const ORDINAL_TENS: readonly string[] = [
  '',
  'décimo',
  'vigésimo',
  'trigésimo',
  'cuadragésimo',
  'quincuagésimo',
  'sexagésimo',
  'septuagésimo',
  'octogésimo',
  'nonagésimo',
];

export interface OrdinalOptions {
  feminine?: boolean;
  /** "primer"/"tercer" (before a masculine noun, written "1.er"). */
  apocope?: boolean;
}

/**
 * Spells an ordinal 1 … 100: 1 → "primero", 1 (feminine) → "primera", 3 (apocope) → "tercer", 12 → "duodécimo",
 * 15 → "decimoquinto", 21 → "vigésimo primero". Throws `invalid_number` outside 1 … 100 (callers fall back to
 * the cardinal).
 */
export function ordinalToSpanishWords(value: number, options: OrdinalOptions = {}): string {
  if (!Number.isSafeInteger(value) || value < 1 || value > 100) {
    throw new AlignError('invalid_number', `Cannot spell ordinal ${String(value)}: only 1 … 100.`);
  }
  let words: string[];
  if (value === 100) words = ['centésimo'];
  else if (value === 11) words = ['undécimo'];
  else if (value === 12) words = ['duodécimo'];
  else if (value > 12 && value < 20) words = [`decimo${ORDINAL_UNITS[value - 10] ?? ''}`];
  else {
    const tens = ORDINAL_TENS[Math.floor(value / 10)] ?? '';
    const unit = ORDINAL_UNITS[value % 10] ?? '';
    words = [tens, unit].filter((w) => w !== '');
  }
  if (options.feminine === true) return words.map((w) => w.replace(/o$/, 'a')).join(' ');
  const last = words.length - 1;
  if (options.apocope === true && (words[last] === 'primero' || words[last] === 'tercero')) {
    words[last] = (words[last] ?? '').slice(0, -1);
  }
  return words.join(' ');
}

/**
 * Spelled-out number words in match form (no accents), without "un"/"uno"/"una", which are articles as often as
 * numbers: the words that make a figure ("dos", "cuarenta", "mil", "millones").
 */
function numberWords(): ReadonlySet<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.normalize('NFD').replace(/\p{M}/gu, '').split(' ')) words.add(word);
  };
  for (let n = 2; n < 1000; n += 1) {
    add(numberToSpanishWords(n));
    add(numberToSpanishWords(n, { gender: 'feminine' }));
  }
  add('mil millon millones cero');
  for (const article of ['un', 'uno', 'una', 'y']) words.delete(article);
  return words;
}

// Built on first use: loading the aligner (every CLI command's help shows its defaults) stays cheap.
let numberWordSet: ReadonlySet<string> | undefined;

/** A word (match form) that is part of a spelled-out figure: "diez", "cuarenta", "mil". */
export function isNumberWord(form: string): boolean {
  numberWordSet ??= numberWords();
  return numberWordSet.has(form);
}
