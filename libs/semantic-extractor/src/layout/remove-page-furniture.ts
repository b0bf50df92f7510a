import type { Block } from './block';
import { furnitureKey, isFurnitureLine } from './is-furniture-line';

export type RemovePageFurnitureResult = {
  blocks: Block[];
  /** Paragraphs removed as page furniture. */
  removed: number;
  /** Paragraphs joined again across a page break. */
  joined: number;
};

const MAX_FURNITURE_CHARS = 240;
const MAX_SANDWICHED_WORDS = 5;

/**
 * Removes page furniture that a PDF→Word conversion leaves in the body at every page break (letterheads,
 * footers, page numbers, verification codes, signer stamps) and joins the paragraph that the page break split.
 * A paragraph is furniture when it has a furniture shape, or it repeats and sits in a band with such lines at
 * least twice (a letterhead), or it is a short label wedged between furniture lines ("ALCALDE" under a stamp).
 * Repetition alone is not enough: real minutes repeat whole sentences ("Sometido el asunto a votación…").
 */
export function removePageFurniture(blocks: readonly Block[]): RemovePageFurnitureResult {
  const shape = blocks.map(
    (block, index) => isCandidateText(block) && isFurnitureLine(block.text) && !isNumberHeading(blocks, index),
  );
  const keys = blocks.map((block) => (isCandidateText(block) ? furnitureKey(block.text) : ''));
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);

  // Bands: runs of shape lines and repeated short lines that hold at least one shape line.
  const candidate = blocks.map(
    (block, index) => shape[index] === true || ((counts.get(keys[index] ?? '') ?? 0) >= 2 && isCandidateText(block)),
  );
  const inBand = new Array<boolean>(blocks.length).fill(false);
  for (let start = 0; start < blocks.length;) {
    if (!candidate[start]) {
      start += 1;
      continue;
    }
    let end = start;
    while (end + 1 < blocks.length && (candidate[end + 1] || isSandwiched(blocks, candidate, end + 1))) end += 1;
    if (shape.slice(start, end + 1).some(Boolean)) for (let i = start; i <= end; i += 1) inBand[i] = true;
    start = end + 1;
  }
  const bandCounts = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key !== '' && inBand[index]) bandCounts.set(key, (bandCounts.get(key) ?? 0) + 1);
  });
  const furniture = blocks.map((block, index) => {
    if (!inBand[index]) return false;
    if (shape[index]) return true;
    const key = keys[index] ?? '';
    const total = counts.get(key) ?? 0;
    const banded = bandCounts.get(key) ?? 0;
    // A letterhead line is a few words ("ACTA DEL PLENO", "Ayuntamiento de X"), not a sentence of the minutes.
    if (total >= 2 && banded >= 2 && banded >= total * 0.6 && isLetterheadLike(block.text)) return true;
    return isSandwichedLabel(block);
  });

  const out: Block[] = [];
  let removed = 0;
  let joined = 0;
  let brokeAfter = false;
  for (const [index, block] of blocks.entries()) {
    if (furniture[index]) {
      removed += 1;
      brokeAfter = out.length > 0;
      continue;
    }
    const previous = out.at(-1);
    if (brokeAfter && previous && continuesAcrossBreak(previous, block)) {
      out[out.length - 1] = joinBlocks(previous, block);
      joined += 1;
    } else {
      out.push(block);
    }
    brokeAfter = false;
  }
  return { blocks: out, removed, joined };
}

/**
 * A bold number alone on its line with a bold title under it: the heading of an agenda item as stenographic
 * records write it ("1" / "APERTURA DE LA SESIÓN"), not a page number.
 */
function isNumberHeading(blocks: readonly Block[], index: number): boolean {
  const block = blocks[index];
  const next = blocks[index + 1];
  if (!block || !next || !/^\d{1,3}\.?$/u.test(block.text.trim())) return false;
  const set = (candidate: Block): boolean => candidate.allBold || candidate.type === 'heading';
  return set(block) && set(next) && next.text.length <= 300 && /\p{L}{3}/u.test(next.text);
}

function isCandidateText(block: Block): boolean {
  return block.type !== 'table' && block.text.length <= MAX_FURNITURE_CHARS;
}

/** A short line between two furniture candidates (a signer's office printed under the stamp). */
function isSandwiched(blocks: readonly Block[], candidate: readonly boolean[], index: number): boolean {
  const block = blocks[index];
  return (
    block !== undefined && candidate[index - 1] === true && candidate[index + 1] === true && isSandwichedLabel(block)
  );
}

function isSandwichedLabel(block: Block): boolean {
  const text = block.text.trim();
  return (
    block.type !== 'table' &&
    text.length <= 60 &&
    text.split(/\s+/).length <= MAX_SANDWICHED_WORDS &&
    !/[.:;?!]$/.test(text)
  );
}

const TERMINAL = /[.:;?!»”)"…]\s*$/u;
const DANGLING =
  /(?:,|\b(?:de|del|la|las|el|los|un|una|y|e|o|u|que|a|al|en|por|para|con|sin|su|sus|se|lo|le|como|entre|sobre|desde|hasta)|[-–—])\s*$/iu;

/** Whether paragraph `next` is the rest of `previous`, cut by the page break that was removed between them. */
export function continuesAcrossBreak(previous: Block, next: Block): boolean {
  if (previous.type !== 'paragraph' || next.type !== 'paragraph') return false;
  if (previous.allBold !== next.allBold && previous.text.length < 200) return false;
  const text = previous.text;
  if (TERMINAL.test(text)) return false;
  if (DANGLING.test(text)) return true;
  // A bold heading in capitals cut by the page break ("ASUNTO IX.- … DE CIUDADES" / "SALUDABLES Y …").
  if (previous.allBold && next.allBold)
    return isCapitals(text) && isCapitals(next.text) && !/^\S{1,4}[.)]\s/u.test(next.text);
  const first = next.text.trimStart().charAt(0);
  if (first !== '' && first === first.toLowerCase() && first !== first.toUpperCase()) return true;
  return text.length >= 80 && !previous.allBold;
}

export function joinBlocks(previous: Block, next: Block): Block {
  const hyphenated = /\p{L}[-‐]$/u.test(previous.text) && /^\p{Ll}/u.test(next.text);
  const text = hyphenated ? previous.text.slice(0, -1) + next.text : `${previous.text} ${next.text}`;
  const lines = [
    ...previous.lines.slice(0, -1),
    hyphenated ? text : `${previous.lines.at(-1) ?? ''} ${next.lines[0] ?? ''}`.trim(),
    ...next.lines.slice(1),
  ];
  return {
    ...previous,
    text,
    allBold: previous.allBold && next.allBold,
    allItalic: previous.allItalic && next.allItalic,
    lines: previous.lines.length <= 1 && next.lines.length <= 1 ? [text] : lines,
  };
}

function isCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase();
}

function isLetterheadLike(text: string): boolean {
  return text.split(/\s+/).length <= 10 && !/[.;:]\s*$/u.test(text);
}
