import { foldSpanish } from '../text/parse-spanish-number';
import { findSpeakerReferences, titleCase } from './find-speaker';
import { genderOfHonorific, splitHonorific } from './honorifics';
import { readNameList } from './read-name-list';

/** A person of the attendance list (or named with an office in the preamble): one canonical name, their roles. */
export type Attendee = {
  /** Full name as listed, title-cased, no honorific: "Leonor Corbacho Tejada". */
  name: string;
  /** Offices and appositions seen for the person: "Alcalde-Presidente", "Portavoz del Grupo Municipal PP". */
  roles: string[];
  gender?: 'm' | 'f';
  /** nameTokens(name), computed once: every speaker reference is matched against them. */
  tokens: readonly string[];
};

const LABEL = /^\s*([\p{L}][\p{L} .,/-]{2,80}?)\s*:\s*(.*)$/su;
const GENERIC_LABELS =
  /^(?:(?:sres?|senor(?:es|as)?|sras?)\.?\s+)?(?:asistentes|asisten|presentes|miembros(?:\s+(?:asistentes|presentes))?|ausentes|no\s+asisten(?:tes)?|excusan?(?:\s+su)?\s+(?:asistencia|ausencia)|se\s+excusan?)$/;
/** A label or clause that introduces people: attendance words and offices ("Regidores:", "integrantes del Ayuntamiento:"). */
const LIST_LABEL =
  /(?:asisten|presente|concejal|regidor|edil|miembro|integrante|sindic|secretari|president|preside|alcald|intendent|vocal|ausente|excus|tesorer|interventor|concelleir|consejer|corporativ|titular|suplente|funcionari|invitad|vicepresiden|teniente|portavoz|director|gerente)/;
/** Plural honorifics and offices followed by names: "los concejales Sres. A, B y C", "las regidoras Ana Gil y …". */
const PLURAL_OPENER =
  /(?:(?<![\p{L}])(?:Sres|Sras|Srs|SRES|SRAS)\.|(?<![\p{L}])(?:(?:los|las)\s+)?(?:señor(?:es|as)\s+)?(?:concejal(?:es|as)|regidor(?:es|as)|ediles|edilas|s[ií]ndic(?:os|as))(?=\s+\p{Lu}))\s*/gu;
const PLURAL_OFFICE =
  /(concejal(?:es|as)|regidor(?:es|as)|ediles|edilas|s[ií]ndic(?:os|as))\s*(?:(?:Sres|Sras|Srs)\.\s*)?$/iu;
const PRESIDES = /(?:^|[^\p{L}])(?:preside|presidid[oa]\s+por|bajo\s+la\s+presidencia\s+de)\s*(?:(?:el|la)\s+)?$/iu;
/** The end of a list inside a sentence: a new label, or a full stop after a word (not an initial). */
const LIST_END = /:|\.(?=\s|$)(?<=[\p{L}]{3}\.)|\s+(?:quienes|que|con|para|en|siendo|bajo)\s/u;

/**
 * Reads the people of the minutes from the attendance list and the preamble, in the shapes Spanish and
 * Latin-American minutes use: labels ("ALCALDE-PRESIDENTE:", "CONCEJALES:", "Regidores:") give the role of the
 * names under or after them; appositions give theirs ("Preside el Sr. Alcalde-Presidente, D. X", "H.C. X -
 * Presidente"); offices before a bare name ("Síndico Municipal Manuel Escoto Leal"); names without honorific
 * after a label ("SECRETARIA GENERAL: SANDRA PATRICIA ROJAS"), inverted ("Gómez, Laura; Ríos, Martín"), or after
 * a plural honorific or office in a preamble sentence ("con la asistencia de los concejales Sres. A, B y C"). Pure.
 */
export function readAttendance(texts: readonly string[]): Attendee[] {
  const people: Attendee[] = [];
  let label: string | undefined;
  let inList = false;
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > 2000) continue;
    const labelled = LABEL.exec(text);
    let rest = text;
    if (
      labelled &&
      findSpeakerReferences(labelled[1] ?? '').every((reference) => !splitHonorific(reference.speaker).honorific)
    ) {
      const written = (labelled[1] ?? '').trim();
      const folded = foldSpanish(written);
      label = GENERIC_LABELS.test(folded) ? undefined : titleCase(written);
      inList = GENERIC_LABELS.test(folded) || LIST_LABEL.test(folded);
      rest = labelled[2] ?? '';
    }
    let found = 0;
    for (const reference of findSpeakerReferences(rest)) {
      const { honorific, name: written } = splitHonorific(reference.speaker);
      const name = honorific ? written : isPersonName(written) ? written : '';
      if (name.split(/\s+/).length < 2) continue;
      addPerson(people, titleCase(name), reference.role ?? label, genderOfHonorific(honorific));
      // "Preside el señor edil Diego Olivera", "presidida por la Alcaldesa Sra. X": the chair, whatever the office.
      if (PRESIDES.test(rest.slice(Math.max(0, reference.start - 40), reference.start)))
        addPerson(people, titleCase(name), 'Presidente');
      found += 1;
    }
    // Names without honorific: the whole text under a list label, and lists opened inside a sentence.
    if (inList && found === 0 && (labelled !== null || rest.length <= 150)) {
      for (const name of readNameList(listAt(rest, 0))) {
        addPerson(people, name, label);
        found += 1;
      }
    }
    for (const { names, role } of sentenceLists(rest)) {
      for (const name of names) addPerson(people, name, role ?? label);
      found += names.length;
    }
    if (!labelled && found === 0 && rest.length > 120) inList = false;
  }
  return people;
}

/** Lists opened inside a sentence by a people label ("…del Ayuntamiento: A; B") or a plural ("los concejales Sres. A, B y C"). */
function sentenceLists(text: string): { names: string[]; role?: string }[] {
  const lists: { names: string[]; role?: string }[] = [];
  for (let colon = text.indexOf(':'); colon !== -1; colon = text.indexOf(':', colon + 1)) {
    const clause =
      text
        .slice(Math.max(0, colon - 120), colon)
        .split(/[,;.]/u)
        .at(-1) ?? '';
    const folded = foldSpanish(clause);
    if (!LIST_LABEL.test(folded) || /\d$/u.test(clause)) continue;
    const words = clause.trim().split(/\s+/u);
    const role = words.length <= 3 ? titleCase(clause.trim()) : undefined;
    lists.push({ names: readNameList(listAt(text, colon + 1)), ...(role ? { role } : {}) });
  }
  for (const match of text.matchAll(PLURAL_OPENER)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index + match[0].length);
    const office = PLURAL_OFFICE.exec(before)?.[1];
    lists.push({
      names: readNameList(listAt(text, match.index + match[0].length)),
      ...(office ? { role: capitalize(office) } : {}),
    });
  }
  return lists;
}

/** The text of a list starting at `from`, up to the end of its sentence or the next label. */
function listAt(text: string, from: number): string {
  const rest = text.slice(from);
  const end = LIST_END.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Adds a person (or the roles of one already known under a longer or equal spelling of the name). */
export function addPerson(people: Attendee[], name: string, role: string | undefined, gender?: 'm' | 'f'): void {
  const tokens = nameTokens(name);
  const known = people.find((person) => sameTokens(person.tokens, tokens));
  if (known) {
    if (role && !known.roles.includes(role)) known.roles.push(role);
    return;
  }
  people.push({ name, roles: role ? [role] : [], ...(gender ? { gender } : {}), tokens });
}

export function nameTokens(name: string): string[] {
  return foldSpanish(name)
    .split(/[^\p{L}]+/u)
    .filter((token) => token.length > 1 && !PARTICLES.has(token));
}

const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'e', 'van', 'von', 'da', 'do', 'dos', 'di']);

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((token) => b.includes(token));
}

function isPersonName(speaker: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:\s+(?:de|del|la|las|los|\p{Lu}\p{Ll}+)){1,6}$/u.test(speaker);
}
