import type { SpeakerReference } from '../speakers/find-speaker';
import { isNameList } from '../speakers/parse-speech-formula';
import { hasNotNameWord } from '../speakers/read-name-list';
import { foldSpanish } from '../text/parse-spanish-number';

/**
 * What a paragraph of the minutes is, from its wording alone (speaker formulas are read elsewhere):
 * - `attendance`: an attendance heading or line ("ASISTENTES:", "Excusan su asistencia: D. X", a list of names),
 * - `agenda`: the "ORDEN DEL DÍA" heading,
 * - `signature`: signatures and certification ("EL ALCALDE", "Fdo.:", "Vº Bº", "DILIGENCIA", CSV footers),
 * - `boilerplate`: legal text nobody says aloud ("Contra el presente acuerdo… recurso…"),
 * - `opening` / `closing`: the session is opened / closed ("se levanta la sesión"),
 * - `procedural`: the conduct of the session (someone leaves or joins, recess, an item withdrawn),
 * - `vote`: a vote and its result ("Sometido a votación…", "queda aprobado por unanimidad").
 */
export type ParagraphCue =
  'attendance' | 'agenda' | 'signature' | 'boilerplate' | 'opening' | 'closing' | 'procedural' | 'vote';

const ATTENDANCE_LABEL =
  /^(?:(?:sres|senores|sras|senoras)\.?\s+|miembros\s+|(?:las?\s+|los?\s+)?)?(?:asistentes|asisten|presentes|concejales(?:\s+(?:asistentes|presentes|ausentes|que\s+asisten))?|concejalas\s+y\s+concejales|concejales\s*\/\s*as|miembros\s+(?:asistentes|presentes|ausentes)|excusan?\s+(?:su\s+)?(?:asistencia|ausencia)|se\s+excusan?|excusados?|no\s+asisten(?:tes)?|no\s+asiste|ausentes?|preside|presidente|presidenta|alcalde[\s-]presidente|alcaldesa[\s-]presidenta|alcalde|alcaldesa|secretari[oa](?:\s+general)?(?:[\s-]interventor[a]?)?(?:\s+accidental)?|interventor[a]?(?:\s+accidental)?|tesorer[oa]|tenientes?\s+de\s+alcalde|concejal(?:es|as|a)?|asiste(?:n)?\s+(?:tambien|asimismo|ademas))\b/;
/**
 * The agenda list's heading in the words minutes use: ORDEN DEL DÍA (Galician ORDE DO DÍA, Catalan ORDRE DEL DIA,
 * bilingual "ORDE DO DÍA / ORDEN DEL DÍA"), Chile's TABLA, the stenographic SUMARIO, TEMARIO, AGENDA, puntos or
 * asuntos a tratar.
 */
const AGENDA_WORDS =
  "(?:(?:el\\s+)?orden\\s+del\\s+dia|(?:a\\s+)?orde\\s+do\\s+dia|(?:l'|el\\s+)?ordre\\s+del\\s+dia|asuntos\\s+(?:a\\s+tratar|del\\s+orden\\s+del\\s+dia)|puntos\\s+a\\s+tratar|relacion\\s+de\\s+asuntos|tabla(?:\\s+de\\s+(?:la\\s+)?sesion)?|sumario|temario|agenda(?:\\s+de\\s+(?:la\\s+)?sesion)?)";
const AGENDA_MARKER = new RegExp(
  `^${AGENDA_WORDS}(?:\\s*[/|-]\\s*${AGENDA_WORDS})?\\s*:?\\s*$|(?:siguiente|del|conforme\\s+al)\\s+orden\\s+del\\s+dia\\s*:\\s*$`,
);
const SIGNATURE_START =
  /^(?:diligencia|v\.?\s*[º°o]\.?\s*b\.?\s*[º°o]|visto\s+bueno|fdo\.?|firmado|firma(?:do)?\s+electronica|documento\s+firmado|codigo\s+seguro\s+de\s+verificacion|csv\b|certifico\b|ante\s+mi\b|doy\s+fe\b|y\s+para\s+que\s+conste|pagina\s+\d+|\d+\s*(?:\/|de)\s*\d+\s*$)/;
const SIGNATURE_LINE =
  /^(?:(?:el|la)\s+(?:alcalde(?:sa)?(?:[\s-]president[ea])?|president[ea]|secretari[oa](?:\s+general)?(?:[\s-]interventor[a]?)?(?:\s+accidental)?|interventor[a]?|concejal[a]?\s+secretari[oa])[\s,.:;]*){1,3}$/;
const BOILERPLATE =
  /^(?:contra\s+(?:el\s+presente|este|dicho|el)\s+acuerdo|lo\s+que\s+se\s+hace\s+publico|lo\s+que\s+comunico|lo\s+manda\s+y\s+firma|y\s+para\s+que\s+conste|de\s+conformidad\s+con\s+lo\s+(?:dispuesto|establecido)\s+en\s+el\s+art[a-z.]*\s+\d+[^,]*,\s+se\s+extiende)/;
const OPENING =
  /\b(?:se\s+abre\s+la\s+sesion|abierta\s+la\s+sesion|abre\s+la\s+sesion|declara(?:da)?\s+abierta\s+la\s+sesion|da(?:ndo)?\s+(?:comienzo|inicio)\s+a\s+la\s+sesion|se\s+inicia\s+la\s+sesion|comienza\s+la\s+sesion|se\s+da\s+comienzo|abierto\s+el\s+acto)\b/;
const CLOSING =
  /\b(?:(?:se\s+)?levant[aoó]\s+la\s+sesion|levantandose\s+la\s+sesion|levanto\s+la\s+sesion|(?:se\s+)?(?:da|dio|declara|declaro|dando)\s+por\s+(?:terminada|finalizada|concluida|levantada|cerrada)\s+la\s+sesion|declara\s+(?:terminada|finalizada|concluida|levantada|cerrada)\s+la\s+sesion|no\s+habiendo\s+(?:mas|otros)\s+asuntos|sin\s+mas\s+asuntos\s+que\s+tratar|y\s+no\s+habiendo\s+mas|finaliza(?:da)?\s+la\s+sesion|se\s+cierra\s+la\s+sesion)\b/;
const SUSPENSION =
  /\b(?:receso|suspende|suspension|durante\s+(?:\d+|unos|diez|quince|cinco|veinte)\s+minutos|se\s+reanuda)\b/;
/** The roll call: "pasó lista", "procede a llamar a lista", "verifica el quórum", "se declaró quórum legal". */
const ROLL_CALL_WORDS =
  '(?:llam\\w*|pas\\w*)\\s+(?:a\\s+)?lista|verifica\\w*\\s+(?:que\\s+existe\\s+|el\\s+|del\\s+)?quorum|declar\\w*\\s+(?:el\\s+)?quorum|existe\\s+quorum|hay\\s+quorum';
const ROLL_CALL = new RegExp(`\\b(?:${ROLL_CALL_WORDS})\\b`);
const PROCEDURAL = new RegExp(
  String.raw`\b(?:se\s+ausenta|se\s+incorpora|se\s+reincorpora|abandona\s+(?:la\s+sesion|el\s+salon|la\s+sala)|se\s+retira\s+de\s+la\s+sesion|receso|se\s+reanuda\s+la\s+sesion|se\s+suspende\s+la\s+sesion|se\s+pasa\s+a\s+(?:tratar|debatir|examinar|conocer)|se\s+pasa\s+al\s+(?:siguiente|punto)|pasa\s+a\s+tratarse|se\s+procede\s+a\s+(?:tratar|debatir|examinar)|(?:queda|es)\s+retirad[oa]\s+del\s+orden\s+del\s+dia|se\s+retira\s+del\s+orden\s+del\s+dia|(?:se\s+deja|queda)\s+sobre\s+la\s+mesa|quedan?\s+enterad[oa]s?|toma\s+conocimiento|se\s+da\s+por\s+enterad|con\s+la\s+venia\s+de\s+la\s+presidencia|${ROLL_CALL_WORDS})\b`,
);
const VOTE =
  /\b(?:sometid[oa]s?\s+(?:[^.;]{0,80}\s)?a\s+votacion|se\s+somete\s+a\s+votacion|somete\s+a\s+votacion|sometiendose\s+a\s+votacion|votos?\s+(?:a\s+favor|en\s+contra|favorables?|emitidos|afirmativos)|voto\s+favorable|abstencion(?:es)?|por\s+unanimidad|por\s+mayoria|quedan?\s+aprobad|se\s+aprueban?|aprobad[oa]s?\s+(?:por|con|sin)\b|resultan?\s+aprobad|quedan?\s+rechazad|resultan?\s+rechazad|(?:es|fue)\s+(?:aprobad|rechazad)|resultado\s+de\s+la\s+votacion|votacion\s+(?:ordinaria|nominal|secreta)|con\s+el\s+voto|con\s+los\s+votos|(?:adopta|adoptan|adoptandose|adopto)\s+(?:el\s+siguiente|los\s+siguientes)\s+acuerdo|el\s+pleno[^.]{0,160}\bacuerda)\b/;
const RESOLUTION_FOLLOWS =
  /(?:acuerda|acuerdan|acuerdo|acuerdos|adopta\s+el\s+siguiente\s+acuerdo|propone\s+al\s+pleno(?:\s+[^:]{0,80})?|propuesta\s+de\s+acuerdo|parte\s+dispositiva|resuelve|resuelvo|dispongo|dispone|adopcion\s+de\s+los?\s+siguientes?\s+acuerdos?)\s*:\s*$/;

/** `references`: findSpeakerReferences(text), when the caller has them already. */
export function classifyParagraph(text: string, references?: readonly SpeakerReference[]): ParagraphCue | undefined {
  const folded = foldSpanish(text.replace(/\s+/g, ' ').trim());
  if (folded === '') return undefined;
  if (AGENDA_MARKER.test(folded)) return 'agenda';
  if (SIGNATURE_START.test(folded) || (folded.length < 120 && SIGNATURE_LINE.test(folded))) return 'signature';
  if (isAttendanceLine(text, references)) return 'attendance';
  if (BOILERPLATE.test(folded)) return 'boilerplate';
  if (CLOSING.test(folded) && !SUSPENSION.test(folded)) return 'closing';
  if (OPENING.test(folded)) return 'opening';
  if (VOTE.test(folded)) return 'vote';
  if (PROCEDURAL.test(folded)) return 'procedural';
  return undefined;
}

/**
 * An attendance line: an attendance label alone ("ASISTENTES:", "Concejales presentes:"), a label followed by
 * names ("Excusan su asistencia: D. X y Dña. Y"), or a line of names only ("D. Juan Pérez García (PSOE)").
 */
export function isAttendanceLine(text: string, references?: readonly SpeakerReference[]): boolean {
  const line = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (line.length > 600) return false;
  const folded = foldSpanish(line);
  const label = ATTENDANCE_LABEL.exec(folded);
  if (label) {
    const after = folded.slice(label[0].length);
    if (/^\s*(?:\([^)]*\))?\s*:?\s*$/.test(after)) return /:\s*$/.test(line) || line.length < 40;
    const colon = /^\s*(?:\([^)]*\))?\s*:\s*/.exec(after);
    if (colon) {
      const names = line.slice(label[0].length + colon[0].length);
      if (isNameList(names) || isPlainNameList(names)) return true;
    }
  }
  return line.length < 200 && isNameList(line, line === text ? references : undefined);
}

/** "Juan Pérez García, María López Ruiz (PSOE) y Ana Gil": capitalised words, commas, groups in parentheses. */
export function isPlainNameList(text: string): boolean {
  const names = text
    .replace(/\([^()]*\)/g, ' ')
    .split(/\s*(?:,|;|\sy\s|\se\s|\n)\s*/u)
    .map((name) => name.trim().replace(/[.;]$/, ''))
    .filter((name) => name !== '');
  if (names.length === 0) return false;
  return names.every(
    (name) =>
      /^(?:(?:D\.|Dña\.|Dª|Don|Doña|Sr\.|Sra\.)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:de|del|la|las|los|y|\p{Lu}[\p{L}'’.-]*)){0,6}$/u.test(
        name,
      ) && !hasNotNameWord(name),
  );
}

/** The roll call is taken ("El Secretario pasó lista y dio cuenta de…"): procedure, whoever does it. */
export function isRollCall(text: string): boolean {
  return ROLL_CALL.test(foldSpanish(text));
}

/** The paragraph ends by announcing the resolution points that follow ("…, ACUERDA:"). */
export function announcesResolution(text: string): boolean {
  if (!/:\s*$/u.test(text)) return false;
  return RESOLUTION_FOLLOWS.test(foldSpanish(text.replace(/\s+/g, ' ').trim()));
}
