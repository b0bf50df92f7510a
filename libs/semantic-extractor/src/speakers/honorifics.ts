import { foldSpanish } from '../text/parse-spanish-number';

/**
 * The honorifics and titles written before a name in Spanish and Latin-American minutes, as one taxonomy:
 * courtesy (Sr., Sra., D., Dña., Señor, Don), academic and professional titles (doctor, Dr., ingeniero, Ing.,
 * licenciado, Lic., arquitecto, Arq., maestro, Mtro., profesor, Prof., contador, Cdor.), Mexico's `C.`
 * (ciudadano), and the Colombian `H.C.`/`Honorable`. Each has one canonical spelling and, where the word tells
 * it, a gender. Offices written before a name (`el Concejal Juan Pérez`, `la Regidora Ana Gil`) are in
 * `find-speaker.ts`: they are offices first.
 */
type Title = {
  /** Written forms (UPPER CASE added), longest first where one is a prefix of another. */
  written: readonly string[];
  canonical: string;
  /** Abbreviations need their dot ("Dr."); whole words need a space after them ("doctor"). */
  abbreviation: boolean;
};

const TITLES: readonly Title[] = [
  { written: ['Srta'], canonical: 'Srta.', abbreviation: true },
  { written: ['Sras', 'Sres', 'Srs'], canonical: 'Sres.', abbreviation: true },
  { written: ['Sra'], canonical: 'Sra.', abbreviation: true },
  { written: ['Sr'], canonical: 'Sr.', abbreviation: true },
  { written: ['Dña', 'Dñª', 'Dª', 'D.ª'], canonical: 'Dña.', abbreviation: true },
  { written: ['Dra'], canonical: 'Dra.', abbreviation: true },
  { written: ['Dr'], canonical: 'Dr.', abbreviation: true },
  { written: ['Ing'], canonical: 'Ing.', abbreviation: true },
  { written: ['Lcda', 'Licda', 'Lcdo', 'Licdo', 'Lic'], canonical: 'Lic.', abbreviation: true },
  { written: ['Arq'], canonical: 'Arq.', abbreviation: true },
  { written: ['Mtra'], canonical: 'Mtra.', abbreviation: true },
  { written: ['Mtro'], canonical: 'Mtro.', abbreviation: true },
  { written: ['Profa'], canonical: 'Profa.', abbreviation: true },
  { written: ['Prof'], canonical: 'Prof.', abbreviation: true },
  { written: ['Cdora'], canonical: 'Cdora.', abbreviation: true },
  { written: ['Cdor'], canonical: 'Cdor.', abbreviation: true },
  { written: ['Hble', 'Hon'], canonical: 'H.C.', abbreviation: true },
  { written: ['Señora', 'Señorita'], canonical: 'Sra.', abbreviation: false },
  { written: ['Señor'], canonical: 'Sr.', abbreviation: false },
  { written: ['Doña'], canonical: 'Dña.', abbreviation: false },
  { written: ['Don'], canonical: 'D.', abbreviation: false },
  { written: ['doctora', 'Doctora'], canonical: 'Dra.', abbreviation: false },
  { written: ['doctor', 'Doctor'], canonical: 'Dr.', abbreviation: false },
  { written: ['ingeniera', 'Ingeniera', 'ingeniero', 'Ingeniero'], canonical: 'Ing.', abbreviation: false },
  { written: ['licenciada', 'Licenciada', 'licenciado', 'Licenciado'], canonical: 'Lic.', abbreviation: false },
  { written: ['arquitecta', 'Arquitecta', 'arquitecto', 'Arquitecto'], canonical: 'Arq.', abbreviation: false },
  { written: ['maestra', 'Maestra'], canonical: 'Mtra.', abbreviation: false },
  { written: ['maestro', 'Maestro'], canonical: 'Mtro.', abbreviation: false },
  { written: ['profesora', 'Profesora'], canonical: 'Profa.', abbreviation: false },
  { written: ['profesor', 'Profesor'], canonical: 'Prof.', abbreviation: false },
  { written: ['contadora', 'Contadora'], canonical: 'Cdora.', abbreviation: false },
  { written: ['contador', 'Contador'], canonical: 'Cdor.', abbreviation: false },
  { written: ['abogada', 'Abogada', 'abogado', 'Abogado'], canonical: 'Abog.', abbreviation: false },
];
/** The gender a canonical honorific tells; the others ("Lic.", "Ing.", "Sres.", "H.C.") tell none. */
const GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  'Sr.': 'm',
  'D.': 'm',
  'Dr.': 'm',
  'Mtro.': 'm',
  'Cdor.': 'm',
  'Sra.': 'f',
  'Srta.': 'f',
  'Dña.': 'f',
  'Dra.': 'f',
  'Mtra.': 'f',
  'Profa.': 'f',
  'Cdora.': 'f',
};

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const spellings = (title: Title): string[] => [
  ...new Set(title.written.flatMap((written) => [written, written.toUpperCase()])),
];

/**
 * Regex source of one honorific as written, for the person pattern: optional Ilmo./Excmo., an optional courtesy
 * before a second honorific ("Sr. D."), then the honorific. Mexico's `C.` (ciudadano) counts only where it cannot
 * be a middle initial ("C. Presidente Municipal", "el C. Juan Pérez", not "Juan C. Pérez").
 */
export const HONORIFIC_SOURCE = (() => {
  const abbreviations = TITLES.filter((title) => title.abbreviation)
    .flatMap(spellings)
    .map((written) => (written.endsWith('ª') ? escape(written) : `${escape(written)}\\.`));
  const words = TITLES.filter((title) => !title.abbreviation)
    .flatMap(spellings)
    .map((written) => `${escape(written)}(?=\\s)`);
  const bareCourtesy = ['Srta', 'SRTA', 'Sres', 'SRES', 'Sra', 'SRA', 'Sr', 'SR', 'Dña', 'DÑA'].map(
    (word) => `${word}(?=\\s)`,
  );
  return (
    `(?:(?:Ilm[oa]|ILM[OA]|Excm[oa]|EXCM[OA])\\.?\\s+)?(?:(?:Sra|SRA|Sr|SR)\\.\\s*(?=D\\.|Dª|Dñ|DÑ|Do[nñ]|DO[NÑ]))?` +
    `(?:${[...abbreviations, ...bareCourtesy, ...words].join('|')}|H\\.\\s?C\\.|` +
    `(?:Honorable|HONORABLE)(?:\\s+(?:Concejala?|CONCEJALA?|Regidora?|REGIDORA?))?|` +
    `(?<!\\p{Lu}[\\p{L}.]*\\s)C\\.(?=\\s*\\p{Lu})|D\\.)`
  );
})();

/** Cheap pre-check: the start of every honorific above (folded, after a non-letter). */
export const MAY_NAME_PERSON =
  /(?:^|[^\p{L}])(?:s[rñ]|se[ñn]or|d[.ªñr]|do[nñ]|doct|ilm|excm|h\.\s?c\.|hble|hon(?:\.|orable)|ing(?:\.|enier)|lic(?:\.|enciad)|lcd|arq(?:\.|uitect)|mtr[oa]\.|maestr[oa]\s|prof(?:\.|a\.|esor)|cdora?\.|contador|abogad|c\.)/iu;

/** Canonical honorifics at the start of a speaker as this lib writes them ("Dr. Carlos Muñoz"). */
const CANONICAL = new RegExp(
  `^(?:${[...new Set(TITLES.map((title) => title.canonical)), 'D.', 'C.'].map(escape).join('|')})\\s+`,
  'u',
);

/** The canonical spelling of an honorific as written: "DOÑA" → "Dña.", "doctor" → "Dr.", "Excmo. Sr. D." → "D.". */
export function canonicalHonorific(written: string): string {
  const folded = foldSpanish(written)
    .replace(/^(?:ilm[oa]|excm[oa])\.?\s+/, '')
    .replace(/^sra?\.\s*(?=d)/, '')
    .trim();
  if (/^h\.\s?c\.|^honorable/.test(folded)) return 'H.C.';
  if (folded === 'c.') return 'C.';
  if (folded === 'd.') return 'D.';
  const word = folded.replace(/\.$/, '');
  const title = TITLES.find((candidate) =>
    candidate.written.some((spelling) => foldSpanish(spelling).replace(/\.$/, '') === word),
  );
  return title?.canonical ?? 'D.';
}

/** A speaker as written by this lib, split into its canonical honorific (if any) and the name after it. */
export function splitHonorific(speaker: string): { honorific?: string; name: string } {
  const match = CANONICAL.exec(speaker);
  return match ? { honorific: match[0].trim(), name: speaker.slice(match[0].length) } : { name: speaker };
}

/** The gender a canonical honorific tells, if any ("Sra." → f, "Dr." → m, "Lic." → none). */
export function genderOfHonorific(honorific: string | undefined): 'm' | 'f' | undefined {
  return honorific === undefined ? undefined : GENDER[honorific];
}
