import type { Acta, Fragment } from '@astra/contracts';

/**
 * The hand-written oracle of a real acta (test/fixtures/real-actas/oracle.json): its agenda items as headed in
 * the acta, and every paragraph in order by its opening words, with the item it belongs to, the person speaking
 * (for paragraphs that report speech) and whether it is literal speech or a text read aloud (the only paragraphs
 * that may be verbatim). Independent of the extractor: paragraphs and items were read off the document.
 */
export type RealActaOracle = {
  items: { index: number; title: string }[];
  paragraphs: { item: number; opening: string; speaker?: string; literal?: boolean }[];
};

export type OracleMatch = {
  /** Oracle paragraph → index of the fragment it opens (undefined: not found as a fragment start). */
  fragmentOf: (number | undefined)[];
  /** Fragment → the oracle paragraph it belongs to (the last one opened at or before it; -1 before any). */
  paragraphOf: number[];
};

/** Folded, letters and digits only: "1ª) Que, …" and "1ª Que …" compare equal. */
export function matchKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9ñ]+/g, '');
}

/** Walks the fragments in order and finds each oracle paragraph as the start of a fragment. */
export function matchOracle(acta: Acta, oracle: RealActaOracle): OracleMatch {
  const keys = acta.fragments.map((fragment) => matchKey(fragment.text));
  const fragmentOf: (number | undefined)[] = [];
  let cursor = 0;
  for (const paragraph of oracle.paragraphs) {
    const opening = matchKey(paragraph.opening).slice(0, 30);
    const found = keys.findIndex((key, index) => index >= cursor && key.startsWith(opening));
    if (found === -1 || found - cursor > 40) {
      fragmentOf.push(undefined);
      continue;
    }
    fragmentOf.push(found);
    cursor = found + 1;
  }
  const paragraphOf = acta.fragments.map(() => -1);
  fragmentOf.forEach((fragment, paragraph) => {
    if (fragment !== undefined) paragraphOf[fragment] = paragraph;
  });
  let last = -1;
  for (let index = 0; index < paragraphOf.length; index += 1) {
    if ((paragraphOf[index] ?? -1) >= 0) last = paragraphOf[index] ?? -1;
    else paragraphOf[index] = last;
  }
  return { fragmentOf, paragraphOf };
}

/** The fragments that belong to oracle paragraph `paragraph`. */
export function fragmentsOfParagraph(acta: Acta, match: OracleMatch, paragraph: number): Fragment[] {
  return acta.fragments.filter((_, index) => match.paragraphOf[index] === paragraph);
}
