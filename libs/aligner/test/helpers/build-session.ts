import type { alignSession } from '../../src/align-session';

export type Transcript = Parameters<typeof alignSession>[0];
export type Acta = Parameters<typeof alignSession>[1];
export type Fragment = Acta['fragments'][number];

/** One stretch of speech: its words, and the silence before it. */
export interface Utterance {
  /**
   * Words separated by spaces. `word@0.4` gives the word confidence 0.4; `~word` is said but missing from the
   * transcript (an ASR deletion: its time passes, no word is output).
   */
  text: string;
  pauseBeforeSec?: number;
  /** Diarized speaker of its words (default 0); `null`: the words carry no speaker. */
  speaker?: number | null;
}

export interface TimingOptions {
  /** Seconds per word (default 0.3), gap between words of one utterance (default 0.05). */
  wordSec?: number;
  gapSec?: number;
}

/** A transcript whose words are the utterances' words, evenly timed, each utterance after its pause (default 0.6 s). */
export function buildTranscript(utterances: readonly Utterance[], options: TimingOptions = {}): Transcript {
  const wordSec = options.wordSec ?? 0.3;
  const gapSec = options.gapSec ?? 0.05;
  const words: Transcript['words'] = [];
  let t = 1;
  for (const utterance of utterances) {
    t += utterance.pauseBeforeSec ?? 0.6;
    utterance.text
      .split(/\s+/u)
      .filter((w) => w !== '')
      .forEach((token, k) => {
        if (k > 0) t += gapSec;
        const [text = '', confidence] = token.split('@');
        const start = t;
        t += wordSec;
        if (text.startsWith('~')) return;
        const speaker = utterance.speaker === null ? {} : { speaker: utterance.speaker ?? 0 };
        words.push({
          text,
          start: round(start),
          end: round(start + wordSec),
          confidence: confidence === undefined ? 0.9 : Number(confidence),
          ...speaker,
        });
      });
  }
  return { provider: 'test', language: 'es', durationSec: round(t + 1), words };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

let counter = 0;

/** A fragment with sensible defaults (verbatim intervention of agenda item 1). */
export function fragment(text: string, overrides: Partial<Fragment> = {}): Fragment {
  counter += 1;
  return {
    id: `f${counter}`,
    itemIndex: 1,
    kind: 'intervention',
    verbatim: true,
    speaker: 'Sr. Ruiz',
    text,
    ...overrides,
  };
}

export function buildActa(fragments: readonly Fragment[]): Acta {
  const items = [...new Set(fragments.map((f) => f.itemIndex).filter((i) => i > 0))].map((index) => ({
    index,
    title: `Punto ${index}`,
  }));
  return { meta: { title: 'Acta de prueba' }, items, fragments: [...fragments] };
}
