import { foldSpanish } from '../text/parse-spanish-number';

/**
 * What the stenographers of a versión taquigráfica write between the speeches, never said by anyone: votes,
 * the time, who takes the chair, the room's reactions. Written after a dash ("-Se vota y resulta aprobado por
 * unanimidad.", "—Ocupa la Presidencia el vicepresidente 1º.", "-Es la hora 21 y 15."), or whole in parentheses or
 * brackets ("(Aplausos)", "[Se retira el concejal Paz]").
 */
const DASH_THEN_CAPITAL = /^\s*[-–—]\S/u;
const DASH_SPACE_NOTE =
  /^\s*[-–—]\s+(?:se|asi|es\s+la\s+hora|son\s+las|siendo|ocupa|ocupando|asume|reasume|vuelve|ingresa|ingresan|reingresa|aplausos|risas|murmullos|asentimiento|varios|hablan|dialogan|luego|pausa|silencio|votan|resulta|manifestaciones|suena|cuarto\s+intermedio|receso|hay|no\s+se|mientras)\b/u;
const WHOLLY_ENCLOSED = /^\s*(?:\([^()]{1,300}\)|\[[^[\]]{1,300}\])\s*\.?\s*$/u;
/** Reactions of the room: the speaker's turn goes on after them. */
const REACTION =
  /^[\s([—–-]*(?:se\s+producen?\s+)?(?:aplausos?|risas?|murmullos?|rumores?|manifestaciones|silbidos|abucheos|pitos|protestas|asentimiento|interrupciones?|hablan\s+varios|dialogan)/u;

export type StenographicNote = {
  /** Applause, laughter, murmurs: the speech may go on in the next paragraph. */
  reaction: boolean;
};

/** A stenographer's note (not a dialogue line: check those first, they may start with a dash too). */
export function readStenographicNote(text: string): StenographicNote | undefined {
  if (text.length > 400 || !/^\s*[-–—([]/u.test(text)) return undefined;
  const folded = foldSpanish(text);
  const note = DASH_THEN_CAPITAL.test(text)
    ? /^\s*[-–—]\p{Lu}/u.test(text)
    : DASH_SPACE_NOTE.test(folded) || WHOLLY_ENCLOSED.test(text);
  return note ? { reaction: REACTION.test(folded) } : undefined;
}
