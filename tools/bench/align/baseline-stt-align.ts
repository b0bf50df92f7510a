import type { Acta, Transcript } from '../../../libs/aligner/test/synthetic/session-types';
import type { ScoredSpan } from '../../../libs/aligner/test/synthetic/score-alignment';

type AlignStt = (
  stt: { words: { text: string; start: number; end: number }[] },
  text: string,
) => { text: string; start?: number; end?: number }[];

/** @bbc/stt-align-node when installed (a devDependency of the bench), otherwise undefined. */
export async function loadSttAlign(): Promise<AlignStt | undefined> {
  try {
    const loaded: { default?: { alignSTT?: AlignStt }; alignSTT?: AlignStt } = await import('@bbc/stt-align-node');
    return loaded.alignSTT ?? loaded.default?.alignSTT;
  } catch (error) {
    if (error instanceof Error && /Cannot find (module|package)/u.test(error.message)) return undefined;
    throw error;
  }
}

const LABEL_KINDS = new Set(['intervention', 'reading', 'vote', 'procedural']);
const ABBREVIATION_END =
  /(?:^|\s)(?:Sr|Sra|Sres|Sras|D|Dña|Dr|Dra|Excmo|Excma|Ilmo|Ilma|art|núm|pág|etc|Avda|Ud|Uds)\.$/u;

/** Sentences of a text (split after . ? ! … unless the dot ends an abbreviation). */
export function splitSentences(text: string): string[] {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const sentences: string[] = [];
  let current: string[] = [];
  for (const word of words) {
    current.push(word);
    const joined = current.join(' ');
    if (/[.?!…»]$/u.test(word) && !ABBREVIATION_END.test(joined)) {
      sentences.push(joined);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current.join(' '));
  return sentences;
}

export interface BaselineOptions {
  minDurationSec: number;
  maxDurationSec: number;
}

/**
 * The obvious baseline: the verbatim label fragments' text, in acta order, aligned onto the transcript by
 * stt-align-node; every acta sentence becomes a segment from its first word's start to its last word's end
 * (kept when its duration is within the limits, as ours are). It is given only verbatim fragments — summaries
 * would only make it worse.
 */
export function runBaseline(
  alignStt: AlignStt,
  transcript: Transcript,
  acta: Acta,
  options: BaselineOptions,
): ScoredSpan[] {
  const sentences = acta.fragments
    .filter((f) => LABEL_KINDS.has(f.kind) && f.verbatim)
    .flatMap((f) => splitSentences(f.text.replace(/\s+/gu, ' ')));
  const refWords = sentences.flatMap((s) => s.split(' '));
  const aligned = alignStt(
    { words: transcript.words.map((w) => ({ text: w.text, start: w.start, end: w.end })) },
    refWords.join(' '),
  );
  const spans: ScoredSpan[] = [];
  let k = 0;
  for (const sentence of sentences) {
    const count = sentence.split(' ').length;
    const first = aligned[k];
    const last = aligned[k + count - 1];
    k += count;
    const start = first?.start;
    const end = last?.end;
    if (start === undefined || end === undefined || !Number.isFinite(start) || !Number.isFinite(end)) continue;
    const duration = end - start;
    if (duration < options.minDurationSec || duration > options.maxDurationSec) continue;
    spans.push({ offset: start, duration, text: sentence });
  }
  return spans;
}
