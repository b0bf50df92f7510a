import { foldSpanish } from '../text/parse-spanish-number';
import { canonicalHonorific, HONORIFIC_SOURCE, MAY_NAME_PERSON } from './honorifics';

/** A person or office named in the minutes, as the speaker of a fragment. */
export type SpeakerReference = {
  /** "Sr. Ruiz Sánchez", "Dña. Ana Gil", or an office when no name is given ("Alcalde", "Secretario"). */
  speaker: string;
  /** "Portavoz del Grupo Municipal Socialista", "Alcalde-Presidente", "PSOE" (a group in parentheses). */
  role?: string;
  /** Offset of the reference in the text searched, and the offset right after it and its apposition. */
  start: number;
  end: number;
};

const UPPER = 'A-ZÁÉÍÓÚÜÑÇÀÈÌÒÙÏ';
const LETTER = 'a-záéíóúüñçàèìòùïA-ZÁÉÍÓÚÜÑÇÀÈÌÒÙÏªº';
const NAME_WORD = `(?:[${UPPER}][${LETTER}'’·]*(?:-[${LETTER}]+)*\\.?|M\\.ª)`;
/** The small words inside Spanish and Portuguese-origin surnames ("Ruiz de la Torre", "Van der Berg"). */
const NAME_PARTICLES = [
  'de',
  'del',
  'de la',
  'de las',
  'de los',
  'la',
  'las',
  'los',
  'van',
  'von',
  'da',
  'das',
  'do',
  'dos',
  'di',
];
/** One-word particles: a name never ends with one, and title case writes them in lower case. */
const ONE_WORD_PARTICLES = new Set(NAME_PARTICLES.filter((particle) => !particle.includes(' ')));
const PARTICLES = NAME_PARTICLES.flatMap((particle) => [particle, particle.toUpperCase()]).join('|');
const NAME = `${NAME_WORD}(?:[ \\t]+(?:(?:${PARTICLES})[ \\t]+)*${NAME_WORD}){0,6}`;
const HONORIFIC = HONORIFIC_SOURCE;
/**
 * Offices that speak in Spanish and Latin-American minutes: the mayor (alcalde, intendente, presidente municipal),
 * the chair, secretaries and finance officers, councillors by their local names (concejal, edil, regidor,
 * síndico, concelleiro), and officials invited to report (director, gerente, personero, contralor, procurador).
 */
const OFFICE_WORDS = variants(
  'alcaldesa alcaldessa alcalde vicealcaldesa vicealcalde intendenta intendente intendencia presidenta presidente ' +
    'presidencia vicepresidenta vicepresidente alcaldía alcaldia prosecretaria prosecretario secretaría secretaria ' +
    'secretario interventora interventor tesorera tesorero portavoz concejala concejal edila edil regidora regidor ' +
    'síndica síndico sindica sindico concelleira concelleiro directora director gerente personera personero ' +
    'contralora contralor procuradora procurador',
);
const OFFICE_SUFFIX = variants(
  'presidenta presidente general interventora interventor accidental municipal delegada delegado suplente titular',
);
const CAPITALISED = `[${UPPER}][${LETTER}.'’-]*`;
const OFFICE_QUALIFIER =
  `(?:[ \\t]+(?:(?:del|DEL)[ \\t]+(?:[Gg]rupo|GRUPO)(?:[ \\t]+(?:[Mm]unicipal|MUNICIPAL))?|de|del|de la|DE|DEL|DE LA)[ \\t]+${CAPITALISED}` +
  `(?:[ \\t]+(?:(?:de|del|y|e|la|las|los|DE|DEL|Y|E|LA|LAS|LOS)[ \\t]+)?${CAPITALISED}){0,5})`;
const OFFICE = `(?:(?:${variants('teniente')})[ \\t]+(?:de|DE)[ \\t]+(?:${variants('alcalde')})|(?:${OFFICE_WORDS})(?:[- ](?:${OFFICE_SUFFIX}))*${OFFICE_QUALIFIER}?)`;

const PERSON_PATTERN = new RegExp(`(?<![${LETTER}])(${HONORIFIC})\\s*(${NAME})`, 'gu');
const OFFICE_PATTERN = new RegExp(
  `(?<![${LETTER}])(?:(?:el|la|El|La|EL|LA)\\s+)?(?:(?:Sr|Sra|SR|SRA)\\.?\\s+|(?:${variants('señor señora')})\\s+|C\\.\\s*)?(${OFFICE})(?![${LETTER}])`,
  'gu',
);
const ROLE_APPOSITION = new RegExp(
  `^\\s*,\\s*((?:(?:el|la)\\s+)?(?:portavoz|concejal|teniente|alcald|intendent|president|vicepresident|secretari|subsecretari|prosecretari|interventor|tesorer|delegad|primer|segund|tercer|cuart|quint|miembro|representante|edil|regidor|s[ií]ndic|concelleir|director|subdirector|gerente|jef[ea]|asesor|coordinador|t[eé]cnic|arquitect|ingenier|abogad|contralor|personer|procurador|funcionari|encargad|responsable|del\\s+grupo|de\\s+grupo|del\\s+bloque|en\\s+(?:representaci[oó]n|nombre)\\s+del\\s+(?:grupo|bloque)|por\\s+el\\s+(?:grupo|bloque))[^,:;()«»“”"]{0,140}?)\\s*(?=[,:;]|\\s+(?:quien|que)\\b|$)`,
  'iu',
);
const PAREN_APPOSITION = /^\s*\(([^()\n]{1,80})\)/u;
const DASH_APPOSITION = /^\s+[-–—]\s*(\p{L}[\p{L} .]{1,60}?)[\s.]*$/u;
const NAME_AFTER_OFFICE = new RegExp(`^\\s*,?\\s*(${HONORIFIC})\\s*(${NAME})`, 'u');
/** Latin-American minutes name a councillor by office alone: "el Concejal Juan Pérez", "la Regidora Ana Gil". */
const NAME_RIGHT_AFTER_OFFICE = new RegExp(`^[ \\t]+(${NAME})`, 'u');
/** Offices written straight before a name without an honorific (their qualifiers, "de Hacienda", would swallow it). */
const PERSON_OFFICE_HEADS = new Set(
  (
    'concejal concejala regidor regidora sindico sindica edil edila concelleiro concelleira alcalde alcaldesa ' +
    'intendente intendenta presidente presidenta vicealcalde vicealcaldesa honorable'
  ).split(' '),
);
const OFFICE_SUFFIX_WORDS = new Set(
  'municipal presidente presidenta delegado delegada suplente titular concejal concejala regidor regidora'.split(' '),
);
/** "(Fernández)" after an office ("Sr. Presidente (Fernández).-"): the person holding it, not a party. */
const SURNAME_IN_PARENS =
  /^(?:(?:de|del|de la|de los|de las)\s+)?\p{Lu}[\p{Ll}'’]+(?:[-\s](?:(?:de|del|la|las|los|y)\s+)*\p{Lu}[\p{Ll}'’]+){0,3}$|^\p{Lu}{5,}(?:[-\s]\p{Lu}{2,}){0,2}$/u;
const PARTY_WORDS =
  /\b(?:frente|juntos|bloque|grupo|partido|union|movimiento|alianza|coalicion|compromiso|izquierda|derecha|socialista|popular|radical|cambio|cambiemos|todos|libertad|libertario|avanza|progresista|republicana?|democrata|democratico|nacional|ciudadanos|podemos|verde|verdes|morena|independiente|oficialismo|oposicion)\b/;

/** Cheap pre-checks: every honorific starts with one of the first, every office with one of the second. */
const MAY_NAME_OFFICE =
  /(?:^|[^\p{L}])(?:alcald|vicealcald|intenden|presiden|vicepresiden|secretar|prosecretar|interven|tesor|portavoz|concejal|edil|teniente|regidor|s[ií]ndic|concelleir|director|gerente|personer|contralor|procurador)/iu;

/** A reference whose speaker starts like an office (folded): an office, not a named person. */
const OFFICE_START =
  /^(?:alcald|vicealcald|intenden|presiden|vicepresiden|secretar|prosecretar|interven|tesor|portavoz|concejal|edil|teniente|regidor|sindic|concelleir|director|gerente|personer|contralor|procurador)/u;

/** Words that end a name: verbs and connectors that all-caps text would otherwise glue onto the name. */
const NAME_STOPS = new Set(
  (
    'manifiesta manifiestan manifesto dice dijo expone expuso senala senalo indica indico responde respondio contesta ' +
    'contesto replica pregunta afirma explica anade comenta declara interviene intervino toma tomo solicita propone ' +
    'agradece insiste aclara recuerda informa lee da quien que y e para en con por se le les lo al a el la tras como ' +
    'portavoz concejal concejala alcalde alcaldesa presidente presidenta secretario secretaria interventor ' +
    'diciendo manifestando expresa hace procede somete muestra considera entiende opina concede cede otorga ' +
    'abre levanta pide agradece felicita saluda'
  ).split(' '),
);
/** "Honorable Concejo Deliberante", "H. Ayuntamiento": a body after the honorific, not a person. */
const BODY_WORDS = new Set(
  (
    'concejo consejo ayuntamiento cabildo junta municipalidad municipio corporacion camara asamblea tribunal ' +
    'congreso senado legislatura comision alcaldia concello ajuntament gobierno estado republica'
  ).split(' '),
);
const PARTICLE_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'van', 'von', 'da', 'das', 'do', 'dos', 'di']);
/** First words that make an honorific + "name" an office: "Sr. Concejal Delegado de Hacienda". */
const OFFICE_FIRST_WORDS = new Set([
  'concejal',
  'concejala',
  'portavoz',
  'teniente',
  'edil',
  'delegado',
  'delegada',
  'regidor',
  'regidora',
  'sindico',
  'sindica',
  'intendente',
  'intendenta',
  'director',
  'directora',
  'edila',
  'concelleiro',
  'concelleira',
  'prosecretario',
  'prosecretaria',
  'presidente',
  'presidenta',
  'secretario',
  'secretaria',
]);
const OFFICE_NAMES = new Set(
  (
    'alcalde alcaldesa presidente presidenta presidencia alcaldia secretario secretaria interventor interventora ' +
    'tesorero tesorera vicepresidente vicepresidenta intendente intendenta intendencia prosecretario prosecretaria'
  ).split(' '),
);

/** Every person or office reference in the text, in order; overlapping office matches inside a person are dropped. */
export function findSpeakerReferences(text: string): SpeakerReference[] {
  const references: SpeakerReference[] = [];
  const persons = MAY_NAME_PERSON.test(text);
  const offices = MAY_NAME_OFFICE.test(text);
  if (!persons && !offices) return references;
  for (const match of persons ? text.matchAll(PERSON_PATTERN) : []) {
    const honorific = match[1] ?? '';
    const name = trimName(match[2] ?? '');
    if (name === '' || BODY_WORDS.has(foldSpanish(name.split(/\s/u)[0] ?? ''))) continue;
    const start = match.index;
    const end = start + match[0].indexOf(match[2] ?? '') + rawLength(match[2] ?? '', name);
    const folded = foldSpanish(name.replace(/[-\s]+(presidente|presidenta)$/i, ''));
    if (OFFICE_NAMES.has(folded) || OFFICE_FIRST_WORDS.has(folded.split(/[\s-]/)[0] ?? '')) {
      // "C. Presidente Municipal Juan José Frangie Saade": the office, then the name of who holds it.
      const office = leadingOffice(name);
      const officeEnd = end - (name.length - office.length);
      references.push(officeReference(text, office, start, office === name ? end : officeEnd));
    } else {
      references.push(
        withApposition(text, { speaker: `${canonicalHonorific(honorific)} ${titleCase(name)}`, start, end }),
      );
    }
  }
  for (const match of offices ? text.matchAll(OFFICE_PATTERN) : []) {
    const start = match.index;
    if (references.some((reference) => start < reference.end && start + match[0].length > reference.start)) continue;
    const office = (match[1] ?? '').replace(/\s+/g, ' ').trim();
    references.push(officeReference(text, office, start, start + match[0].length));
  }
  references.sort((a, b) => a.start - b.start || b.end - a.end);
  return references.filter(
    (reference, index) =>
      !references.some((other, j) => j < index && other.start <= reference.start && other.end >= reference.end),
  );
}

/** An office, or the person named right after it ("el Alcalde-Presidente, D. Juan Pérez"). */
function officeReference(text: string, office: string, start: number, end: number): SpeakerReference {
  if (isPersonOffice(office)) {
    const direct = NAME_RIGHT_AFTER_OFFICE.exec(text.slice(end, end + 200));
    const name = direct ? trimName(direct[1] ?? '') : '';
    const nameEnd = end + (direct ? direct[0].indexOf(direct[1] ?? '') + rawLength(direct[1] ?? '', name) : 0);
    const words = name === '' ? 0 : name.split(/\s+/).length;
    // A surname alone counts where a speaker's label ends ("SEÑORA EDILA CASTRO.-", "Regidora Huamán:").
    const labelEnds = /^\s*(?::|\.?\s*[-–—]|\()/u.test(text.slice(nameEnd, nameEnd + 3));
    if (
      direct &&
      (words >= 2 || (words === 1 && labelEnds)) &&
      !OFFICE_FIRST_WORDS.has(foldSpanish(name.split(/\s+/)[0] ?? ''))
    ) {
      const speaker = words >= 2 ? titleCase(name) : `${officeHonorific(office)} ${titleCase(name)}`;
      return withApposition(text, { speaker, role: capitalize(titleCase(office)), start, end: nameEnd });
    }
  }
  const named = NAME_AFTER_OFFICE.exec(text.slice(end, end + 200));
  const name = named ? trimName(named[2] ?? '') : '';
  if (named && name !== '') {
    const nameEnd = end + named[0].indexOf(named[2] ?? '') + rawLength(named[2] ?? '', name);
    const speaker = `${canonicalHonorific(named[1] ?? '')} ${titleCase(name)}`;
    return withApposition(text, { speaker, role: capitalize(titleCase(office)), start, end: nameEnd });
  }
  const surname = PAREN_APPOSITION.exec(text.slice(end, end + 100));
  const inParens = (surname?.[1] ?? '').trim();
  if (surname && SURNAME_IN_PARENS.test(inParens) && !PARTY_WORDS.test(foldSpanish(inParens))) {
    // Stenographic records name the chair by office and surname: "Sr. Presidente (Fernández).-".
    return {
      speaker: `${officeHonorific(office)} ${titleCase(inParens)}`,
      role: capitalize(titleCase(office)),
      start,
      end: end + surname[0].length,
    };
  }
  return withApposition(text, { speaker: canonicalOffice(office), role: capitalize(titleCase(office)), start, end });
}

/** "Sra." for an office written in the feminine ("Presidenta", "Edila", "Regidora"), else "Sr.". */
function officeHonorific(office: string): string {
  return /(?:a|esa|ora|ala|ila)$/iu.test(office.split(/[\s-]/u)[0] ?? '') && !/^portavoz/iu.test(office)
    ? 'Sra.'
    : 'Sr.';
}

/** The office words at the start of a matched "name", when a name (not a "de …" qualifier) follows them. */
function leadingOffice(name: string): string {
  const words = name.split(' ');
  let count = 0;
  while (count < words.length) {
    const folded = foldSpanish(words[count] ?? '');
    if (!(OFFICE_NAMES.has(folded) || OFFICE_FIRST_WORDS.has(folded) || OFFICE_SUFFIX_WORDS.has(folded))) break;
    count += 1;
  }
  const rest = words.slice(count);
  const office = words.slice(0, count).join(' ');
  if (count === 0 || rest.length === 0 || PARTICLE_WORDS.has(foldSpanish(rest[0] ?? ''))) return name;
  return isPersonOffice(office) ? office : name;
}

/** "Regidor", "Síndico Municipal", "Presidente Municipal": an office that can stand right before a bare name. */
function isPersonOffice(office: string): boolean {
  const [head = '', ...rest] = foldSpanish(office).split(/[\s-]+/);
  return PERSON_OFFICE_HEADS.has(head) && rest.every((word) => OFFICE_SUFFIX_WORDS.has(word) || word === 'concejal');
}

/** Adds the role written right after the reference: ", Portavoz del Grupo X," or "(PSOE)", or " - Presidente" ending a line. */
function withApposition(text: string, reference: SpeakerReference): SpeakerReference {
  const rest = text.slice(reference.end, reference.end + 200);
  const dash = DASH_APPOSITION.exec(rest);
  if (dash && MAY_NAME_OFFICE.test(dash[1] ?? '')) {
    const written = capitalize(titleCase((dash[1] ?? '').trim()));
    return { ...reference, role: reference.role ?? written, end: reference.end + dash[0].length };
  }
  const paren = PAREN_APPOSITION.exec(rest);
  if (paren) {
    const inner = (paren[1] ?? '').trim();
    return { ...reference, role: reference.role ?? inner, end: reference.end + paren[0].length };
  }
  const role = ROLE_APPOSITION.exec(rest);
  if (role && !namesSomeoneElse(role[1] ?? '')) {
    const written = (role[1] ?? '')
      .replace(/^(?:el|la)\s+/i, '')
      .replace(/^(?:del|de|en representaci[oó]n del|en nombre del|por el)\s+(?=grupo)/i, '')
      .trim();
    if (written !== '') {
      const combined =
        reference.role && !isOfficeOnly(reference.role) ? reference.role : capitalize(titleCase(written));
      return { ...reference, role: combined, end: reference.end + role[0].length };
    }
  }
  return reference;
}

/** ", la Síndica Municipal Karina Hermosillo Ramírez y los regidores…": the next person of a list, not a role. */
function namesSomeoneElse(apposition: string): boolean {
  return findSpeakerReferences(apposition).some((reference) => !OFFICE_START.test(foldSpanish(reference.speaker)));
}

function isOfficeOnly(role: string): boolean {
  return OFFICE_NAMES.has(foldSpanish(role));
}

/** Cuts a matched name at the first verb/connector and drops trailing particles and a sentence-final period. */
function trimName(raw: string): string {
  const words = raw.split(/[ \t]+/);
  const kept: string[] = [];
  for (const word of words) {
    const folded = foldSpanish(word).replace(/[.,]$/, '');
    if (kept.length > 0 && NAME_STOPS.has(folded) && !PARTICLE_WORDS.has(folded)) break;
    kept.push(word);
    // "Roberto Neira Aburto. Asisten…": a full stop after a word (not an initial) ends the sentence and the name.
    if (/\p{L}{3}\.$/u.test(word)) break;
  }
  while (kept.length > 0 && ONE_WORD_PARTICLES.has((kept.at(-1) ?? '').toLowerCase())) kept.pop();
  const last = kept.at(-1);
  if (last !== undefined && last.length > 2 && last.endsWith('.')) kept[kept.length - 1] = last.slice(0, -1);
  const name = kept.join(' ');
  return NAME_STOPS.has(foldSpanish(name)) ? '' : name;
}

function rawLength(raw: string, trimmed: string): number {
  const index = raw.indexOf(trimmed);
  return index === -1 ? trimmed.length : index + trimmed.length;
}

/** Office as speaker: "Alcalde-Presidente" → "Alcalde", "la Presidencia" → "Presidencia". */
function canonicalOffice(office: string): string {
  const base = office.replace(/[-\s]+(presidente|presidenta|president[ea])$/i, '');
  return capitalize(titleCase(base));
}

const LOWER_WORDS = new Set([...ONE_WORD_PARTICLES, 'el', 'y', 'e']);

/** Title case for text written all in capitals ("RUIZ DE LA TORRE" → "Ruiz de la Torre"); other text as written. */
export function titleCase(text: string): string {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters === '' || letters !== letters.toUpperCase()) return text;
  return text
    .toLowerCase()
    .split(/(\s+)/)
    .map((word, index) =>
      index > 0 && LOWER_WORDS.has(word)
        ? word
        : word.replace(/(^|-)(\p{L})/gu, (_, dash: string, letter: string) => dash + letter.toUpperCase()),
    )
    .join('');
}

/** Each word in lower case, Capitalised and UPPER case, as a regex alternation. */
function variants(words: string): string {
  return words
    .split(' ')
    .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
    .join('|');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
