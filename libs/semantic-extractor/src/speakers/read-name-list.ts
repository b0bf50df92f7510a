import { foldSpanish } from '../text/parse-spanish-number';
import { titleCase } from './find-speaker';

/**
 * Words that are never part of a person's name although minutes write them capitalised: places and bodies,
 * document and session words, headings. They keep "Salón de Plenos", "Orden del Día" or "APERTURA DE LA
 * SESIÓN" from being read as people.
 */
const NOT_NAME_WORDS = new Set(
  (
    'orden dia dias sesion sesiones acta actas asunto asuntos punto puntos lectura aprobacion apertura cierre ' +
    'desarrollo varios varias proposiciones informe informes expediente proyecto ordenanza resolucion decreto mocion ' +
    'dictamen comision lista quorum version taquigrafica fecha hora lugar salon casa consistorial pleno plenos ' +
    'ayuntamiento concejo concello ajuntament municipal municipalidad municipio recinto sala edificio palacio calle ' +
    'plaza avenida honorable deliberante cabildo constitucional tabla sumario temario ciudad villa provincia ' +
    'departamento estado republica gobierno ilustre excelentisimo hacienda obras publicas servicios asistencia ' +
    'asistentes presentes ausentes excusados miembros integrantes corporacion junta consejo alcaldia intendencia ' +
    'presidencia secretaria secretario secretaria general concejales concejalas regidores regidoras ediles grupo ' +
    'bloque partido ruegos preguntas mociones urgencia urgentes parte resolutiva control votacion acuerdo acuerdos ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre lunes martes ' +
    'miercoles jueves viernes sabado domingo señores senores señoras senoras sres sras municipalidad distrital ' +
    'provincial metropolitana nacional alcalde alcaldesa presidente presidenta vicepresidente vicepresidenta ' +
    'sindico sindica regidor regidora concejal concejala edil edila tesorero tesorera interventor interventora ' +
    'director directora gerente intendente intendenta portavoz teniente vocal delegado delegada ' +
    'en el a al con por para siendo se que sin sobre tras bajo ante desde hasta entre segun durante mediante este ' +
    'esta estos estas dicho dicha no si'
  ).split(' '),
);
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'da', 'das', 'do', 'dos', 'di', 'van', 'von', 'y', 'i']);
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’·]*(?:-\p{L}+)*\.?|M\.ª|Mª)$/u;
const LEADING_HONORIFIC =
  /^(?:(?:sr|sra|srta|sres|sras|d|dña|dª|dr|dra|ing|lic|arq|mtro|mtra|prof|profa|c|h\.\s?c|hble|hon|excm[oa]|ilm[oa])\.\s*|d\.ª\s*|(?:don|doña|señor|señora)\s+)+/iu;

/** Whether a capitalised run holds a word no name holds ("APERTURA DE LA SESIÓN", "VERSIÓN TAQUIGRÁFICA"). */
export function hasNotNameWord(text: string): boolean {
  return foldSpanish(text)
    .split(/[^\p{L}]+/u)
    .some((word) => NOT_NAME_WORDS.has(word));
}

/**
 * A person's name as written in a list, without honorific: two to seven capitalised words ("Ana Luisa Ramírez
 * Ramírez", "JUAN CARLOS PÉREZ GÓMEZ") with particles ("de la Torre"), no digits, none of the words that name
 * places, bodies or sessions. Returns the name title-cased, or undefined.
 */
export function readPersonName(text: string): string | undefined {
  const name = text
    .replace(/\([^()]*\)/gu, ' ')
    .trim()
    .replace(LEADING_HONORIFIC, '')
    .replace(/[.,;:]+$/u, '')
    .trim();
  if (name === '' || /\d/u.test(name)) return undefined;
  const words = name.split(/\s+/u);
  const capitalised = words.filter((word) => !PARTICLES.has(foldSpanish(word)));
  if (capitalised.length < 2 || capitalised.length > 7) return undefined;
  if (PARTICLES.has(foldSpanish(words[0] ?? '')) && !/^(?:de|del)$/iu.test(words[0] ?? '')) return undefined;
  for (const word of capitalised) {
    if (/^\p{L}{1,3}\.$/u.test(word) && !/^M\.?ª$/u.test(word)) return undefined;
    if (!NAME_WORD.test(word) || NOT_NAME_WORDS.has(foldSpanish(word).replace(/\.$/u, ''))) return undefined;
  }
  return titleCase(name);
}

/** An entry that names someone by office ("Síndico Municipal Manuel Escoto", "Regidores"): read elsewhere. */
const OFFICE_ENTRY =
  /^(?:(?:el|la|los|las)\s+)?(?:c\.\s*)?(?:alcald|presiden|vicepresiden|sindic|regidor|concejal|edil|secretari|tesorer|interven|director|gerente|intenden|portavoz|teniente|vocal|consejer|concelleir)/u;

/**
 * The names of a written list: "Ana Luisa Ramírez Ramírez, Omar Borboa Becerra e Iván Chávez Gómez", or inverted
 * as stenographic records and some registers write them, "Gómez, Laura; Ríos, Martín; Acosta, Julieta" (surname,
 * given names; entries split by semicolons). Entries that name someone by office are skipped (the office reader
 * has them); the list ends at the first entry that is neither (the rest of the sentence).
 */
export function readNameList(text: string): string[] {
  const list = text.trim().replace(/[.;,]+$/u, '');
  if (list === '') return [];
  const semicolons = list.includes(';');
  const names: string[] = [];
  for (const raw of semicolons ? list.split(';') : splitEntries(list)) {
    const entry = raw.trim();
    if (entry === '') continue;
    if (OFFICE_ENTRY.test(foldSpanish(entry))) continue;
    const inverted = semicolons ? /^([^,]+),\s*([^,]+)$/u.exec(entry) : null;
    const name =
      readPersonName(entry) ?? (inverted ? readPersonName(`${inverted[2] ?? ''} ${inverted[1] ?? ''}`) : undefined);
    if (name !== undefined) {
      names.push(name);
      continue;
    }
    // "A, B y C" inside one semicolon entry.
    const inner = semicolons ? splitEntries(entry).map(readPersonName) : [undefined];
    if (inner.some((value) => value === undefined)) break;
    names.push(...inner.filter((value): value is string => value !== undefined));
  }
  return names;
}

function splitEntries(list: string): string[] {
  return list.split(/\s*,\s*|\s+(?:y|e|i)\s+(?=\p{Lu})/u);
}
