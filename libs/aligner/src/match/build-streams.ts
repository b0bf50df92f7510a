import type { Transcript } from '@astra/contracts';
import type { Acta, Fragment } from '@astra/contracts';
import { foldForMatch } from '../spanish/normalize-for-match';
import { ABBREVIATIONS_BARE, ABBREVIATIONS_WITH_DOT } from '../spanish/spanish-abbreviations';
import { isSpanish, tokenizeSpoken, type ExpansionCache, type SpokenText } from '../spanish/tokenize-spoken';

/** Fragment kinds whose text may be a label (docs/architecture.md §5: attendance, headings and the rest never are). */
export const LABEL_KINDS: ReadonlySet<Fragment['kind']> = new Set(['intervention', 'reading', 'vote', 'procedural']);

/** Matching forms ↔ dense integer ids, shared by both streams; spoken tokens are folded once per distinct form. */
export class Vocabulary {
  readonly words: string[] = [];
  /** Spelled-out plain words, shared by both streams. */
  readonly expansions: ExpansionCache = new Map();
  private readonly ids = new Map<string, number>();
  private readonly spokenIds = new Map<string, number>();

  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /** Id of a spoken token's matching form, or -1 when nothing is left of it ("—"). */
  idOfSpoken(token: string): number {
    let id = this.spokenIds.get(token);
    if (id === undefined) {
      const folded = foldForMatch(token);
      id = folded === '' ? -1 : this.idOf(folded);
      this.spokenIds.set(token, id);
    }
    return id;
  }
}

export interface LabelFragment {
  fragment: Fragment;
  spoken: SpokenText;
  /** First stream token of the fragment and one past its last. */
  first: number;
  end: number;
}

/** The acta's label fragments in acta order as one token stream (side A). */
export interface ActaStream {
  ids: Int32Array;
  /** Index into `fragments` of every token. */
  fragment: Int32Array;
  /** Chunk index (inside its fragment's `spoken.chunks`) of every token. */
  chunk: Int32Array;
  fragments: LabelFragment[];
}

/** The transcript's words as one token stream (side B); a word may give several tokens ("25.000"). */
export interface TranscriptStream {
  ids: Int32Array;
  /** Transcript word index of every token. */
  word: Int32Array;
}

export function buildActaStream(acta: Acta, vocabulary: Vocabulary, language: string): ActaStream {
  const ids: number[] = [];
  const fragmentOf: number[] = [];
  const chunkOf: number[] = [];
  const fragments: LabelFragment[] = [];
  for (const fragment of acta.fragments) {
    if (!LABEL_KINDS.has(fragment.kind)) continue;
    const spoken = tokenizeSpoken(fragment.text, language, vocabulary.expansions);
    const first = ids.length;
    spoken.tokens.forEach((token, t) => {
      const id = vocabulary.idOfSpoken(token);
      if (id < 0) return;
      ids.push(id);
      fragmentOf.push(fragments.length);
      chunkOf.push(spoken.tokenChunk[t] ?? 0);
    });
    if (ids.length > first) fragments.push({ fragment, spoken, first, end: ids.length });
  }
  return {
    ids: Int32Array.from(ids),
    fragment: Int32Array.from(fragmentOf),
    chunk: Int32Array.from(chunkOf),
    fragments,
  };
}

/** A transcript word whose tokens do not depend on its neighbours: letters, maybe wrapped in punctuation. */
const SIMPLE_WORD = /^[¿¡«“"'(]*(\p{L}+)[.,;:?!…»”"')]*$/u;

function isContextFree(text: string, core: string): boolean {
  const lower = core.toLowerCase();
  if (ABBREVIATIONS_BARE.has(lower)) return false;
  return !(text.endsWith('.') && ABBREVIATIONS_WITH_DOT.has(`${lower}.`));
}

/** Tokens of word `index` read with its neighbours (numbers take gender and currency from the next word). */
function tokensInContext(words: readonly string[], index: number, language: string, cache: ExpansionCache): string[] {
  const before = words[index - 1] ?? '';
  const word = words[index] ?? '';
  const after = words[index + 1] ?? '';
  const prefix = before === '' ? '' : `${before} `;
  const spoken = tokenizeSpoken(`${prefix}${word}${after === '' ? '' : ` ${after}`}`, language, cache);
  const from = prefix.length;
  const to = from + word.length;
  return spoken.tokens.filter((_, t) => {
    const start = spoken.chunks[spoken.tokenChunk[t] ?? 0]?.start ?? -1;
    return start >= from && start < to;
  });
}

/**
 * Whether `text` has a character that may be whitespace (`\s`: all at or below U+0020, U+00A0, or from U+1680 up):
 * a scan that spares the regex for the words of ordinary text.
 */
function mayHaveSpace(text: string): boolean {
  for (let k = 0; k < text.length; k += 1) {
    const c = text.charCodeAt(k);
    if (c <= 0x20 || c === 0xa0 || c >= 0x1680) return true;
  }
  return false;
}

export function buildTranscriptStream(
  transcript: Transcript,
  vocabulary: Vocabulary,
  language: string,
): TranscriptStream {
  const texts = transcript.words.map((word) => {
    const text = word.text.trim();
    return mayHaveSpace(text) && /\s/u.test(text) ? text.replace(/\s+/gu, '_') : text;
  });
  const ids: number[] = [];
  const wordOf: number[] = [];
  const spanish = isSpanish(language);
  const simple = new Map<string, number>();
  texts.forEach((text, w) => {
    let id = simple.get(text);
    if (id === undefined && spanish) {
      const core = SIMPLE_WORD.exec(text)?.[1];
      if (core !== undefined && isContextFree(text, core)) {
        id = vocabulary.idOfSpoken(core.toLowerCase());
        simple.set(text, id);
      }
    }
    if (id !== undefined) {
      if (id >= 0) {
        ids.push(id);
        wordOf.push(w);
      }
      return;
    }
    for (const token of tokensInContext(texts, w, language, vocabulary.expansions)) {
      const tokenId = vocabulary.idOfSpoken(token);
      if (tokenId < 0) continue;
      ids.push(tokenId);
      wordOf.push(w);
    }
  });
  return { ids: Int32Array.from(ids), word: Int32Array.from(wordOf) };
}
