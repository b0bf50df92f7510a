import { findSpeakerReferences, titleCase, type SpeakerReference } from './find-speaker';
import { foldSpanish } from '../text/parse-spanish-number';

/** A dialogue line: "SR. ALCALDE: Buenas tardes.", "Sr. Pérez (PSOE): Gracias." */
export type DialogueLine = { speaker: string; role?: string; speech: string };

/** The narrative that introduces or reports speech: "El Sr. X, Portavoz del Grupo Y, manifiesta:". */
export type SpeechFormula = {
  speaker?: string;
  role?: string;
  kind: 'intervention' | 'reading';
  /** Nothing but who speaks and how ("El Sr. X, Portavoz del Grupo Y, manifiesta:"), no reported content. */
  formulaOnly: boolean;
  /** Ends with a colon: what follows is the literal speech (or the text read). */
  introducesSpeech: boolean;
};

const VERB =
  '(?:manifiest|manifest[oó]|dic[eéi]|dij|expon|expus|expres|señal|indic|respond|contest|replic|pregunt|afirm|explic|añad|anad|coment|declar|intervien|intervin|toma\\s+(?:de\\s+nuevo\\s+|nuevamente\\s+)?la\\s+palabra|tom[oó]\\s+la\\s+palabra|hace\\s+uso\\s+de\\s+la\\s+palabra|solicit|propon|propus|rueg|formul|agradec|insist|aclar|matiz|puntualiz|recuerd|record|critic|muestr|mostr|defiend|defend|lament|consider|entiend|opin|argument|sostien|sostuv|advier|advirt|anunci|reiter|contin[uú]|conclu|finaliz|termin|plante|hace\\s+constar|desea|quiere|pide|pidi|reproch|denunci|destac|subray|justific|valor|felicit|apunt|precis|reconoc|sugier|sugir|lee|le[ií]|da\\s+lectura|di[oó]\\s+lectura|procede\\s+a\\s+(?:la\\s+)?lectura|da\\s+cuenta|di[oó]\\s+cuenta|habla|inform|presenta|present[oó]|defiende|calific|acus|reclam|exig|insta|inst[oó]|da(?:n)?\\s+respuesta|di[oó]\\s+respuesta|da\\s+contestaci[oó]n|realiz|interpel|solicit)\\p{L}*';
const ADVERBS =
  '(?:(?:de\\s+nuevo|nuevamente|brevemente|a\\s+continuaci[oó]n|tambi[eé]n|asimismo|seguidamente|finalmente|igualmente|acto\\s+seguido|acto\\s+continuo|en\\s+primer\\s+lugar|en\\s+turno\\s+de\\s+r[eé]plica|en\\s+r[eé]plica|para\\s+finalizar|para\\s+terminar|por\\s+[uú]ltimo|posteriormente|despu[eé]s|luego|tras\\s+ello|en\\s+este\\s+(?:punto|momento))\\s*,?\\s+)*';
const VERB_AFTER = new RegExp(
  `^\\s*(?:,[^,:;«»“”"]{1,100},|,(?:[^,.:;«»“”"]|\\.(?!\\s)){1,140}\\s(?=${VERB}))?\\s*,?\\s*(?:(?:quien|que|el\\s+cual|la\\s+cual)\\s+)?${ADVERBS}(?:(?:le|les|lo|se|nos)\\s+)?${VERB}`,
  'iu',
);
const VERB_BEFORE = new RegExp(
  `(?:^|[,.;:]\\s*|\\by\\s+)${ADVERBS}(?:interviene|intervino|tomando\\s+(?:de\\s+nuevo\\s+|nuevamente\\s+)?la\\s+palabra|haciendo\\s+uso\\s+de\\s+la\\s+palabra|interviniendo|respondiendo|contestando|toma\\s+(?:de\\s+nuevo\\s+|nuevamente\\s+)?la\\s+palabra|tom[oó]\\s+la\\s+palabra|hace\\s+uso\\s+de\\s+la\\s+palabra|responde|respondi[oó]|contesta|contest[oó]|replica|replic[oó]|pregunta|pregunt[oó]|a[nñ]ade|aclara|explica|manifiesta|dice|informa|expone|lee|seguidamente\\s+interviene)\\s+${ADVERBS}(?:el|la|EL|LA)?\\s*$`,
  'iu',
);
const GIVES_FLOOR =
  /(?:concede|cede|otorga|da|concedida|cedida|otorgada|dada|conceder|ceder|otorgar|dar)\s+(?:el\s+uso\s+de\s+)?la\s+palabra\s+(?:a|al)\s*$/iu;
const OBJECT_POSITION =
  /(?:^|[^\p{L}])(?:a|al|del|de|con|para|hacia|sobre|contra|ante|entre|seg[uú]n|que|y|e|o|u)\s+(?:el|la|los|las)?\s*$/iu;
const AGENT_BEFORE = /(?:^|[^\p{L}])por\s+(?:el|la)?\s*$/iu;
/** Impersonal formulas: "Se explica por el Sr. Alcalde que…", "Se realizan las siguientes preguntas por la Sra. X". */
const IMPERSONAL_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])se\\s+${VERB}(?:\\s+[\\p{L}]+){0,4}\\s+por\\s+(?:el|la)?\\s*$`,
  'iu',
);
/** Noun formulas at the start: "Respuesta del Sr. Alcalde:", "Intervención de la Sra. X:", "Turno del H.C. Y". */
const NOUN_BEFORE =
  /^\s*(?:[-–—•]\s*)?(?:respuesta|respuestas|contestaci[oó]n|r[eé]plica|d[uú]plica|intervenci[oó]n|turno(?:\s+de\s+(?:palabra|intervenci[oó]n))?|pregunta|preguntas|ruego|ruegos|exposici[oó]n|explicaci[oó]n|palabras)\s+(?:de[l]?\s+)?(?:la\s+|el\s+)?$/iu;
const PASSIVE_AFTER = /^\s*,?\s*(?:(?:se|le|les)\s+)+/iu;
const READING =
  /\b(?:da(?:n)?|di[oó]|dando|dar)\s+lectura|\bse\s+lee\b|\blectura\s+(?:al|a\s+la|a\s+los|del|de\s+la|de\s+los|[ií]ntegra)\b|\bprocede\s+a\s+(?:la\s+)?lectura|\bprocede\s+a\s+leer|\b(?:se\s+)?da\s+cuenta\b|\bdi[oó]\s+cuenta\b|\bdando\s+cuenta\b|\blee\s+(?:el|la|los|las)\b/iu;
const FORMULA_WORDS = new Set(
  (
    'el la los las lo le les se y e que quien a al de del en su sus para por con cual este esta ' +
    'acto seguido seguidamente continuacion nuevamente nuevo brevemente tambien asimismo finalmente igualmente ' +
    'literalmente textualmente siguiente siguientes termino terminos tenor literal asi forma manera lo ' +
    'palabra uso turno intervenciones intervencion replica abierto abierta concede concedida cede cedida otorga ' +
    'primer lugar nombre representacion grupo municipal sr sra don dona d dna senor senora presidencia ' +
    'voz alta cuyo cuya texto transcribe transcrito continuacion sigue como'
  ).split(' '),
);
const VERB_WORD = new RegExp(`^${VERB}$`, 'iu');
const UPPER_NAME_WITH_GROUP =
  /^\s*([A-ZÁÉÍÓÚÜÑ][A-ZÁÉÍÓÚÜÑ'’.-]*(?:\s+[A-ZÁÉÍÓÚÜÑ][A-ZÁÉÍÓÚÜÑ'’.-]*){0,5})\s*\(([^()\n]{1,60})\)\s*:\s*(\S[\s\S]*)$/u;
const DIALOGUE_SEPARATOR = /^\s*(?::|\.?\s*[-–—]+)\s*(\S[\s\S]*)$/u;

/**
 * A line of dialogue-style minutes: a speaker (honorific + name, or an office) at the very start, then ":" or
 * ".-", then the speech. Lines whose "speech" is only names ("Secretario: D. Luis Gil") are attendance, not dialogue.
 */
export function parseDialogueLine(
  text: string,
  references: readonly SpeakerReference[] = findSpeakerReferences(text.slice(0, 300)),
): DialogueLine | undefined {
  const first = references[0];
  if (first && /^\s*(?:[-–—•]\s*)?(?:(?:el|la)\s+)?$/iu.test(text.slice(0, first.start))) {
    const separated = DIALOGUE_SEPARATOR.exec(text.slice(first.end));
    const speech = (separated?.[1] ?? '').trim();
    if (separated && !isPeopleAfterLabel(speech)) return withRole({ speaker: first.speaker, speech }, first.role);
  }
  const upper = UPPER_NAME_WITH_GROUP.exec(text);
  if (upper && !/\d/.test(upper[1] ?? '')) {
    const speech = (upper[3] ?? '').trim();
    if (!isPeopleAfterLabel(speech))
      return { speaker: titleCase((upper[1] ?? '').trim()), role: (upper[2] ?? '').trim(), speech };
  }
  return undefined;
}

/**
 * Reads a speech formula out of narrative text: who speaks (the subject of a speech verb, the person given the
 * floor, or the agent of "Por el Sr. X se …"), whether it is a reading, whether it introduces literal speech.
 * Undefined when the text neither names a speaker of a speech verb nor describes a reading.
 */
export function parseSpeechFormula(text: string, references?: readonly SpeakerReference[]): SpeechFormula | undefined {
  const head = text.slice(0, 400);
  const reading = /lectura|lee|cuenta/i.test(head) && READING.test(head);
  const reference = findFormulaSpeaker(
    head,
    references?.filter((found) => found.end <= head.length) ?? findSpeakerReferences(head),
  );
  if (!reference && !reading) return undefined;
  return withRole(
    {
      ...(reference ? { speaker: reference.speaker } : {}),
      kind: reading ? ('reading' as const) : ('intervention' as const),
      formulaOnly: isFormulaOnly(text, reference),
      introducesSpeech: /:\s*$/u.test(text),
    },
    reference?.role,
  );
}

function findFormulaSpeaker(text: string, references: readonly SpeakerReference[]): SpeakerReference | undefined {
  for (const reference of references) {
    const before = text.slice(Math.max(0, reference.start - 60), reference.start);
    const after = text.slice(reference.end, reference.end + 200);
    if (GIVES_FLOOR.test(before)) return reference;
    if (IMPERSONAL_BEFORE.test(before)) return reference;
    if (reference.start < 40 && NOUN_BEFORE.test(text.slice(0, reference.start))) return reference;
    if (AGENT_BEFORE.test(before) && PASSIVE_AFTER.test(after)) return reference;
    if (OBJECT_POSITION.test(before)) continue;
    if (VERB_AFTER.test(after) || VERB_BEFORE.test(before)) return reference;
  }
  return undefined;
}

function isFormulaOnly(text: string, reference: SpeakerReference | undefined): boolean {
  const rest = reference ? text.slice(0, reference.start) + ' ' + text.slice(reference.end) : text;
  const words = foldSpanish(rest)
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '' && !FORMULA_WORDS.has(word) && !VERB_WORD.test(word));
  return words.length <= 1;
}

/** Only names (honorific + name, offices), groups in parentheses and separators: an attendance line. */
export function isNameList(
  text: string,
  references: readonly SpeakerReference[] = findSpeakerReferences(text),
  otherWords = 1,
): boolean {
  if (references.length === 0) return false;
  let rest = '';
  let cursor = 0;
  for (const reference of references) {
    rest += text.slice(cursor, reference.start) + ' ';
    cursor = Math.max(cursor, reference.end);
  }
  rest += text.slice(cursor);
  const words = foldSpanish(rest.replace(/\([^()]*\)/g, ' '))
    .split(/[^\p{L}]+/u)
    .filter((word) => word !== '' && !['y', 'e', 'el', 'la', 'los', 'las', 'de', 'del'].includes(word));
  return words.length <= otherWords;
}

/** What follows a speaker's label is a list of people, not speech ("Secretario: D. Luis Gil Moreno"). */
function isPeopleAfterLabel(speech: string): boolean {
  const references = findSpeakerReferences(speech);
  return references.some((reference) => /\s/u.test(reference.speaker)) && isNameList(speech, references, 0);
}

function withRole<T extends object>(value: T, role: string | undefined): T & { role?: string } {
  return role === undefined || role === '' ? value : { ...value, role };
}
