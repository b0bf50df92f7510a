import type { Word } from '@astra/contracts';

/** Confidence given to words whose times were estimated (spread over a segment or a gap), not measured. */
export const ESTIMATED_TIMING_CONFIDENCE = 0.5;

function clampConfidence(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.min(1, Math.max(0, value));
}

/** A normalised word from a provider's: text trimmed (undefined when blank), confidence clamped to [0, 1]. */
export function makeWord(
  text: string,
  start: number,
  end: number,
  confidence?: number,
  speaker?: number,
): Word | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const word: Word = { text: trimmed, start, end };
  const conf = clampConfidence(confidence);
  if (conf !== undefined) word.confidence = conf;
  if (speaker !== undefined) word.speaker = speaker;
  return word;
}
