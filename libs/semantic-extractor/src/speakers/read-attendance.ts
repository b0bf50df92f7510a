import { foldSpanish } from '../text/parse-spanish-number';
import { findSpeakerReferences, titleCase } from './find-speaker';

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

const HONORIFIC = /^(?:Sr\.|Sra\.|Srta\.|D\.|Dña\.|H\.C\.)\s+/u;
const LABEL = /^\s*([\p{L}][\p{L} .,/-]{2,80}?)\s*:\s*(.*)$/su;
const GENERIC_LABELS =
  /^(?:(?:sres?|senor(?:es|as)?|sras?)\.?\s+)?(?:asistentes|asisten|presentes|miembros(?:\s+(?:asistentes|presentes))?|ausentes|no\s+asisten(?:tes)?|excusan?(?:\s+su)?\s+(?:asistencia|ausencia)|se\s+excusan?)$/;

/**
 * Reads the people of the minutes from the attendance list and the preamble: labels ("ALCALDE-PRESIDENTE:",
 * "CONCEJALES:", "Presidente del Concejo:") give the role of the names under or after them; appositions give
 * theirs ("Preside el Sr. Alcalde-Presidente, D. Francisco José Farrona Navas"). Pure.
 */
export function readAttendance(texts: readonly string[]): Attendee[] {
  const people: Attendee[] = [];
  let label: string | undefined;
  for (const raw of texts) {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > 2000) continue;
    const labelled = LABEL.exec(text);
    let rest = text;
    if (labelled && findSpeakerReferences(labelled[1] ?? '').every((reference) => !HONORIFIC.test(reference.speaker))) {
      const written = (labelled[1] ?? '').trim();
      label = GENERIC_LABELS.test(foldSpanish(written)) ? undefined : titleCase(written);
      rest = labelled[2] ?? '';
    }
    for (const reference of findSpeakerReferences(rest)) {
      const honorific = HONORIFIC.exec(reference.speaker);
      const name = honorific
        ? reference.speaker.slice(honorific[0].length)
        : isPersonName(reference.speaker)
          ? reference.speaker
          : '';
      if (name.split(/\s+/).length < 2) continue;
      const role = reference.role ?? label;
      addPerson(people, titleCase(name), role, genderOf(honorific?.[0] ?? ''));
    }
  }
  return people;
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

function genderOf(honorific: string): 'm' | 'f' | undefined {
  if (/^(?:Sra|Srta|Dña)\./.test(honorific)) return 'f';
  if (/^(?:Sr|D)\./.test(honorific)) return 'm';
  return undefined;
}
