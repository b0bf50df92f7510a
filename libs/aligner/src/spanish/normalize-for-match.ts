import { tokenizeSpoken } from './tokenize-spoken';

const MARKS = /\p{M}+/gu;
const NOT_ALNUM = /[^a-z0-9]+/gu;

/** Forms that differ only by gender or apocope are one token for matching ("un"/"una"/"uno", "primer"/"primera"). */
const FOLDS: ReadonlyMap<string, string> = new Map([
  ['un', 'uno'],
  ['una', 'uno'],
  ['veintiun', 'veintiuno'],
  ['veintiuna', 'veintiuno'],
  ['primer', 'primero'],
  ['primera', 'primero'],
  ['tercer', 'tercero'],
  ['tercera', 'tercero'],
]);

/** One spoken token → its matching form: no accents, no case, ASCII letters and digits only ('' when nothing is left). */
export function foldForMatch(token: string): string {
  const plain = token.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NOT_ALNUM, '');
  const folded = FOLDS.get(plain);
  if (folded !== undefined) return folded;
  return plain.endsWith('ientas') ? `${plain.slice(0, -6)}ientos` : plain;
}

/**
 * The canonical token stream both sides are matched on: numbers and abbreviations verbalised (Spanish), lower
 * case, no accents, no punctuation, gendered number forms folded. "Sr. Ruiz: 25.000 €" and
 * "señor ruiz veinticinco mil euros" give the same tokens.
 */
export function normalizeForMatch(text: string, language = 'es'): string[] {
  const out: string[] = [];
  for (const token of tokenizeSpoken(text, language).tokens) {
    const folded = foldForMatch(token);
    if (folded !== '') out.push(folded);
  }
  return out;
}
