import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Acta } from '@astra/contracts';
import { findPersonalData, readActaFile, sniffActaFormat } from '@astra/semantic-extractor';
import { fragmentsOfParagraph, matchKey, matchOracle, type RealActaOracle } from '../helpers/real-acta-oracle';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '../fixtures/real-actas');
const oracles = JSON.parse(readFileSync(path.join(fixtures, 'oracle.json'), 'utf8')) as Record<string, RealActaOracle>;
const ACTAS = ['la-zarza-2025-0001', 'la-zarza-2025-0003', 'la-zarza-2025-0005'];
const FORMS = ['pdf', 'docx', 'converted.docx'] as const;
/** Page furniture of these actas: letterhead, footer, side stamp, signer stamps, verification codes. */
const FURNITURE = [
  /C[óo]d\. Validaci[óo]n/u,
  /Verificaci[óo]n: https?:/u,
  /P[áa]gina \d+ de \d+/u,
  /esPublico Gestiona/u,
  /HASH:/u,
  /Fecha Firma/u,
  /\(\d de \d\)/u,
  /C\/ La Fuente/u,
  /www\.lazarza\.net|registro@lazarza\.es/u,
  /N[úu]mero: 2025-000\d/u,
  /^ACTA DEL PLENO$/u,
  /Secretararia-Interventora/u,
];

const extracted = new Map<string, Acta>();
beforeAll(async () => {
  for (const name of ACTAS) {
    for (const form of FORMS)
      extracted.set(`${name}.${form}`, await readActaFile(path.join(fixtures, `${name}.${form}`)));
  }
}, 180_000);

describe.each(ACTAS)('real acta %s', (name) => {
  const oracle = (): RealActaOracle => {
    const value = oracles[name];
    if (!value) throw new Error(`no oracle for ${name}`);
    return value;
  };

  describe.each(FORMS)('as %s', (form) => {
    const acta = (): Acta => {
      const value = extracted.get(`${name}.${form}`);
      if (!value) throw new Error(`${name}.${form} was not extracted`);
      return value;
    };

    it('is told apart by its bytes', () => {
      const bytes = readFileSync(path.join(fixtures, `${name}.${form}`));
      expect(sniffActaFormat(bytes)).toBe(form === 'pdf' ? 'pdf' : 'docx');
    });

    it('finds every agenda item, numbered in order, with its title as headed in the acta', () => {
      expect(acta().items.map((item) => [item.index, matchKey(item.title)])).toEqual(
        oracle().items.map((item) => [item.index, matchKey(item.title)]),
      );
    });

    it('finds the paragraphs of the acta and puts at least 95% of the fragments under the right item', () => {
      const match = matchOracle(acta(), oracle());
      const found = match.fragmentOf.filter((fragment) => fragment !== undefined).length;
      expect(found / oracle().paragraphs.length).toBeGreaterThanOrEqual(0.9);
      const right = acta().fragments.filter((fragment, index) => {
        const paragraph = oracle().paragraphs[match.paragraphOf[index] ?? -1];
        return fragment.itemIndex === (paragraph?.item ?? 0);
      }).length;
      expect(right / acta().fragments.length).toBeGreaterThanOrEqual(0.95);
    });

    it('names the speaker (one canonical name) of at least 90% of the paragraphs that report speech', () => {
      const match = matchOracle(acta(), oracle());
      const speech = oracle()
        .paragraphs.map((paragraph, index) => ({ paragraph, index }))
        .filter(({ paragraph }) => paragraph.speaker !== undefined);
      expect(speech.length).toBeGreaterThan(0);
      const named = speech.filter(({ paragraph, index }) =>
        fragmentsOfParagraph(acta(), match, index).some((fragment) => fragment.speaker === paragraph.speaker),
      );
      expect(named.length / speech.length).toBeGreaterThanOrEqual(0.9);
      const speakers = new Set(acta().fragments.flatMap((fragment) => (fragment.speaker ? [fragment.speaker] : [])));
      expect([...speakers].filter((speaker) => /^(?:Sr|Sra|D|Dña)\.|Alcalde|Secretar/u.test(speaker))).toEqual([]);
    });

    it('leaves no page furniture in any fragment', () => {
      const dirty = acta().fragments.filter((fragment) => FURNITURE.some((pattern) => pattern.test(fragment.text)));
      expect(dirty.map((fragment) => fragment.text)).toEqual([]);
    });

    it('flags as verbatim only literal speech and texts read aloud, and no label holds personal data', () => {
      const match = matchOracle(acta(), oracle());
      const wrong = acta().fragments.filter(
        (fragment, index) => fragment.verbatim && oracle().paragraphs[match.paragraphOf[index] ?? -1]?.literal !== true,
      );
      expect(wrong.map((fragment) => fragment.text)).toEqual([]);
      const labelled = acta().fragments.filter((fragment) =>
        ['intervention', 'reading', 'vote', 'procedural'].includes(fragment.kind),
      );
      expect(labelled.filter((fragment) => findPersonalData(fragment.text).length > 0)).toEqual([]);
    });
  });
});
