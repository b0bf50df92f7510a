/**
 * Benchmark of @astra/semantic-extractor on a ~200-page acta.
 *   npx tsx tools/bench/extract/bench-extract.ts [--items 40] [--speeches 25] [--words 100] [--runs 7]
 * Generates the acta with the test fixture generator, writes it to a temp file, then measures extraction in a
 * fresh child process (so the generator's memory does not count): time of the first (cold) run and the median
 * of the warm runs, split into unzip+mammoth / HTML→blocks / minutes model / schema validation, and peak RSS
 * after the first run and after all runs. Prints figures only: no pass/fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLargeActa } from '../../../libs/semantic-extractor/test/fixtures/generate-actas';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '40' },
    speeches: { type: 'string', default: '25' },
    words: { type: 'string', default: '100' },
    runs: { type: 'string', default: '7' },
  },
});
const WORDS_PER_PAGE = 500;

type DistReport = {
  times: number[];
  cpuTimes: number[];
  rssBeforeMb: number;
  maxRssAfterFirstMb: number;
  maxRssAfterAllMb: number;
};
type StageTimes = {
  unzipAndMammoth: number;
  blocks: number;
  model: number;
  validate: number;
  total: number;
  cpu: number;
};
type RunReport = {
  runs: StageTimes[];
  extractActaMs: number;
  rssBeforeMb: number;
  maxRssAfterFirstMb: number;
  maxRssAfterAllMb: number;
  items: number;
  fragments: number;
  spoken: number;
  blocks: number;
  cpus: number;
  loadAverage: number[];
};

const STAGE_LABELS: Record<keyof StageTimes, string> = {
  unzipAndMammoth: 'zip guard + mammoth → HTML',
  blocks: 'HTML → blocks',
  model: 'minutes model (blocks → Acta)',
  validate: 'zod validation',
  total: 'total (wall clock)',
  cpu: 'total CPU time (user + system)',
};

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'astra-bench-extract-'));
try {
  const generatedAt = performance.now();
  const { docx, expected } = await generateLargeActa({
    items: Number(values.items),
    speechesPerItem: Number(values.speeches),
    wordsPerSpeech: Number(values.words),
  });
  const generationMs = performance.now() - generatedAt;
  const file = path.join(dir, 'acta-grande.docx');
  writeFileSync(file, docx);
  const spokenWords = expected.spoken.reduce((sum, fragment) => sum + fragment.text.split(/\s+/).length, 0);

  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'run-extract.ts'), file, values.runs ?? '7'],
    {
      encoding: 'utf8',
      cwd: path.resolve(here, '../../..'),
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const report = JSON.parse(output) as RunReport;

  const line = (label: string, value: string): void => console.log(`${label.padEnd(34)} ${value}`);
  console.log('@astra/semantic-extractor — extract a large acta');
  line(
    'document',
    `${(docx.length / 1024).toFixed(0)} KiB DOCX, ~${spokenWords.toLocaleString('en')} words (~${Math.round(spokenWords / WORDS_PER_PAGE)} pages), generated in ${generationMs.toFixed(0)} ms`,
  );
  line(
    'acta',
    `${report.items} items, ${report.fragments} fragments (${report.spoken} spoken), ${report.blocks} blocks`,
  );
  line(
    'node',
    `${process.version}, ${report.cpus} CPUs, load average ${report.loadAverage.map((value) => value.toFixed(2)).join(' ')}`,
  );
  console.log('');
  console.log(
    `${'stage (ms)'.padEnd(34)} ${'cold'.padStart(8)} ${'warm median'.padStart(12)}  (${report.runs.length - 1} warm runs)`,
  );
  for (const stage of ['unzipAndMammoth', 'blocks', 'model', 'validate', 'total', 'cpu'] as const) {
    const warm = median(report.runs.slice(1).map((run) => run[stage]));
    console.log(
      `${STAGE_LABELS[stage].padEnd(34)} ${(report.runs[0]?.[stage] ?? 0).toFixed(1).padStart(8)} ${warm.toFixed(1).padStart(12)}`,
    );
  }
  line('extractActa() end to end (warm)', `${report.extractActaMs.toFixed(1)} ms`);
  console.log('');
  line('RSS before extraction', `${report.rssBeforeMb.toFixed(0)} MB (node + tsx loader + modules)`);
  line('peak RSS after the first run', `${report.maxRssAfterFirstMb.toFixed(0)} MB`);
  line('peak RSS after all runs', `${report.maxRssAfterAllMb.toFixed(0)} MB`);
  const dist = path.resolve(here, '../../../libs/semantic-extractor/dist/index.js');
  if (existsSync(dist)) {
    const distOutput = execFileSync(
      process.execPath,
      [path.join(here, 'run-extract-dist.mjs'), file, values.runs ?? '7'],
      {
        encoding: 'utf8',
      },
    );
    const built = JSON.parse(distOutput) as DistReport;
    console.log('');
    console.log('built lib (dist/), plain node, extractActa() only:');
    line(
      '  time cold / warm median',
      `${(built.times[0] ?? 0).toFixed(1)} ms / ${median(built.times.slice(1)).toFixed(1)} ms`,
    );
    line(
      '  CPU time cold / warm median',
      `${(built.cpuTimes[0] ?? 0).toFixed(1)} ms / ${median(built.cpuTimes.slice(1)).toFixed(1)} ms`,
    );
    line('  RSS before extraction', `${built.rssBeforeMb.toFixed(0)} MB`);
    line('  peak RSS after the first run', `${built.maxRssAfterFirstMb.toFixed(0)} MB`);
    line('  peak RSS after all runs', `${built.maxRssAfterAllMb.toFixed(0)} MB`);
  } else {
    console.log('\n(build the lib — nx build @astra/semantic-extractor — for figures under plain node without tsx)');
  }
  console.log('');
  line('target', '< 300 ms, < 150 MB');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
