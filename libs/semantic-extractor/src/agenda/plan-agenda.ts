import { classifyParagraph } from '../minutes/classify-paragraph';
import type { AgendaItem } from '@astra/contracts';
import { normalizeText } from '../text/normalize-text';
import { parseAgendaHeading, type AgendaHeading } from './parse-agenda-heading';
import { foldSpanish } from '../text/parse-spanish-number';
import type { Block } from '../layout/block';

/** Where the agenda is in the document: the title, the ORDEN DEL DÍA list, and the item headings of the body. */
export type AgendaPlan = {
  items: AgendaItem[];
  /** Block index of an item heading → the item's number and how many following blocks hold its title. */
  headings: ReadonlyMap<number, { index: number; titleBlocks: number }>;
  /** Blocks of the ORDEN DEL DÍA list (its heading and entries), listed before the items are dealt with. */
  listBlocks: ReadonlySet<number>;
  titleBlock: number | undefined;
};

type Candidate = { block: number; heading: AgendaHeading; score: number; strong: boolean };

const MAX_GAP = 3;
const MAX_STRONG_GAP = 20;
const SECTION_LABEL =
  /^(?:asistentes|orden del dia|parte (?:resolutiva|de control|dispositiva|informativa|decisoria)|acta\b|diligencia|certificado|a\)|b\)|c\))/;
const ACTA_TITLE =
  /^(?:borrador\s+(?:del?\s+)?)?acta\b|\bacta\s+(?:de\s+la\s+|del\s+)?(?:sesion|pleno|junta)\b|^version\s+taquigrafica\b|^sesion\s+(?:publica\s+)?(?:ordinaria|extraordinaria|especial|solemne|constitutiva)\b/;
const STOP_WORDS = new Set(
  'del las los que por con para una sus ante sobre entre como este esta dicho dicha mediante segun desde'.split(' '),
);
const NOT_INFINITIVE = new Set([
  'lugar',
  'mar',
  'hogar',
  'bienestar',
  'particular',
  'militar',
  'escolar',
  'popular',
  'titular',
  'regular',
  'familiar',
  'exterior',
  'interior',
  'anterior',
  'posterior',
  'superior',
  'inferior',
  'mayor',
  'menor',
  'alquiler',
  'taller',
  'deber',
  'poder',
  'placer',
]);

/**
 * Decides which blocks are agenda-item headings. A numbered block ("1.- …", "PRIMERO.- …", "Punto 3. …") is a
 * heading when its number continues the sequence (at most a few items skipped) and it looks like one: a Word
 * heading, all bold, in capitals, or matching the ORDEN DEL DÍA entry with that number. This keeps resolution
 * points ("PRIMERO.- Aprobar inicialmente…") and numbered paragraphs inside a motion out. Documents whose
 * headings carry no number (Word auto-numbering) fall back to their headings in order.
 */
export function planAgenda(blocks: readonly Block[]): AgendaPlan {
  const titleBlock = findTitleBlock(blocks);
  const listStart = (titleBlock ?? -1) + 1;
  let list = readAgendaList(blocks, listStart);
  let candidates = findCandidates(blocks, list, titleBlock);
  if (list.blocks.size === 0) {
    const restart = findListBeforeRestart(blocks, candidates);
    if (restart) {
      list = restart;
      candidates = findCandidates(blocks, list, titleBlock);
    }
  }
  const headings = selectHeadings(blocks, candidates, list.entries);
  if (headings.size === 0) fallBackToUnnumberedHeadings(blocks, list, titleBlock, headings);

  // The ORDEN DEL DÍA wording wins when the body heading says the same (often in capitals); else the body's.
  const titles = new Map<number, string>(list.entries);
  for (const [block, heading] of headings) {
    const title = headingTitle(blocks, block, heading.titleBlocks);
    const listed = titles.get(heading.index);
    if (listed === undefined || (title !== '' && similarity(title, listed) < 0.5)) titles.set(heading.index, title);
  }
  const items = [...titles.entries()].sort(([a], [b]) => a - b).map(([index, title]) => ({ index, title }));
  return { items, headings, listBlocks: list.blocks, titleBlock };
}

function findTitleBlock(blocks: readonly Block[]): number | undefined {
  const heading = blocks.findIndex((block, index) => index < 8 && block.type === 'heading' && block.level === 1);
  if (heading !== -1) return heading;
  const acta = blocks.findIndex(
    (block, index) =>
      index < 5 &&
      block.type !== 'table' &&
      block.text.length < 400 &&
      ACTA_TITLE.test(foldSpanish(block.text)) &&
      parseAgendaHeading(block.text) === undefined,
  );
  return acta === -1 ? undefined : acta;
}

type AgendaList = { blocks: Set<number>; entries: Map<number, string>; end: number };

function readAgendaList(blocks: readonly Block[], from: number): AgendaList {
  const empty: AgendaList = { blocks: new Set(), entries: new Map(), end: from };
  const limit = Math.min(blocks.length, from + 60);
  for (let marker = from; marker < limit; marker += 1) {
    const block = blocks[marker];
    if (!block || block.type === 'table' || classifyParagraph(block.text) !== 'agenda') continue;
    const list = readListEntries(blocks, marker + 1);
    // A real list is followed by the bodies, numbered from the start again. When the numbering never restarts,
    // the "ORDEN DEL DÍA" heading introduced the bodies themselves and the first "entry" is item 1's heading
    // ("ORDEN DEL DÍA" / "ASUNTO I.- …" / its body): resolution points numbered 1 later do not make it a list.
    if (list.entries.size > 0 && numberingRestarts(blocks, list)) {
      list.blocks.add(marker);
      return list;
    }
  }
  return empty;
}

function numberingRestarts(blocks: readonly Block[], list: AgendaList): boolean {
  const first = Math.min(...list.entries.keys());
  const firstTitle = list.entries.get(first) ?? '';
  return blocks.slice(list.end).some((block) => {
    if (block.type === 'table') return false;
    const heading = parseAgendaHeading(block.text);
    if (heading?.index !== first) return false;
    // Two or more entries in a row are a list; a single one only when its item comes again later.
    return list.entries.size >= 2 || similarity(heading.title || block.text, firstTitle) >= 0.5;
  });
}

function readListEntries(blocks: readonly Block[], from: number): AgendaList {
  const list: AgendaList = { blocks: new Set(), entries: new Map(), end: from };
  let last = 0;
  for (let j = from; j < blocks.length; j += 1) {
    const block = blocks[j];
    if (!block || block.type === 'table' || block.type === 'note') break;
    if (block.type === 'list-item' && block.level > 1) {
      list.blocks.add(j);
      continue;
    }
    const heading = parseAgendaHeading(block.text);
    if (heading && heading.index <= last) break;
    if (block.type === 'list-item' || (heading && heading.index <= last + 2)) {
      const index = heading?.index ?? last + 1;
      list.entries.set(index, cleanTitle(heading ? heading.title : block.text));
      list.blocks.add(j);
      last = index;
      list.end = j + 1;
      continue;
    }
    const next = blocks[j + 1];
    const nextHeading = next ? parseAgendaHeading(next.text) : undefined;
    if (isSectionLabel(block) && (next?.type === 'list-item' || nextHeading?.index === last + 1)) {
      list.blocks.add(j);
      continue;
    }
    break;
  }
  return list;
}

/** No "ORDEN DEL DÍA" heading, but a run of numbered lines at the start that restarts at 1 later: that run is the list. */
function findListBeforeRestart(blocks: readonly Block[], candidates: readonly Candidate[]): AgendaList | undefined {
  const first = candidates[0];
  if (!first || first.heading.index !== 1) return undefined;
  let runEnd = 0;
  while (
    runEnd + 1 < candidates.length &&
    candidates[runEnd + 1]?.heading.index === (candidates[runEnd]?.heading.index ?? 0) + 1 &&
    (candidates[runEnd + 1]?.block ?? 0) - (candidates[runEnd]?.block ?? 0) === 1
  ) {
    runEnd += 1;
  }
  if (runEnd === 0) return undefined;
  const restarts = candidates.slice(runEnd + 1).some((candidate) => candidate.heading.index === 1);
  if (!restarts) return undefined;
  const list: AgendaList = { blocks: new Set(), entries: new Map(), end: 0 };
  for (const candidate of candidates.slice(0, runEnd + 1)) {
    list.blocks.add(candidate.block);
    list.entries.set(
      candidate.heading.index,
      cleanTitle(candidate.heading.title || (blocks[candidate.block]?.text ?? '')),
    );
    list.end = candidate.block + 1;
  }
  return list;
}

function findCandidates(blocks: readonly Block[], list: AgendaList, titleBlock: number | undefined): Candidate[] {
  const candidates: Candidate[] = [];
  blocks.forEach((block, index) => {
    if (index === titleBlock || list.blocks.has(index)) return;
    if (block.type === 'table' || block.type === 'note' || (block.type === 'list-item' && block.level > 1)) return;
    const text = block.text;
    if (text.length > 1500) return;
    const heading = parseAgendaHeading(text);
    if (!heading) return;
    // A number alone is a heading only when set like one (bold, or a Word heading), with its title under it.
    if (heading.title === '' && /^\s*\d+\s*$/u.test(text) && !(block.allBold || block.type === 'heading')) return;
    candidates.push(scoreCandidate(blocks, index, block, text, heading, list.entries));
  });
  return candidates;
}

function scoreCandidate(
  blocks: readonly Block[],
  index: number,
  block: Block,
  text: string,
  heading: AgendaHeading,
  listEntries: ReadonlyMap<number, string>,
): Candidate {
  const title = heading.title || (blocks[index + 1]?.text ?? '');
  const listed = listEntries.get(heading.index);
  const listMatch = listed !== undefined && similarity(title, listed) >= 0.5;
  const isHeading = block.type === 'heading';
  const upper = isUpperCase(heading.title || text);
  const infinitive = startsWithInfinitive(heading.title);
  let score = 0;
  if (isHeading) score += 3;
  if (block.allBold) score += 2;
  if (upper) score += 2;
  if (listMatch) score += 3;
  if (text.length <= 300) score += 1;
  if (text.length > 400 && !(block.allBold && upper)) score -= 3;
  if (infinitive && !listMatch) score -= 1;
  if (heading.prefixed) score += 1;
  return { block: index, heading, score, strong: isHeading || listMatch };
}

type Headings = Map<number, { index: number; titleBlocks: number }>;

/**
 * The items of one acta are numbered one way ("ASUNTO I.-", "PUNTO 3º.-", "3.-", "PRIMERO.-"): each family of
 * numbering is tried as the item level on its own, and the family whose sequence carries the most weight wins.
 * Resolution points ("PRIMERO.- Aprobar…") and numbered lists inside an item then cannot interleave with the
 * items; strong candidates (Word headings, ORDEN DEL DÍA matches) join whatever the family.
 */
function selectHeadings(
  blocks: readonly Block[],
  candidates: readonly Candidate[],
  listEntries: ReadonlyMap<number, string>,
): Headings {
  const formatted = candidates.some((candidate) => {
    const block = blocks[candidate.block];
    return candidate.strong || block?.allBold === true;
  });
  const threshold = formatted ? 3 : 1;
  const families = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const key = familyOf(candidate.heading);
    families.set(key, [...(families.get(key) ?? []), candidate]);
  }
  let best: { headings: Headings; weight: number } = { headings: new Map(), weight: 0 };
  for (const [key, members] of families) {
    const pool = candidates.filter((candidate) => candidate.strong || familyOf(candidate.heading) === key);
    const selected = sequence(blocks, pool, listEntries, threshold, key, members);
    const weight = [...selected.keys()].reduce(
      (sum, block) => sum + (candidates.find((candidate) => candidate.block === block)?.score ?? 0),
      0,
    );
    if (weight > best.weight) best = { headings: selected, weight };
  }
  return best.headings;
}

function sequence(
  blocks: readonly Block[],
  pool: readonly Candidate[],
  listEntries: ReadonlyMap<number, string>,
  threshold: number,
  family: string,
  members: readonly Candidate[],
): Headings {
  const headings: Headings = new Map();
  let current = 0;
  // A numbering slip or restart ("… ASUNTO XI.- …, ASUNTO VI.- …") is still the next item when the family is
  // introduced by a word and the heading is set like the others: it takes the next index.
  const prefixed = family.startsWith('asunto:') || family.startsWith('punto:') || family.startsWith('apartado:');
  const usual = Math.min(...members.filter((member) => member.score >= threshold).map((member) => member.score));
  for (const candidate of pool) {
    const gap = candidate.heading.index - current;
    const maxGap = candidate.strong ? MAX_STRONG_GAP : MAX_GAP;
    if (candidate.score < threshold) continue;
    let index = candidate.heading.index;
    if (gap < 1 || gap > maxGap) {
      const slip = prefixed && current > 0 && familyOf(candidate.heading) === family && candidate.score >= usual;
      if (!slip) continue;
      index = current + 1;
    } else if (listEntries.size > 0 && !listEntries.has(index) && !candidate.strong && gap > 1) continue;
    const titleBlocks = candidate.heading.title === '' && isTitleLine(blocks[candidate.block + 1]) ? 1 : 0;
    headings.set(candidate.block, { index, titleBlocks });
    current = index;
  }
  return headings;
}

function familyOf(heading: AgendaHeading): string {
  const numbering = heading.numbering === 'cardinal' ? 'ordinal' : heading.numbering;
  return `${heading.prefix ?? ''}:${numbering}`;
}

function fallBackToUnnumberedHeadings(
  blocks: readonly Block[],
  list: AgendaList,
  titleBlock: number | undefined,
  headings: Map<number, { index: number; titleBlocks: number }>,
): void {
  const eligible = blocks
    .map((block, index) => ({ block, index }))
    .filter(
      ({ block, index }) =>
        index !== titleBlock &&
        index >= list.end &&
        !list.blocks.has(index) &&
        block.type === 'heading' &&
        !SECTION_LABEL.test(foldSpanish(block.text)),
    );
  if (eligible.length === 0) return;
  const counts = new Map<number, number>();
  for (const { block } of eligible) counts.set(block.level, (counts.get(block.level) ?? 0) + 1);
  const level = [...counts.entries()].sort(([la, ca], [lb, cb]) => cb - ca || la - lb)[0]?.[0];
  let current = 0;
  for (const { block, index } of eligible) {
    if (block.level !== level) continue;
    const text = block.text;
    const listed = [...list.entries.entries()].find(
      ([number, title]) => number > current && similarity(text, title) >= 0.5,
    );
    current = listed ? listed[0] : current + 1;
    headings.set(index, { index: current, titleBlocks: 0 });
  }
}

function headingTitle(blocks: readonly Block[], block: number, titleBlocks: number): string {
  const text = blocks[block]?.text ?? '';
  const heading = parseAgendaHeading(text);
  if (titleBlocks > 0) return cleanTitle(blocks[block + 1]?.text ?? '');
  return cleanTitle(heading ? heading.title : text);
}

function isTitleLine(block: Block | undefined): boolean {
  if (!block || block.type === 'table' || block.type === 'note') return false;
  const text = block.text;
  return text.length > 0 && text.length <= 300 && parseAgendaHeading(text) === undefined;
}

function isSectionLabel(block: Block): boolean {
  const text = block.text;
  return text.length > 0 && text.length < 80 && !/\d/.test(text) && (block.allBold || isUpperCase(text));
}

function cleanTitle(text: string): string {
  return normalizeText(text).replace(/[\s.:;,–—-]+$/u, '');
}

function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 4) return false;
  let upper = 0;
  for (const letter of letters) if (letter === letter.toUpperCase() && letter !== letter.toLowerCase()) upper += 1;
  return upper / letters.length >= 0.8;
}

function startsWithInfinitive(title: string): boolean {
  const first = foldSpanish(title.split(/[\s,.;:]/)[0] ?? '');
  return first.length > 3 && /(?:ar|er|ir)$/.test(first) && !NOT_INFINITIVE.has(first);
}

/** Share of content words two titles have in common (Jaccard over folded words of 3+ letters). */
function similarity(a: string, b: string): number {
  const words = (text: string): Set<string> =>
    new Set(
      foldSpanish(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length >= 3 && !STOP_WORDS.has(word)),
    );
  const left = words(a);
  const right = words(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return shared / (left.size + right.size - shared);
}
