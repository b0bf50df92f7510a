/**
 * Child process of bench-extract.ts: extracts one DOCX `runs` times, stage by stage (the same stages as
 * extractActa), with the lib's sources found under `src` (this checkout's, or a baseline's extracted from git),
 * and prints a JSON report on stdout. Writes the last Acta to `out` when given (the parent scores it).
 *   node --conditions=@astra/source --import tsx run-extract.ts <acta.docx> <runs> <lib src dir> [out.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { actaSchema, type Acta } from '@astra/contracts';
import type { Block } from '../../../libs/semantic-extractor/src/layout/block';
import type { DocxLimits } from '../../../libs/semantic-extractor/src/docx/docx-limits';

type Lib = {
  convertDocxToHtml: (docx: unknown) => Promise<{ html: string }>;
  openDocxPackage: (bytes: Uint8Array, limits: DocxLimits) => unknown;
  DEFAULT_DOCX_LIMITS: DocxLimits;
  readBlocks: (html: string) => Block[];
  removePageFurniture: (blocks: readonly Block[]) => { blocks: Block[] };
  buildActa: (blocks: readonly Block[]) => Acta;
};

const [file, runsArgument, srcArgument, out] = process.argv.slice(2);
if (!file || !srcArgument) throw new Error('usage: run-extract.ts <acta.docx> <runs> <lib src dir> [out.json]');
const runs = Number(runsArgument ?? '7');
const src = path.resolve(srcArgument);
const load = async (module: string): Promise<Record<string, unknown>> =>
  (await import(pathToFileURL(path.join(src, `${module}.ts`)).href)) as Record<string, unknown>;
const lib = Object.assign(
  {},
  await load('docx/convert-docx-to-html'),
  await load('docx/open-docx-package'),
  await load('docx/docx-limits'),
  await load('docx/read-blocks'),
  await load('layout/remove-page-furniture'),
  await load('minutes/build-acta'),
) as unknown as Lib;

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
  const { html } = await lib.convertDocxToHtml(lib.openDocxPackage(bytes, lib.DEFAULT_DOCX_LIMITS));
  const mammothCpu = process.cpuUsage(cpuStart);
  const afterMammoth = performance.now();
  const blocks = lib.removePageFurniture(lib.readBlocks(html)).blocks;
  const afterBlocks = performance.now();
  const modelCpuStart = process.cpuUsage();
  const built = lib.buildActa(blocks);
  const modelCpu = process.cpuUsage(modelCpuStart);
  const afterModel = performance.now();
  acta = actaSchema.parse(built);
  const end = performance.now();
  const cpu = process.cpuUsage(cpuStart);
  blockCount = blocks.length;
  times.push({
    unzipAndMammoth: afterMammoth - start,
    unzipAndMammothCpu: (mammothCpu.user + mammothCpu.system) / 1000,
    blocks: afterBlocks - afterMammoth,
    model: afterModel - afterBlocks,
    modelCpu: (modelCpu.user + modelCpu.system) / 1000,
    validate: end - afterModel,
    total: end - start,
    cpu: (cpu.user + cpu.system) / 1000,
  });
  if (run === 0) maxRssAfterFirstMb = megabytes(process.resourceUsage().maxRSS);
}
if (out && acta) writeFileSync(out, JSON.stringify(acta));

process.stdout.write(
  JSON.stringify({
    runs: times,
    rssBeforeMb,
    maxRssAfterFirstMb,
    maxRssAfterAllMb: megabytes(process.resourceUsage().maxRSS),
    items: acta?.items.length ?? 0,
    fragments: acta?.fragments.length ?? 0,
    blocks: blockCount,
    cpus: cpus().length,
    loadAverage: loadavg(),
  }),
);
