import { tokenizeSpoken } from './tokenize-spoken';

/**
 * The `spoken` label style: lower case, numbers, symbols and abbreviations verbalised, no punctuation, accents kept.
 * "El Sr. Ruiz propone 25.000 € (un 15%)." → "el señor ruiz propone veinticinco mil euros un quince por ciento".
 */
export function toSpokenForm(text: string, language = 'es'): string {
  return tokenizeSpoken(text, language).tokens.join(' ');
}
