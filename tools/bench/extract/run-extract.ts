/**
 * Child process of bench-extract.ts: extracts one DOCX `runs` times, stage by stage (the same stages as
 * extractActa), and prints a JSON report on stdout.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { buildActa } from '../../../libs/semantic-extractor/src/minutes/build-acta';
import { convertDocxToHtml } from '../../../libs/semantic-extractor/src/docx/convert-docx-to-html';
import { DEFAULT_DOCX_LIMITS } from '../../../libs/semantic-extractor/src/docx/docx-limits';
import { extractActa, isSpokenFragment } from '../../../libs/semantic-extractor/src/index';
import { actaSchema, type Acta } from '../../../libs/contracts/src/acta/model';
import { openDocxPackage } from '../../../libs/semantic-extractor/src/docx/open-docx-package';
import { readBlocks } from '../../../libs/semantic-extractor/src/docx/read-blocks';

const [file, runsArgument] = process.argv.slice(2);
if (!file) throw new Error('usage: run-extract.ts <acta.docx> [runs]');
const runs = Number(runsArgument ?? '7');
const bytes = readFileSync(file);
const megabytes = (kilobytes: number): number => kilobytes / 1024;
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;

const times = [];
let acta: Acta | undefined;
let blockCount = 0;
let maxRssAfterFirstMb = 0;
for (let run = 0; run < runs; run += 1) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const { html } = await convertDocxToHtml(openDocxPackage(bytes, DEFAULT_DOCX_LIMITS));
  const afterMammoth = performance.now();
  const blocks = readBlocks(html);
  const afterBlocks = performance.now();
  const built = buildActa(blocks);
  const afterModel = performance.now();
  acta = actaSchema.parse(built);
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  blockCount = blocks.length;
  times.push({
    unzipAndMammoth: afterMammoth - start,
    blocks: afterBlocks - afterMammoth,
    model: afterModel - afterBlocks,
    validate: end - afterModel,
    total: end - start,
    cpu: (cpu.user + cpu.system) / 1000,
  });
  if (run === 0) maxRssAfterFirstMb = megabytes(process.resourceUsage().maxRSS);
}
const endToEndStart = performance.now();
await extractActa(bytes);
const extractActaMs = performance.now() - endToEndStart;

process.stdout.write(
  JSON.stringify({
    runs: times,
    extractActaMs,
    rssBeforeMb,
    maxRssAfterFirstMb,
    maxRssAfterAllMb: megabytes(process.resourceUsage().maxRSS),
    items: acta?.items.length ?? 0,
    fragments: acta?.fragments.length ?? 0,
    spoken: acta?.fragments.filter(isSpokenFragment).length ?? 0,
    blocks: blockCount,
    cpus: cpus().length,
    loadAverage: loadavg(),
  }),
);
