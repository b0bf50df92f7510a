import {
  ABBREVIATIONS_BARE,
  ABBREVIATIONS_WITH_DOT,
  FUNCTION_WORDS,
  MASCULINE_A_NOUNS,
  MONTHS,
  SYMBOL_WORDS,
} from './spanish-abbreviations';
import {
  MAX_SPELLED_NUMBER,
  numberToSpanishWords,
  ordinalToSpanishWords,
  type NumberGender,
} from './number-to-spanish-words';

/** One whitespace-delimited piece of the source text ("25.000€.", "«Muchas", "Sr."). */
export interface SpokenChunk {
  /** Char offsets of the chunk in the source text, punctuation included. */
  start: number;
  end: number;
  startsSentence: boolean;
  endsSentence: boolean;
  /** Index of the chunk's first token in `tokens` and how many it produced (0 for pure punctuation). */
  firstToken: number;
  tokenCount: number;
}

/** A text as spoken words (lower case, accents kept, numbers and abbreviations verbalised), traced to its chunks. */
export interface SpokenText {
  tokens: string[];
  /** Chunk index of every token. */
  tokenChunk: number[];
  chunks: SpokenChunk[];
}

/** Punctuation stripped from the start / end of a chunk (all BMP, so scanned by char code). */
const LEAD_PUNCT: ReadonlySet<number> = codesOf('¿¡«“‘"\'([{—–-…*•·.,;:');
const TRAIL_PUNCT: ReadonlySet<number> = codesOf('.,;:?!»”’"\')]}…*—–-');

function codesOf(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((c) => c.charCodeAt(0)));
}
const SENTENCE_END = /[.?!…;:]/u;
const HAS_DIGIT = /\p{Nd}/u;
const WORD_CHARS = /[^\p{L}\p{Nd}]+/gu;
const PLAIN_WORD = /^\p{L}+$/u;

const ORDINAL_RE = /^(\d{1,3})\.?(º|ª|°|er|era|o|a)$/iu;
const TIME_RE = /^(\d{1,2}):(\d{2})(?:h)?$/u;
const DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u;
const GROUPED_RE = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/u;
const PLAIN_RE = /^\d+(?:,\d+)?$/u;
const DOT_DECIMAL_RE = /^\d+\.\d{1,2}$/u;
const FRACTION_RE = /^(\d+)\/(\d+)$/u;
const SYMBOL_SUFFIX_RE = /^(.*\d)([%€$])$/u;
const SYMBOL_PREFIX_RE = /^([€$])(\d.*)$/u;

interface RawChunk {
  start: number;
  end: number;
  lead: string;
  core: string;
  trail: string;
  newlineAfter: boolean;
}

interface ChunkContext {
  next: RawChunk | undefined;
  /** Numeric value of the previous chunk when it was a plain number (for "1 €" → "un euro"). */
  previousNumber: number | undefined;
}

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 160 ||
    code === 0x2007 ||
    code === 0x202f ||
    code === 0x2028 ||
    code === 0x2029
  );
}

function splitChunks(text: string): RawChunk[] {
  const raw: RawChunk[] = [];
  const length = text.length;
  let k = 0;
  while (k < length) {
    while (k < length && isSpace(text.charCodeAt(k))) k += 1;
    if (k >= length) break;
    const start = k;
    while (k < length && !isSpace(text.charCodeAt(k))) k += 1;
    const end = k;
    let newlineAfter = false;
    for (let n = end; n < length; n += 1) {
      const c = text.charCodeAt(n);
      if (c === 10 || c === 13) newlineAfter = true;
      else if (!isSpace(c)) break;
    }
    raw.push({ start, end, lead: '', core: text.slice(start, end), trail: '', newlineAfter });
  }
  // Rejoin words hyphenated across a line break ("presu-\npuesto").
  const joined: RawChunk[] = [];
  for (let i = 0; i < raw.length; i += 1) {
    const chunk = raw[i];
    if (chunk === undefined) continue;
    const next = raw[i + 1];
    if (next !== undefined && chunk.newlineAfter && /\p{L}-$/u.test(chunk.core) && /^\p{Ll}/u.test(next.core)) {
      joined.push({ ...next, start: chunk.start, core: chunk.core.slice(0, -1) + next.core });
      i += 1;
    } else joined.push(chunk);
  }
  for (const chunk of joined) {
    const text = chunk.core;
    let from = 0;
    while (from < text.length && LEAD_PUNCT.has(text.charCodeAt(from))) from += 1;
    let to = text.length;
    while (to > from && TRAIL_PUNCT.has(text.charCodeAt(to - 1))) to -= 1;
    if (from === 0 && to === text.length) continue;
    chunk.lead = text.slice(0, from);
    chunk.core = text.slice(from, to);
    chunk.trail = text.slice(to);
  }
  return joined;
}

function isFeminineNoun(word: string): boolean {
  if (MASCULINE_A_NOUNS.has(word)) return false;
  return /(?:a|as|ción|ciones|sión|siones|dad|dades|tud|tudes|umbre|umbres)$/u.test(word);
}

/** Gender of a cardinal from the word that follows it ("21 personas" → feminine, "21 votos" → masculine). */
function genderBefore(chunk: RawChunk, next: RawChunk | undefined): NumberGender {
  if (next === undefined || chunk.trail !== '' || next.lead !== '') return 'cardinal';
  if (next.core === '€' || next.core === '$') return 'masculine';
  const word = next.core.toLowerCase();
  if (!/^\p{L}+$/u.test(word) || FUNCTION_WORDS.has(word) || /^\p{Lu}/u.test(next.core)) return 'cardinal';
  return isFeminineNoun(word) ? 'feminine' : 'masculine';
}

function digitsOneByOne(digits: string): string[] {
  return [...digits].map((d) => numberToSpanishWords(Number(d)));
}

function spellInteger(digits: string, gender: NumberGender): string[] {
  const value = Number(digits);
  if (digits.length > 12 || value > MAX_SPELLED_NUMBER) return digitsOneByOne(digits);
  if (digits.length > 1 && digits.startsWith('0')) {
    const zeros = /^0+/u.exec(digits)?.[0].length ?? 0;
    const rest = digits.slice(zeros);
    return [...Array.from({ length: zeros }, () => 'cero'), ...(rest === '' ? [] : spellInteger(rest, gender))];
  }
  return numberToSpanishWords(value, { gender }).split(' ');
}

/** "25.000", "3,5", "1.234,56", "3.5" → words; undefined when `core` is not a plain numeral. */
function spellNumeral(core: string, gender: NumberGender): { words: string[]; value: number } | undefined {
  let integer: string;
  let decimals: string | undefined;
  if (GROUPED_RE.test(core)) {
    const [int, dec] = core.split(',');
    integer = (int ?? '').replaceAll('.', '');
    decimals = dec;
  } else if (PLAIN_RE.test(core)) {
    const [int, dec] = core.split(',');
    integer = int ?? '';
    decimals = dec;
  } else if (DOT_DECIMAL_RE.test(core)) {
    const [int, dec] = core.split('.');
    integer = int ?? '';
    decimals = dec;
  } else return undefined;
  const words = spellInteger(integer, decimals === undefined ? gender : 'cardinal');
  if (decimals !== undefined && decimals !== '') {
    words.push('coma');
    words.push(...(decimals.length > 3 ? digitsOneByOne(decimals) : spellInteger(decimals, 'cardinal')));
  }
  return { words, value: decimals === undefined ? Number(integer) : Number(`${integer}.${decimals}`) };
}

function spellSpecialNumber(core: string): string[] | undefined {
  const ordinal = ORDINAL_RE.exec(core);
  if (ordinal !== null) {
    const value = Number(ordinal[1]);
    const suffix = (ordinal[2] ?? '').toLowerCase();
    if (value >= 1 && value <= 100) {
      const feminine = suffix === 'ª' || suffix === 'a' || suffix === 'era';
      return ordinalToSpanishWords(value, { feminine, apocope: suffix === 'er' }).split(' ');
    }
  }
  const time = TIME_RE.exec(core);
  if (time !== null && Number(time[1]) < 24 && Number(time[2]) < 60) {
    const minutes = Number(time[2]);
    return [
      ...spellInteger(time[1] ?? '', 'cardinal'),
      ...(minutes === 0 ? [] : spellInteger(String(minutes), 'cardinal')),
    ];
  }
  const date = DATE_RE.exec(core);
  if (date !== null) {
    const month = MONTHS[Number(date[2]) - 1];
    const day = Number(date[1]);
    if (month !== undefined && day >= 1 && day <= 31) {
      const year = date[3] ?? '';
      return [...spellInteger(String(day), 'cardinal'), 'de', month, 'de', ...spellInteger(year, 'cardinal')];
    }
  }
  const fraction = FRACTION_RE.exec(core);
  if (fraction !== null) {
    return [...spellInteger(fraction[1] ?? '', 'cardinal'), 'barra', ...spellInteger(fraction[2] ?? '', 'cardinal')];
  }
  return undefined;
}

function spellSymbol(symbol: string, value: number | undefined): string[] {
  const words = SYMBOL_WORDS.get(symbol);
  if (words === undefined) return [];
  return (value === 1 ? words.one : words.many).split(' ');
}

/** A piece without spaces or hyphens: a numeral, a word, or letters and digits glued together ("A7", "3D"). */
function spellPiece(piece: string, gender: NumberGender): string[] {
  if (piece === '') return [];
  if (!HAS_DIGIT.test(piece)) {
    const bare = ABBREVIATIONS_BARE.get(piece.toLowerCase());
    if (bare !== undefined) return bare.split(' ');
    const word = piece.toLowerCase().replace(WORD_CHARS, '');
    return word === '' ? [] : [word];
  }
  const numeral = spellNumeral(piece, gender);
  if (numeral !== undefined) return numeral.words;
  const special = spellSpecialNumber(piece);
  if (special !== undefined) return special;
  const out: string[] = [];
  for (const run of piece.match(/\p{Nd}+|\p{L}+/gu) ?? []) {
    out.push(...(/^\p{Nd}/u.test(run) ? spellInteger(run, 'cardinal') : [run.toLowerCase()]));
  }
  return out;
}

export interface Expansion {
  words: string[];
  /** The trailing dot belonged to an abbreviation. */
  consumedDot: boolean;
  /** Numeric value when the chunk was a plain number. */
  value: number | undefined;
  /** The next chunk was read as part of this one ("3,50 €" → "tres euros con cincuenta céntimos"). */
  consumesNext?: boolean;
}

const CURRENCY_WORDS: ReadonlySet<string> = new Set(['€', 'euros', 'euro', 'eur']);
const MILLION_WORDS: ReadonlySet<string> = new Set(['millón', 'millones']);

/** "ocho millones" before a noun takes "de": "ocho millones de euros" (not after "un millón quinientos mil"). */
function withDe(words: string[]): string[] {
  return MILLION_WORDS.has(words[words.length - 1] ?? '') ? [...words, 'de'] : words;
}

/** Money with cents as it is said: "1.234,56 €" → "mil doscientos treinta y cuatro euros con cincuenta y seis céntimos". */
function spellMoney(numeral: string): string[] | undefined {
  const match = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d{2})$/u.exec(numeral);
  if (match === null) return undefined;
  const integer = (match[1] ?? '').replaceAll('.', '');
  const cents = Number(match[2]);
  const euros = withDe(spellInteger(integer, 'masculine'));
  euros.push(integer === '1' ? 'euro' : 'euros');
  if (cents === 0) return euros;
  return [...euros, 'con', ...spellInteger(String(cents), 'masculine'), cents === 1 ? 'céntimo' : 'céntimos'];
}

function expandSpanish(chunk: RawChunk, context: ChunkContext): Expansion {
  const { core, trail } = chunk;
  const lower = core.toLowerCase();
  const none: Expansion = { words: [], consumedDot: false, value: undefined };
  if (core === '') return none;
  if (trail.startsWith('.')) {
    const withDot = ABBREVIATIONS_WITH_DOT.get(`${lower}.`);
    const next = context.next;
    const isDon = lower === 'd';
    if (
      withDot !== undefined &&
      (!isDon || (next !== undefined && /^\p{Lu}/u.test(next.lead === '' ? next.core : '')))
    ) {
      return { words: withDot.split(' '), consumedDot: true, value: undefined };
    }
  }
  const bare = ABBREVIATIONS_BARE.get(lower);
  if (bare !== undefined) return { words: bare.split(' '), consumedDot: false, value: undefined };
  if (SYMBOL_WORDS.has(core)) return { ...none, words: spellSymbol(core, context.previousNumber) };
  if (!HAS_DIGIT.test(core)) {
    if (PLAIN_WORD.test(core)) return { ...none, words: [lower] };
    return { ...none, words: core.split(/[-–—/]+/u).flatMap((piece) => spellPiece(piece, 'cardinal')) };
  }
  const gender = genderBefore(chunk, context.next);
  const next = context.next;
  if (gender !== 'cardinal' && next !== undefined && CURRENCY_WORDS.has(next.core.toLowerCase())) {
    const money = spellMoney(core);
    if (money !== undefined) return { ...none, words: money, consumesNext: true };
  }
  const numeral = spellNumeral(core, gender);
  if (numeral !== undefined) {
    const words = gender === 'cardinal' ? numeral.words : withDe(numeral.words);
    return { words, consumedDot: false, value: numeral.value };
  }
  const special = spellSpecialNumber(core);
  if (special !== undefined) return { ...none, words: special };
  const withSymbol = splitSymbol(core);
  if (withSymbol !== undefined) {
    const { numeral, symbol } = withSymbol;
    const money = symbol === '€' ? spellMoney(numeral) : undefined;
    if (money !== undefined) return { ...none, words: money };
    const number = spellNumeral(numeral, symbol === '%' ? 'cardinal' : 'masculine');
    if (number !== undefined) {
      const words = symbol === '%' ? number.words : withDe(number.words);
      return { ...none, words: [...words, ...spellSymbol(symbol, number.value)] };
    }
  }
  return { ...none, words: core.split(/[-–—/]+/u).flatMap((piece) => spellPiece(piece, 'cardinal')) };
}

/** "15%" / "25.000€" / "€25" → the numeral and its symbol. */
function splitSymbol(core: string): { numeral: string; symbol: string } | undefined {
  const suffix = SYMBOL_SUFFIX_RE.exec(core);
  if (suffix !== null) return { numeral: suffix[1] ?? '', symbol: suffix[2] ?? '' };
  const prefix = SYMBOL_PREFIX_RE.exec(core);
  if (prefix !== null) return { numeral: prefix[2] ?? '', symbol: prefix[1] ?? '' };
  return undefined;
}

function expandGeneric(chunk: RawChunk): Expansion {
  const words = chunk.core
    .toLowerCase()
    .split(/[^\p{L}\p{Nd}]+/u)
    .filter((w) => w !== '');
  return { words, consumedDot: false, value: undefined };
}

/** Spanish rules apply to `es` and its regional tags (`es-ES`, `es-419`); other languages get a generic split. */
export function isSpanish(language: string): boolean {
  // The default tag first: per-word checks ask this tens of thousands of times a session.
  return language === 'es' || /^es(?:[-_]|$)/iu.test(language);
}

/**
 * Splits a text into spoken tokens, keeping for every token the chunk (whitespace-delimited piece, punctuation
 * included) it came from, so a run of tokens maps back to the acta text as written.
 */
/**
 * Expansions of chunks that do not depend on their neighbours (plain words, abbreviations other than "D."), by core
 * and whether a dot follows: one per session, so that each distinct word is spelled once.
 */
export type ExpansionCache = Map<string, Expansion>;

/** A chunk whose core is letters only (ASCII or accented), which no context changes unless it is an abbreviation. */
function isPlainLetters(core: string): boolean {
  for (let k = 0; k < core.length; k += 1) {
    const c = core.charCodeAt(k);
    const letter =
      (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7);
    if (!letter) return false;
  }
  return core.length > 0;
}

/** The context object is built only when a chunk is actually spelled (a cache hit needs none). */
function expandCached(
  chunk: RawChunk,
  next: RawChunk | undefined,
  previousNumber: number | undefined,
  cache: ExpansionCache | undefined,
): Expansion {
  // "D." is "don" only before a capital: the one plain-letter chunk whose spelling depends on its neighbour.
  const isDon = chunk.core === 'd' || chunk.core === 'D';
  if (cache === undefined || !isPlainLetters(chunk.core) || isDon) {
    return expandSpanish(chunk, { next, previousNumber });
  }
  const key = chunk.trail.startsWith('.') ? `${chunk.core}.` : chunk.core;
  let expansion = cache.get(key);
  if (expansion === undefined) {
    expansion = expandSpanish(chunk, { next, previousNumber });
    cache.set(key, expansion);
  }
  return expansion;
}

export function tokenizeSpoken(text: string, language = 'es', cache?: ExpansionCache): SpokenText {
  const raw = splitChunks(text);
  const spanish = isSpanish(language);
  const tokens: string[] = [];
  const tokenChunk: number[] = [];
  const chunks: SpokenChunk[] = [];
  let previousNumber: number | undefined;
  let consumed = false;
  let sentenceOpen = false;
  for (let i = 0; i < raw.length; i += 1) {
    const chunk = raw[i];
    if (chunk === undefined) continue;
    const expansion: Expansion = consumed
      ? { words: [], consumedDot: false, value: undefined }
      : spanish
        ? expandCached(chunk, raw[i + 1], previousNumber, cache)
        : expandGeneric(chunk);
    consumed = expansion.consumesNext === true;
    previousNumber = chunk.trail === '' ? expansion.value : undefined;
    const trail = expansion.consumedDot ? chunk.trail.slice(1) : chunk.trail;
    const endsSentence = (trail !== '' && SENTENCE_END.test(trail)) || chunk.newlineAfter || i === raw.length - 1;
    const firstToken = tokens.length;
    for (const word of expansion.words) {
      tokens.push(word);
      tokenChunk.push(chunks.length);
    }
    chunks.push({
      start: chunk.start,
      end: chunk.end,
      startsSentence: !sentenceOpen,
      endsSentence,
      firstToken,
      tokenCount: expansion.words.length,
    });
    if (expansion.words.length > 0 || endsSentence) sentenceOpen = !endsSentence;
  }
  return { tokens, tokenChunk, chunks };
}
