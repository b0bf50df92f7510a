import { OP_MATCH, OP_NEAR, type TokenAlignment } from '../match/align-gap';
import type { ActaStream } from '../match/build-streams';
import { createIsContentWord } from '../spanish/spoken-word-class';

/**
 * Whether label tokens [first, last] are backed by heard content at both edges: the piece of a sentence a segment
 * begins with (up to that sentence's end) and the piece it ends with (from the last sentence start) each hold a
 * content word the ASR heard exactly or nearly. "… municipal. Le pregunto al" where only "le" and "al" were heard
 * rests on function words that any sentence has: its tail is not evidence of those words being said there.
 */
export type EdgeEvidence = (first: number, last: number) => boolean;

export function createEdgeEvidence(
  acta: ActaStream,
  alignment: TokenAlignment,
  vocabulary: readonly string[],
  language: string,
): EdgeEvidence {
  const n = acta.ids.length;
  const heardContent = new Int32Array(n + 1);
  const sentenceStart = new Int32Array(n);
  const sentenceEnd = new Int32Array(n);
  const isContent = createIsContentWord(vocabulary, language);
  for (let i = 0; i < n; i += 1) {
    const content = isContent(acta.ids[i] ?? 0);
    const op = alignment.opA[i];
    heardContent[i + 1] = (heardContent[i] ?? 0) + (content && (op === OP_MATCH || op === OP_NEAR) ? 1 : 0);
  }
  const startsSentence = (i: number): boolean => {
    const fragment = acta.fragments[acta.fragment[i] ?? 0];
    if (fragment === undefined || i === fragment.first) return true;
    if (acta.chunk[i - 1] === acta.chunk[i]) return false;
    return fragment.spoken.chunks[acta.chunk[i] ?? 0]?.startsSentence === true;
  };
  for (let i = 0; i < n; i += 1) sentenceStart[i] = startsSentence(i) ? i : (sentenceStart[i - 1] ?? 0);
  for (let i = n - 1; i >= 0; i -= 1)
    sentenceEnd[i] = i + 1 < n && !startsSentence(i + 1) ? (sentenceEnd[i + 1] ?? i) : i;
  const heard = (from: number, to: number): boolean => (heardContent[to + 1] ?? 0) - (heardContent[from] ?? 0) > 0;
  return (first, last) => {
    if (last < first || !heard(first, last)) return false;
    const tail = sentenceStart[last] ?? first;
    const head = sentenceEnd[first] ?? last;
    return (tail <= first || heard(tail, last)) && (head >= last || heard(first, head));
  };
}
