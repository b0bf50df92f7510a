/** A piece of personal data in a text: what it is and where. */
export type PersonalDataMatch = {
  kind: 'national_id' | 'masked_id' | 'email' | 'phone';
  text: string;
  start: number;
  end: number;
};

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
/** Labelled identity numbers (Spain, Latin America): DNI, NIF, NIE, C.C., cédula, RUT/RUN, CURP, RFC, CUIT/CUIL, CI. */
const LABELLED_ID =
  /\b(?:D\.?\s?N\.?\s?I\.?|N\.?\s?I\.?\s?F\.?|N\.?\s?I\.?\s?E\.?|C\.\s?C\.|c[ée]dula(?:\s+de\s+(?:ciudadan[ií]a|identidad))?|R\.?\s?U\.?\s?[TN]\.?|CURP|RFC|CUIT|CUIL|C\.\s?I\.|documento\s+(?:nacional\s+)?de\s+identidad|pasaporte)\s*(?:n[º°o.]*\s*|n[úu]m(?:ero)?\.?\s*)?[:.]?\s*((?:[A-Z]{1,4}[-\s]?)?[\d*][\d.*\s-]{4,14}[\dA-Z*](?:\s?-\s?[\dkK])?)/giu;
/** A Spanish DNI/NIE with a valid control letter: 12345678Z, 12.345.678-Z, X1234567L. */
const SPANISH_ID = /(?<![\p{L}\d])([XYZ]?)(\d{1,2}\.?\d{3}\.?\d{3})\s?-?\s?([A-Z])(?![\p{L}\d])/gu;
/** Published masked ids (Spanish data protection rule): ***4567**, **345678*, 1234****. */
const MASKED_ID = /(?<![\p{L}\d*])(?:\*{2,4}\d{4,6}\*{1,4}|\d{4,5}\*{3,5}[A-Z]?|\*{3,5}\d{3,4}[A-Z]?)(?![\p{L}\d*])/gu;
const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]{1,64}@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,24}/gu;
/** Phones: +34/+57/… international, Spanish 9-digit (6/7/8/9…), Latin-American mobiles (3xx xxx xxxx), grouped. */
const PHONE =
  /(?<![\d.,/-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?(?:[6789]\d{2}[\s.-]\d{3}[\s.-]\d{3}|[6789]\d{2}[\s.-]?\d{2,3}[\s.-]?\d{2}[\s.-]?\d{2}|[6789]\d{8}|3\d{2}[\s.-]?\d{3}[\s.-]?\d{4})(?![\d.,/]\d|\d)/gu;
const MAY_HOLD_PERSONAL_DATA = /[\d@*]/;
const PHONE_LABEL =
  /\b(?:telf\.?|tel[eé]fono|tel[ée]f?s?\.?|tlfs?\.?|tfnos?\.?|m[oó]vil|celular|cel\.|fax|whatsapp)\s*[:.]?\s*$/iu;

/**
 * Personal data that must never become a training label (docs/architecture.md §5): identity numbers (DNI/NIF/NIE with a valid
 * letter, masked ids as published, labelled Latin-American ids), e-mail addresses and telephone numbers. Pure and
 * cheap; the dataset build applies it to every label, the extractor to every fragment.
 */
export function findPersonalData(text: string): PersonalDataMatch[] {
  const matches: PersonalDataMatch[] = [];
  // Every pattern below needs a digit, an "@" or a masking "*": most paragraphs have none.
  if (!MAY_HOLD_PERSONAL_DATA.test(text)) return matches;
  const add = (kind: PersonalDataMatch['kind'], start: number, value: string): void => {
    const end = start + value.length;
    if (matches.some((match) => start < match.end && end > match.start)) return;
    matches.push({ kind, text: value, start, end });
  };
  for (const match of text.matchAll(LABELLED_ID)) {
    const value = (match[1] ?? '').replace(/(?<=[\d*])\s+\p{Ll}$|\s+$/u, '');
    if (/\d.*\d.*\d.*\d/.test(value) || value.includes('*'))
      add('national_id', match.index + match[0].lastIndexOf(value), value);
  }
  for (const match of text.matchAll(SPANISH_ID)) {
    if (isValidSpanishId(match[1] ?? '', match[2] ?? '', match[3] ?? '')) add('national_id', match.index, match[0]);
  }
  for (const match of text.matchAll(MASKED_ID)) add('masked_id', match.index, match[0]);
  for (const match of text.matchAll(EMAIL)) add('email', match.index, match[0]);
  for (const match of text.matchAll(PHONE)) {
    const digits = match[0].replace(/\D/g, '');
    const labelled = PHONE_LABEL.test(text.slice(Math.max(0, match.index - 20), match.index));
    // A bare 9-digit number is a phone only when grouped like one, labelled, or international.
    const shaped = /[\s.-]/.test(match[0].trim()) || match[0].trim().startsWith('+') || labelled;
    if (digits.length >= 9 && digits.length <= 13 && shaped) add('phone', match.index, match[0].trim());
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Whether the text holds any personal data (findPersonalData, first match only). */
export function containsPersonalData(text: string): boolean {
  return findPersonalData(text).length > 0;
}

function isValidSpanishId(prefix: string, digits: string, letter: string): boolean {
  const number = Number(
    (({ X: '0', Y: '1', Z: '2' } as Record<string, string>)[prefix] ?? '') + digits.replace(/\./g, ''),
  );
  return Number.isFinite(number) && DNI_LETTERS[number % 23] === letter;
}
