import type { Fragment, FragmentKind } from '@astra/contracts';

const SPOKEN_KINDS: ReadonlySet<FragmentKind> = new Set(['intervention', 'reading', 'vote', 'procedural']);

/**
 * Whether the aligner may use the fragment as a label source: interventions, readings, votes and procedural
 * lines, verbatim or not (how much to trust a summary is the aligner's call). Headings, attendance and
 * `other` (signatures, boilerplate, speaker formulas, tables) are never spoken.
 */
export function isSpokenFragment(fragment: Fragment): boolean {
  return SPOKEN_KINDS.has(fragment.kind);
}
