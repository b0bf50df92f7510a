import { foldSpanish } from '../text/parse-spanish-number';

/**
 * Shapes of page furniture that e-signature and publishing platforms stamp on every page (esPublico Gestiona,
 * Sede electrónica, SIGEM, firma-e, Latin-American "Página N de M" footers): page numbers, validation codes,
 * verification URLs, signer stamps, hashes. A line of body text never has these shapes, so a match alone is
 * enough to drop it (repetition across pages is checked separately for letterheads).
 */
const SHAPES: readonly RegExp[] = [
  /^(?:-\s*)?(?:pagina|pag\.?|hoja|folio)\s*(?:n[º°o.]*\s*)?\d{1,4}(?:\s*(?:de|\/)\s*\d{1,4})?(?:\s*-)?\.?$/,
  /^-?\s*\d{1,4}\s*-?$/,
  /^\d{1,4}\s*(?:\/|de)\s*\d{1,4}$/,
  /\|\s*pagina\s+\d+\s+de\s+\d+\s*$/,
  /\bcod(?:igo|\.)?\s*(?:de\s+)?validacion\s*:/,
  /\bcodigo\s+seguro\s+de\s+verificacion\b/,
  /^(?:csv|cve|c\.s\.v\.)\s*[:.]/,
  /^verificacion\s*:\s*(?:https?:\/\/|www\.)/,
  /^(?:puede\s+)?(?:verificar|comprobar|consultar)\b.{0,80}\b(?:https?:\/\/|www\.|sede\s+electronica)/,
  /^(?:https?:\/\/|www\.)\S+$/,
  /\bdocumento\s+firmado\s+(?:electronicamente|digitalmente)\s+(?:desde|por|en|con|mediante)\b/,
  /^documento\s+firmado\s+(?:electronicamente|digitalmente)\.?$/,
  /^(?:firmado|firmada)\s+(?:electronicamente\s+|digitalmente\s+)?(?:por|el)\b.{0,120}$/,
  /^hash\s*:/,
  /^(?:fecha\s+(?:de\s+)?firma|firma\s+fecha|sello\s+de\s+tiempo)\s*:/,
  /^n(?:umero|º|o\.)\s*:\s*\d{4}[-/]\d+(?:\s+fecha\s*:.*)?$/,
  /^(?:hash|huella|firma)\s*[:=]?\s*[0-9a-f]{24,}$/,
  /^[0-9a-f]{32,}$/,
  /^(?:motivo|ubicacion|razon)\s*:\s*.{0,60}$/,
];
const SIGNER = /^[\p{L}.'’ -]{3,80}\(\d\s+de\s+\d\)(?:[\p{L}.'’ -]{3,80}\(\d\s+de\s+\d\))*\s*$/u;
const CONTACT =
  /\b(?:telf?s?\.?|telefonos?|tfnos?\.?|fax|e-?mail|correo\s+electronico|web|c\.\s*p\.)\s*:?|www\.|@|https?:\/\/|^c\/\s|\b\d{5}\b/g;

/** Whether a line (or a short paragraph) is page furniture by its shape alone. */
export function isFurnitureLine(text: string): boolean {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line === '' || line.length > 240) return false;
  const folded = foldSpanish(line);
  if (SHAPES.some((shape) => shape.test(folded))) return true;
  if (SIGNER.test(line)) return true;
  return isContactLine(folded);
}

/** A letterhead line: address, telephone, web, e-mail, with little else ("C/ Mayor, 1 – 06830 X Telf. …"). */
function isContactLine(folded: string): boolean {
  if (folded.length > 180) return false;
  const marks = folded.match(CONTACT)?.length ?? 0;
  if (marks < 2) return false;
  const words = folded.split(/\s+/).filter((word) => /\p{L}{3,}/u.test(word)).length;
  return words <= 14;
}

/** Digits folded away and accents removed: the same furniture line on page 2 and page 7 has the same key. */
export function furnitureKey(text: string): string {
  return foldSpanish(text.replace(/\s+/g, ' ').trim()).replace(/\d+/g, '#');
}
