import { beforeAll, describe, expect, it } from 'vitest';
import type { Acta, Fragment } from '@astra/contracts';
import { extractActa } from '@astra/semantic-extractor';
import { REGIONAL_ACTAS, type ExpectedFragment, type RegionalActa } from '../fixtures/generate-regional-actas';

const NOT_SPOKEN = ['attendance', 'heading', 'other'];
const extracted = new Map<string, Acta>();

beforeAll(async () => {
  for (const acta of REGIONAL_ACTAS) extracted.set(acta.name, await extractActa(await acta.docx()));
}, 120_000);

/** The fragment as the expectation describes it: kinds folded into `note` / `unspoken` where it asks for those. */
function seen(fragment: Fragment, expected: ExpectedFragment | undefined): ExpectedFragment {
  let kind: ExpectedFragment['kind'] = fragment.kind;
  if (expected?.kind === 'unspoken' && NOT_SPOKEN.includes(fragment.kind)) kind = 'unspoken';
  const note =
    !['intervention', 'reading'].includes(fragment.kind) && !fragment.verbatim && fragment.speaker === undefined;
  if (expected?.kind === 'note' && note) kind = 'note';
  return {
    opening: fragment.text.slice(0, expected?.opening.length ?? 40),
    item: fragment.itemIndex,
    ...(fragment.speaker ? { speaker: fragment.speaker } : {}),
    verbatim: fragment.verbatim,
    kind: expected?.kind === undefined ? undefined : kind,
  };
}

function wanted(expected: ExpectedFragment): ExpectedFragment {
  return { ...expected, verbatim: expected.verbatim ?? false };
}

describe.each(REGIONAL_ACTAS.map((acta) => [acta.name, acta] as const))('%s', (name, fixture: RegionalActa) => {
  const acta = (): Acta => {
    const value = extracted.get(name);
    if (!value) throw new Error(`${name} was not extracted`);
    return value;
  };

  it('reads the municipality, date and session type', () => {
    expect(acta().meta).toMatchObject(fixture.meta);
  });

  it('finds every agenda item with its title', () => {
    expect(acta().items).toEqual(fixture.items);
  });

  it('gives every fragment its item, kind, speaker and verbatim flag, in order', () => {
    const expected = fixture.fragments;
    const actual = acta().fragments.map((fragment, index) => seen(fragment, expected[index]));
    expect(actual).toEqual(expected.map(wanted));
  });

  it('never takes a note, a heading or the attendance for speech, and every speaker is a person of the acta', () => {
    const speech = acta().fragments.filter((fragment) => fragment.kind === 'intervention' || fragment.verbatim);
    expect(speech.length).toBeGreaterThan(0);
    for (const fragment of speech) expect(fixture.speakers).toContain(fragment.speaker);
    const notes = fixture.fragments.filter((fragment) => fragment.kind === 'note').map((fragment) => fragment.opening);
    const notesAsSpeech = speech.filter((fragment) => notes.some((opening) => fragment.text.startsWith(opening)));
    expect(notesAsSpeech).toEqual([]);
  });
});
