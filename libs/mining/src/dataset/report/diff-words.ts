import { diffArrays } from 'diff';

/** A run of words: in both texts, only in the label (the ASR did not hear it), or only in the ASR. */
export type WordDiffPart = { kind: 'same' | 'label' | 'asr'; text: string };

/** Longer texts are shown without a diff: a segment is at most tens of seconds, this bounds the work. */
export const MAX_DIFF_WORDS = 400;

const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Case, accents and punctuation do not count as differences: they are not what an ASR gets wrong. */
function wordKey(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, '');
}

/**
 * Word-level diff of a label against what the ASR heard (Myers, via jsdiff). Words that match keep the label's
 * spelling. `undefined` when either text is longer than {@link MAX_DIFF_WORDS} words.
 */
export function diffWords(label: string, asr: string): WordDiffPart[] | undefined {
  const labelWords = wordsOf(label);
  const asrWords = wordsOf(asr);
  if (labelWords.length > MAX_DIFF_WORDS || asrWords.length > MAX_DIFF_WORDS) return undefined;
  const changes = diffArrays(labelWords.map(wordKey), asrWords.map(wordKey));
  const parts: WordDiffPart[] = [];
  let inLabel = 0;
  let inAsr = 0;
  for (const change of changes) {
    const count = change.value.length;
    if (change.added) {
      parts.push({ kind: 'asr', text: asrWords.slice(inAsr, inAsr + count).join(' ') });
      inAsr += count;
    } else if (change.removed) {
      parts.push({ kind: 'label', text: labelWords.slice(inLabel, inLabel + count).join(' ') });
      inLabel += count;
    } else {
      parts.push({ kind: 'same', text: labelWords.slice(inLabel, inLabel + count).join(' ') });
      inLabel += count;
      inAsr += count;
    }
  }
  return parts;
}

/** Whitespace-separated words; a token of punctuation only ("—", "¿") rides with its neighbour, not on its own. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  let pending = '';
  for (const token of text.split(/\s+/).filter(Boolean)) {
    if (wordKey(token) !== '') {
      words.push(pending === '' ? token : `${pending} ${token}`);
      pending = '';
    } else if (words.length > 0) {
      words[words.length - 1] = `${words[words.length - 1]} ${token}`;
    } else {
      pending = pending === '' ? token : `${pending} ${token}`;
    }
  }
  if (pending !== '') words.push(pending);
  return words;
}
