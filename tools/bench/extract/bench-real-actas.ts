/**
 * Quality and cost of @astra/semantic-extractor on the real actas of the lib's fixtures (La Zarza 2025), in the
 * three forms each (published PDF, rebuilt DOCX, PDF→Word conversion), measured against the hand-written oracle
 * (libs/semantic-extractor/test/fixtures/real-actas/oracle.json):
 *   npx tsx --conditions=@astra/source tools/bench/extract/bench-real-actas.ts [--runs 3]
 * Prints figures only: items found / expected, fragments under the right item, speech paragraphs with the right
 * speaker, fragments holding furniture, verbatim fragments (and those that are not literal speech), then time,
 * CPU time and peak RSS of extracting the 24-page PDF with the built lib (plain node, child process), with
 * pdf.js's bare text extraction of the same file as the baseline. Build the lib first for the timing part.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readActaFile } from '../../../libs/semantic-extractor/src/index';
import {
  fragmentsOfParagraph,
  matchKey,
  matchOracle,
  type RealActaOracle,
} from '../../../libs/semantic-extractor/test/helpers/real-acta-oracle';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.resolve(here, '../../../libs/semantic-extractor/test/fixtures/real-actas');
const oracles = JSON.parse(readFileSync(path.join(fixtures, 'oracle.json'), 'utf8')) as Record<string, RealActaOracle>;
const FURNITURE =
  /C[óo]d\. Validaci[óo]n|Verificaci[óo]n: https?:|P[áa]gina \d+ de \d+|esPublico Gestiona|HASH:|Fecha Firma|\(\d de \d\)|C\/ La Fuente|www\.lazarza\.net|N[úu]mero: 2025-000\d|^ACTA DEL PLENO$/u;

console.log('@astra/semantic-extractor — real actas against the hand-written oracle');
console.log(
  `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}`,
);
console.log('');
const header = [
  'acta',
  'form',
  'items',
  'right item',
  'paragraphs',
  'speaker',
  'furniture',
  'verbatim',
  'not literal',
  'ms',
];
console.log(header.map((cell, index) => cell.padEnd(index < 2 ? (index === 0 ? 20 : 15) : 12)).join(''));
for (const [name, oracle] of Object.entries(oracles)) {
  for (const form of ['pdf', 'docx', 'converted.docx']) {
    const start = performance.now();
    const acta = await readActaFile(path.join(fixtures, `${name}.${form}`));
    const ms = performance.now() - start;
    const match = matchOracle(acta, oracle);
    const expectedTitles = new Set(oracle.items.map((item) => `${item.index}:${matchKey(item.title)}`));
    const items = acta.items.filter((item) => expectedTitles.has(`${item.index}:${matchKey(item.title)}`)).length;
    const right = acta.fragments.filter(
      (fragment, index) => fragment.itemIndex === (oracle.paragraphs[match.paragraphOf[index] ?? -1]?.item ?? 0),
    ).length;
    const found = match.fragmentOf.filter((fragment) => fragment !== undefined).length;
    const speech = oracle.paragraphs.flatMap((paragraph, index) => (paragraph.speaker ? [{ paragraph, index }] : []));
    const named = speech.filter(({ paragraph, index }) =>
      fragmentsOfParagraph(acta, match, index).some((fragment) => fragment.speaker === paragraph.speaker),
    ).length;
    const furniture = acta.fragments.filter((fragment) => FURNITURE.test(fragment.text)).length;
    const verbatim = acta.fragments.filter((fragment) => fragment.verbatim);
    const notLiteral = acta.fragments.filter(
      (fragment, index) => fragment.verbatim && oracle.paragraphs[match.paragraphOf[index] ?? -1]?.literal !== true,
    ).length;
    const row = [
      name,
      form,
      `${items}/${oracle.items.length}`,
      `${right}/${acta.fragments.length}`,
      `${found}/${oracle.paragraphs.length}`,
      `${named}/${speech.length}`,
      String(furniture),
      String(verbatim.length),
      String(notLiteral),
      ms.toFixed(0),
    ];
    console.log(row.map((cell, index) => cell.padEnd(index < 2 ? (index === 0 ? 20 : 15) : 12)).join(''));
  }
}
console.log('');
console.log('items: found with the right title / in the acta; right item: fragments / all; paragraphs: oracle');
console.log('paragraphs found as fragment starts; speaker: speech paragraphs with the right canonical speaker;');
console.log('not literal: verbatim fragments outside literal speech or texts read aloud (must be 0).');

const dist = path.resolve(here, '../../../libs/semantic-extractor/dist/index.js');
if (!existsSync(dist)) {
  console.log('\n(build the lib — nx build @astra/semantic-extractor — for time and peak RSS of the 24-page PDF)');
} else {
  const file = path.join(fixtures, 'la-zarza-2025-0005.pdf');
  const report = JSON.parse(
    execFileSync(process.execPath, [path.join(here, 'run-extract-file.mjs'), file, values.runs ?? '3'], {
      encoding: 'utf8',
    }),
  ) as {
    extract: { times: number[]; cpuTimes: number[] };
    baseline?: { times: number[]; cpuTimes: number[] };
    rssBeforeMb: number;
    maxRssMb: number;
  };
  const median = (list: number[]): number => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;
  const extractMs = median(report.extract.times);
  const baselineMs = median(report.baseline?.times ?? [0]);
  console.log('\nla-zarza-2025-0005.pdf (24 pages), built lib, plain node:');
  console.log(
    `  extractActa()            wall ${extractMs.toFixed(0)} ms (median of ${report.extract.times.length}), CPU ${median(report.extract.cpuTimes).toFixed(0)} ms`,
  );
  console.log(
    `  pdf.js text only         wall ${baselineMs.toFixed(0)} ms, CPU ${median(report.baseline?.cpuTimes ?? [0]).toFixed(0)} ms (baseline)`,
  );
  console.log(`  ratio                    ${(extractMs / Math.max(1, baselineMs)).toFixed(2)}× the baseline`);
  console.log(
    `  RSS before / peak        ${report.rssBeforeMb.toFixed(0)} MB / ${report.maxRssMb.toFixed(0)} MB (worker thread included)`,
  );
  console.log(
    `  load average after       ${loadavg()
      .map((v) => v.toFixed(2))
      .join(' ')}`,
  );
}
