import type { Word } from '@astra/contracts';

const SPOKEN = /[\p{L}\p{N}]/u;

/** Splits text into word tokens, dropping tokens without a letter or digit (`-`, `>>`, `♪`). */
export function tokenizeWords(text: string): string[] {
  return text.split(/\s+/u).filter((token) => SPOKEN.test(token));
}

/** Seconds rounded to the millisecond, so spread times do not carry float noise. */
export function roundSec(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Shares `[startSec, endSec]` among `texts` in order, each getting a part proportional to its length in
 * characters: the times of words said in a span whose own times are unknown.
 */
export function spreadTimes(
  texts: readonly string[],
  startSec: number,
  endSec: number,
): { start: number; end: number }[] {
  const span = Math.max(0, endSec - startSec);
  const weights = texts.map((text) => [...text].length);
  const total = Math.max(
    1,
    weights.reduce((sum, weight) => sum + weight, 0),
  );
  let cumulative = 0;
  return weights.map((weight) => {
    const start = roundSec(startSec + (span * cumulative) / total);
    cumulative += weight;
    return { start, end: roundSec(startSec + (span * cumulative) / total) };
  });
}

/**
 * Spreads the words of `text` over `[startSec, endSec]` ({@link spreadTimes}). Used when only a cue/segment has
 * times, not its words. `confidence` is set on every word when given (callers pass a low value to mark estimated
 * timing).
 */
export function spreadWords(text: string, startSec: number, endSec: number, confidence?: number): Word[] {
  const tokens = tokenizeWords(text);
  const times = spreadTimes(tokens, startSec, endSec);
  return tokens.map((token, index) => {
    const { start, end } = times[index] ?? { start: startSec, end: startSec };
    return confidence === undefined ? { text: token, start, end } : { text: token, start, end, confidence };
  });
}
