import { foldSpanish } from '../text/parse-spanish-number';
import { nameTokens, type Attendee } from './read-attendance';

const HONORIFIC = /^(?:Sr\.|Sra\.|Srta\.|Sres\.|D\.|Dña\.|H\.C\.)\s+/u;
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
const OFFICE_FAMILIES: ReadonlyArray<{ office: RegExp; role: RegExp }> = [
  {
    office: /^(?:alcalde|alcaldesa|alcaldia|intendente|intendencia)\b/,
    role: /\b(?:alcalde|alcaldesa|intendente)\b|^(?:presidente|presidenta|preside)$/,
  },
  {
    office:
      /^(?:presidente|presidenta|presidencia)(?:\s+del?\s+(?:concejo|pleno|corporacion|ayuntamiento|cabildo|consejo))?$/,
    role: /\b(?:presidente|presidenta|alcalde|alcaldesa)\b/,
  },
  { office: /^secretari[ao]/, role: /\bsecretari[ao]/ },
  { office: /^interventor[a]?/, role: /\binterventor/ },
  { office: /^tesorer[ao]/, role: /\btesorer/ },
];

/**
 * One person, one name: a name as written ("Dña. Leonor Corbacho", "Sr. Corbacho Tejada", "LEONOR CORBACHO
 * TEJADA") or an office ("Alcalde", "Secretaría", "Portavoz del Grupo Popular") → the canonical name of the one
 * attendee it can only be. Anything ambiguous or unknown is returned as written.
 */
export function resolveSpeaker(speaker: string, role: string | undefined, people: readonly Attendee[]): string {
  if (people.length === 0) return speaker;
  const honorific = HONORIFIC.exec(speaker);
  const written = honorific ? speaker.slice(honorific[0].length) : speaker;
  const female = honorific ? /^(?:Sra|Srta|Dña)\./.test(honorific[0]) : undefined;
  const byName = matchName(
    written,
    people,
    honorific ? (female ? 'f' : /^(?:Sr|D)\./.test(honorific[0]) ? 'm' : undefined) : undefined,
  );
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
