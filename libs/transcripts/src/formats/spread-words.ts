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
 * Spreads the words of `text` over `[startSec, endSec]`, each word getting a share of the span
 * proportional to its length in characters. Used when only a cue/segment has times, not its words.
 * `confidence` is set on every word when given (callers pass a low value to mark estimated timing).
 */
export function spreadWords(text: string, startSec: number, endSec: number, confidence?: number): Word[] {
  const tokens = tokenizeWords(text);
  if (tokens.length === 0) return [];
  const span = Math.max(0, endSec - startSec);
  const weights = tokens.map((token) => [...token].length);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const words: Word[] = [];
  let cumulative = 0;
  tokens.forEach((token, index) => {
    const start = roundSec(startSec + (span * cumulative) / total);
    cumulative += weights[index] ?? 0;
    const end = roundSec(startSec + (span * cumulative) / total);
    words.push(confidence === undefined ? { text: token, start, end } : { text: token, start, end, confidence });
  });
  return words;
}
