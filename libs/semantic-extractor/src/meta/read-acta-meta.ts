import { titleCase } from '../speakers/find-speaker';
import type { ActaMeta } from '@astra/contracts';
import { normalizeText } from '../text/normalize-text';
import { parseSpanishDate } from '../text/parse-spanish-date';
import { foldSpanish } from '../text/parse-spanish-number';

const MAX_TITLE = 300;
const MAX_PREAMBLE_CHARS = 20_000;
/**
 * The council as minutes name it, before the place: Spain's Ayuntamiento (Ajuntament, Concello), Mexico's
 * "H. Ayuntamiento Constitucional de", Chile's and Peru's "Ilustre Municipalidad de", "Municipalidad Provincial
 * de", Colombia's "Concejo Municipal de", Argentina's "Honorable Concejo Deliberante de", Uruguay's "Junta
 * Departamental de", "Intendencia de", "Alcaldía de", "Municipio de", "Cabildo de".
 */
const COUNCIL =
  /(?<![\p{L}])(?:excm[oa]\.?\s+|ilm[oa]\.?\s+|muy\s+ilustre\s+|ilustre\s+|i\.\s+|h\.\s+|honorable\s+)?(?:ayuntamiento(?:\s+constitucional)?|ajuntament|concello|ayto\.|municipalidad(?:\s+(?:provincial|distrital|metropolitana))?|concejo(?:\s+(?:municipal|deliberante|distrital))?|junta\s+departamental|intendencia(?:\s+(?:municipal|departamental))?|alcaldia(?:\s+(?:municipal|mayor|distrital))?|municipio|cabildo(?:\s+insular)?|gobierno\s+municipal)(?:\s+pleno)?\s+(?:de|del|d')\s*/giu;
const CASA_CONSISTORIAL =
  /\b(?:casa\s+consistorial|salon\s+de\s+(?:plenos|sesiones)(?:\s+de\s+la\s+casa\s+consistorial)?)\s+(?:de|del)\s+/giu;
const NAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'el', "d'", "l'", 'y', 'i']);
const NAME_STOPS = new Set([
  'celebrada',
  'celebrado',
  'en',
  'sesion',
  'a',
  'siendo',
  'que',
  'con',
  'para',
  'por',
  'fecha',
  'acta',
  'pleno',
  'provincia',
  'estado',
  'departamento',
  'region',
]);

/**
 * Title, date, municipality and session type of the minutes, from the title block and the preamble (the text
 * before the first agenda item, without the ORDEN DEL DÍA list).
 */
export function readActaMeta(title: string, preamble: readonly string[]): ActaMeta {
  const cleanTitle = normalizeText(title).slice(0, MAX_TITLE);
  const texts = [cleanTitle];
  let length = cleanTitle.length;
  for (const text of preamble) {
    if (length > MAX_PREAMBLE_CHARS) break;
    const normalized = normalizeText(text);
    texts.push(normalized);
    length += normalized.length;
  }
  const date = firstOf(texts, parseSpanishDate);
  const municipality = firstOf(texts, findMunicipality);
  const sessionType = firstOf(texts, findSessionType);
  return {
    title: cleanTitle,
    ...(date ? { date } : {}),
    ...(municipality ? { municipality } : {}),
    ...(sessionType ? { sessionType } : {}),
  };
}

function firstOf(texts: readonly string[], read: (text: string) => string | undefined): string | undefined {
  for (const text of texts) {
    const value = read(text);
    if (value) return value;
  }
  return undefined;
}

/** "Ayuntamiento de X", "Ayuntamiento Pleno de X", "Excmo. Ayuntamiento de X", "Casa Consistorial de X". */
export function findMunicipality(text: string): string | undefined {
  const line = text.normalize('NFC');
  const folded = foldSpanish(line);
  for (const pattern of [COUNCIL, CASA_CONSISTORIAL]) {
    pattern.lastIndex = 0;
    for (const match of folded.matchAll(pattern)) {
      const name = readPlaceName(line.slice(match.index + match[0].length));
      if (name) return name;
    }
  }
  return undefined;
}

function readPlaceName(text: string): string | undefined {
  const words = text.split(/\s+/);
  const kept: string[] = [];
  for (const [position, raw] of words.entries()) {
    const word = raw.replace(/[,.;:()]+$/u, '');
    if (word === '' || /^\d/.test(word)) break;
    const folded = foldSpanish(word);
    const next = foldSpanish(words[position + 1] ?? '');
    if (kept.length > 0 && NAME_STOPS.has(folded)) break;
    if ((folded === 'el' || folded === 'del') && /^dia\b/.test(next)) break;
    if (!/^(?:[dl]['’])?\p{Lu}/u.test(word) && !NAME_PARTICLES.has(folded)) break;
    kept.push(word);
    if (word !== raw) break;
  }
  while (kept.length > 0 && NAME_PARTICLES.has(foldSpanish(kept.at(-1) ?? ''))) kept.pop();
  return kept.length === 0 ? undefined : titleCase(kept.join(' '));
}

/** ordinaria | extraordinaria | urgente (extraordinary and urgent) | constitutiva. */
export function findSessionType(text: string): string | undefined {
  const folded = foldSpanish(text);
  const match =
    /\b(?:sesion|pleno|junta)\s+(?:publica\s+)?(ordinari[oa]|extraordinari[oa](?:\s+(?:y|de\s+caracter)\s+urgente|\s+urgente)?|constitutiv[oa])\b/.exec(
      folded,
    );
  if (!match) return undefined;
  const kind = match[1] ?? '';
  if (kind.includes('urgente')) return 'urgente';
  if (kind.startsWith('extra')) return 'extraordinaria';
  if (kind.startsWith('constitutiv')) return 'constitutiva';
  return 'ordinaria';
}
