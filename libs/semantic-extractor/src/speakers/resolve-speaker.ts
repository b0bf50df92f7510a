import { foldSpanish } from '../text/parse-spanish-number';
import { genderOfHonorific, splitHonorific } from './honorifics';
import { nameTokens, type Attendee } from './read-attendance';

const GROUP_ALIASES: ReadonlyArray<readonly string[]> = [
  ['pp', 'popular', 'partido popular'],
  ['psoe', 'socialista', 'partido socialista'],
  ['iu', 'izquierda unida'],
  ['cs', 'ciudadanos'],
  ['up', 'podemos', 'unidas podemos'],
  ['erc', 'esquerra'],
  ['pnv', 'eaj', 'nacionalista vasco'],
  ['bng', 'bloque nacionalista galego'],
  ['cc', 'coalicion canaria'],
];
/**
 * Offices that one person holds in a session, with the roles that name the same office in an attendance list:
 * the mayor (alcalde, intendente, Mexico's presidente municipal), the chair (presidente/presidencia of the
 * concejo, pleno, HCD…, often the mayor), the secretary, the síndico, the finance officers. Other offices
 * ("Secretario de Hacienda", "Director de Obras") resolve only to someone listed with that very office.
 */
const OFFICE_FAMILIES: ReadonlyArray<{ office: RegExp; role: RegExp }> = [
  {
    office:
      /^(?:alcalde|alcaldesa|alcaldessa|alcaldia|intendente|intendenta|intendencia|president[ea] municipal)(?:$|[\s-])/,
    role: /\b(?:alcalde|alcaldesa|alcaldessa|intendente|intendenta|president[ea] municipal)\b|^(?:presidente|presidenta|preside|presidencia)$/,
  },
  {
    office:
      /^(?:presidente|presidenta|presidencia)(?:\s+del?\s+(?:la\s+)?(?:concejo|pleno|corporacion|ayuntamiento|cabildo|consejo|junta|camara|mesa|hcd|honorable\s+concejo)(?:\s+[\p{L}.]+){0,3})?$/u,
    role: /\b(?:presidente|presidenta|presidencia|preside|alcalde|alcaldesa|intendente|intendenta)\b/,
  },
  {
    office:
      /^secretari[ao](?:\s+(?:general|municipal|accidental|interventora?|del?\s+(?:la\s+)?(?:ayuntamiento|concejo|corporacion|pleno|cabildo|hcd|honorable\s+concejo)(?:\s+[\p{L}.]+){0,2}))*$/u,
    role: /\bsecretari[ao]\b(?!\s+de\s+(?!la\s+corporacion))/,
  },
  { office: /^s[ií]ndic[oa]/, role: /\bs[ií]ndic[oa]/ },
  { office: /^interventor[a]?/, role: /\binterventor/ },
  { office: /^tesorer[ao]/, role: /\btesorer/ },
];

/** An office one person holds at a time (mayor, chair, secretary…), which may change hands during a session. */
export function isSingleHolderOffice(office: string): boolean {
  const folded = foldSpanish(office.replace(/[-\s]+(?:presidente|presidenta)$/iu, '')).trim();
  return OFFICE_FAMILIES.some((family) => family.office.test(folded));
}

/**
 * One person, one name: a name as written ("Dña. Leonor Corbacho", "Sr. Corbacho Tejada", "LEONOR CORBACHO
 * TEJADA") or an office ("Alcalde", "Secretaría", "Síndico Municipal", "Portavoz del Grupo Popular") → the
 * canonical name of the one attendee it can only be. Anything ambiguous or unknown is returned as written.
 */
export function resolveSpeaker(speaker: string, role: string | undefined, people: readonly Attendee[]): string {
  if (people.length === 0) return speaker;
  const { honorific, name: written } = splitHonorific(speaker);
  const byName = matchName(written, people, genderOfHonorific(honorific));
  if (byName) return byName.name;
  const office = foldSpanish(written.replace(/[-\s]+(?:presidente|presidenta)$/iu, '')).trim();
  for (const family of OFFICE_FAMILIES) {
    if (!family.office.test(office)) continue;
    const holders = people.filter((person) => person.roles.some((held) => family.role.test(foldSpanish(held))));
    const preferred =
      holders.length > 1
        ? holders.filter((person) => person.roles.some((held) => family.office.test(foldSpanish(held))))
        : holders;
    if (preferred.length === 1 && preferred[0]) return preferred[0].name;
    if (holders.length === 1 && holders[0]) return holders[0].name;
  }
  const roleText = foldSpanish(`${written} ${role ?? ''}`);
  if (/\bportavoz\b|\bconcejal[a]?\s+de(?:l|legad)/.test(roleText)) {
    const key = roleKey(/\bportavoz\b/.test(foldSpanish(written)) ? written : (role ?? written));
    const holders = people.filter((person) => person.roles.some((held) => roleKey(held) === key && key !== ''));
    if (holders.length === 1 && holders[0]) return holders[0].name;
  }
  // Any other office: the one person listed with that very office ("Director de Administración y Finanzas").
  if (!honorific && /\s/u.test(written)) {
    const key = roleKey(written);
    const holders = people.filter((person) => person.roles.some((held) => roleKey(held) === key));
    if (holders.length === 1 && holders[0]) return holders[0].name;
  }
  return speaker;
}

function matchName(written: string, people: readonly Attendee[], gender: 'm' | 'f' | undefined): Attendee | undefined {
  const tokens = nameTokens(written);
  if (tokens.length === 0) return undefined;
  const holders = people.filter((person) => {
    return (
      tokens.every((token) => person.tokens.includes(token)) &&
      (gender === undefined || person.gender === undefined || person.gender === gender)
    );
  });
  return holders.length === 1 ? holders[0] : undefined;
}

/** "Portavoz del Grupo Municipal Popular" and "Portavoz Grupo PP" → "portavoz pp". */
function roleKey(role: string): string {
  let folded = ` ${foldSpanish(role)
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')} `;
  for (const aliases of GROUP_ALIASES) {
    const canonical = aliases[0] ?? '';
    for (const alias of aliases) folded = folded.replace(new RegExp(` ${alias} `, 'g'), ` ${canonical} `);
  }
  const words = folded
    .split(' ')
    .filter(
      (word) => word !== '' && !['del', 'de', 'la', 'el', 'grupo', 'municipal', 'partido', 'politico'].includes(word),
    );
  return words.join(' ');
}
