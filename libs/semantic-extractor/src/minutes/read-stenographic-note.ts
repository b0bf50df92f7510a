import { foldSpanish } from '../text/parse-spanish-number';

/**
 * What the stenographers of a versión taquigráfica write between the speeches, never said by anyone: votes,
 * the time, who takes the chair, the room's reactions. Written after a dash ("-Se vota y resulta aprobado por
 * unanimidad.", "—Ocupa la Presidencia el vicepresidente 1º.", "-Es la hora 21 y 15."), or whole in parentheses or
 * brackets ("(Aplausos)", "[Se retira el concejal Paz]").
 */
/** After the dash: the wording of notes (impersonal "se", the time, who takes the chair, the room). */
const DASH_NOTE =
  /^\s*[-–—]\s*(?:se|asi|es\s+la\s+hora|son\s+las|siendo|eran\s+las|ocupa|ocupando|asume|reasume|vuelve|vuelven|ingresa|ingresan|reingresa|retira(?:n)?se|aplausos|risas|murmullos|asentimiento|varios|hablan|dialogan|luego|pausa|silencio|votan|resulta|manifestaciones|suena|cuarto\s+intermedio|receso|hay|no\s+se|mientras|afirmativa|negativa|(?:el|la|los|las)\s+(?:senor(?:es|as|a)?|concejal(?:es|as|a)?|edil(?:es|as|a)?|regidor(?:es|as|a)?))\b/u;
const WHOLLY_ENCLOSED = /^\s*(?:\([^()]{1,300}\)|\[[^[\]]{1,300}\])\s*\.?\s*$/u;
/** Reactions of the room: the speaker's turn goes on after them. */
const REACTION =
  /^[\s([—–-]*(?:se\s+producen?\s+)?(?:aplausos?|risas?|murmullos?|rumores?|manifestaciones|silbidos|abucheos|pitos|protestas|asentimiento|interrupciones?|hablan\s+varios|varios\s+(?:senores\s+)?\p{L}+\s+hablan|dialogan)/u;

export type StenographicNote = {
  /** Applause, laughter, murmurs: the speech may go on in the next paragraph. */
  reaction: boolean;
};

/**
 * A stenographer's note (not a dialogue line: check those first, they may start with a dash too). A dash
 * paragraph set in italics is a note whatever its words; a plain one only in the wording of notes, since lists
 * inside a speech are written after dashes too ("- Que se arregle el camino.").
 */
export function readStenographicNote(text: string, italic = false): StenographicNote | undefined {
  if (text.length > 400 || !/^\s*[-–—([]/u.test(text)) return undefined;
  const folded = foldSpanish(text);
  const note = WHOLLY_ENCLOSED.test(text) || DASH_NOTE.test(folded) || (italic && /^\s*[-–—]\s*\p{Lu}/u.test(text));
  return note ? { reaction: REACTION.test(folded) } : undefined;
}
