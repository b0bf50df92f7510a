import { foldSpanish } from '../text/parse-spanish-number';

/**
 * Quoted documents are written into minutes but nobody says them aloud in the session: reports ("INFORMO: …"),
 * certificates, decrees, motions' texts, appeals ("SOLICITA: …"), legal grounds. These cues tell them apart from
 * speech; reading aloud ("da lectura", "lee") is what makes a document's text spoken.
 */
const DOCUMENT_OPENING =
  /^(?:informo|informa|informe\b|certifico|certifica|hago\s+constar|hace\s+constar|expone|expongo|solicita|solicito|suplica|suplico|dispongo|dispone|resuelvo|decreto\b|he\s+resuelto|antecedentes(?:\s+de\s+hecho)?|fundamentos?\s+(?:de\s+derecho|juridicos?)|consideraciones\s+juridicas|considerando|resultando|legislacion\s+aplicable|exposicion\s+de\s+motivos|dictamen\b|propuesta\s+de\s+(?:acuerdo|resolucion|alcaldia)|mocion\b|declaracion\s+institucional|convenio\b|anexo\b)/;
const DOCUMENT_NOUN =
  /\b(?:informe|informes|dictamen|certificado|certificacion|decreto|resolucion|escrito|recurso|alegaciones?|propuesta|mocion|convenio|pliego|bases|ordenanza|reglamento|sentencia|auto|carta|correo|comunicacion|oficio|acuerdo|acta|texto|documento|memoria|proyecto|contrato|ley|articulo|declaracion|providencia|instancia|solicitud|anuncio|edicto)\b/;
/** Said aloud: "da lectura", "lee", "se lee", "procede a la lectura", "lectura íntegra". */
const READ_ALOUD =
  /\b(?:da(?:n)?|di[oó]|dando|dar)\s+lectura|\bse\s+lee\b|\blee\b|\bleyo\b|\bleyendo\b|\bprocede\s+a\s+(?:la\s+)?lectura|\bprocede\s+a\s+leer|\blectura\s+(?:integra|literal|en\s+voz\s+alta)/;
/** The acta copies word for word: "Se copia literalmente.", "que se transcribe literalmente:". */
const LITERAL_MARKER =
  /^(?:(?:y\s+)?(?:se\s+)?(?:copia|copian|transcribe|transcriben|reproduce|reproducen|recoge|recogen)\s+(?:a\s+continuacion\s+)?(?:literalmente|textualmente|de\s+forma\s+literal|en\s+sus\s+propios\s+terminos)|literalmente|textualmente)\s*[.:]?\s*$/;

/** The paragraph opens a quoted document ("INFORMO: …", "ANTECEDENTES DE HECHO", "“INFORME CONTROL INTERNO"). */
export function opensDocument(text: string): boolean {
  const head = foldSpanish(text.replace(/^[\s«“"'‘(]+/u, '').slice(0, 80));
  return DOCUMENT_OPENING.test(head);
}

/** An introduction that names a document and no reading aloud ("…, el cual concluye lo siguiente:"). */
export function introducesDocument(text: string): boolean {
  const folded = foldSpanish(text.slice(-300));
  return DOCUMENT_NOUN.test(folded) && !READ_ALOUD.test(folded);
}

export function isReadAloud(text: string): boolean {
  return READ_ALOUD.test(foldSpanish(text));
}

export function isLiteralMarker(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length < 80 && LITERAL_MARKER.test(foldSpanish(trimmed));
}

/** Reported, not literal: "1ª) Que, los de fracción…", "Que no se ha recibido…". */
export function isReportedSpeech(text: string): boolean {
  return /^\s*(?:\d{1,3}\s*[ªº°.]?\s*[).-]\s*)?que\b/iu.test(text);
}
