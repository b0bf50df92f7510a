import { normalizeText } from './normalize-text';

const EDITORIAL_BRACKETS = /\[[^\]\n]{0,200}\]/g;
const STAGE_DIRECTIONS =
  /\(\s*(?:(?:se\s+producen?\s+)?(?:aplausos?|risas?|rumores?|murmullos?|pitos|abucheos|protestas|silencio|pausa)|inaudible|ininteligible|no se (?:oye|entiende)|fuera de micr[oó]fono|sin micr[oó]fono|sic|\.{3}|…)[^()]{0,40}\)/giu;
const QUOTES = /[«»“”„‟"‹›]/g;
const SINGLE_QUOTES = /(?<!\p{L})['‘’]|['‘’](?!\p{L})/gu;
const BRACKETS = /[()[\]{}]/g;
const HAS_MARKS = /[()[\]{}«»“”„‟"‹›'‘’]/;
const SPACING = /\s[,.;:!?…]|[¿¡]\s/;

/**
 * Text as a label source: quotes («» “” "" and quoting ‘’) removed, editorial insertions in square brackets
 * ("[sic]", "[inaudible]", "[…]") and stage directions in parentheses ("(Aplausos)", "(inaudible)") removed
 * with their content, other brackets removed but their content kept, whitespace and hyphenation fixed.
 * Otherwise the written text is untouched (case, numbers, abbreviations, punctuation): normalising to the
 * spoken form is the aligner's job.
 */
export function cleanLabelText(text: string): string {
  const normalized = normalizeText(text);
  if (!HAS_MARKS.test(normalized)) return fixPunctuationSpacing(normalized);
  const stripped = normalized
    .replace(EDITORIAL_BRACKETS, ' ')
    .replace(STAGE_DIRECTIONS, ' ')
    .replace(QUOTES, '')
    .replace(SINGLE_QUOTES, '')
    .replace(BRACKETS, ' ');
  return fixPunctuationSpacing(normalizeText(stripped));
}

function fixPunctuationSpacing(text: string): string {
  return SPACING.test(text) ? text.replace(/\s+([,.;:!?…])/g, '$1').replace(/([¿¡])\s+/g, '$1') : text;
}
