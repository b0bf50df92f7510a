/**
 * Benchmark of @astra/semantic-extractor on a ~200-page acta.
 *   npx tsx --conditions=@astra/source tools/bench/extract/bench-extract.ts [--items 40] [--speeches 25]
 *     [--words 100] [--runs 7] [--rounds 3] [--baseline <git ref>]
 * Generates the acta with the test fixture generator, writes it to a temp file, then measures extraction in fresh
 * child processes (so the generator's memory does not count): time of the first (cold) run and the median of the
 * warm runs, split into unzip+mammoth / HTML→blocks (+ page furniture) / minutes model / schema validation, CPU
 * time next to wall time, and peak RSS. With `--baseline`, the lib's sources at that git ref (e.g. `main`) are
 * measured in the same run, child processes alternating with this checkout's, and both Actas are scored against
 * the generator's expectation (spoken fragments equal in item, kind, speaker, role, verbatim flag and text), so
 * a speed-up that loses accuracy shows. Prints figures only: no pass/fail.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Acta } from '@astra/contracts';
import { isSpokenFragment } from '../../../libs/semantic-extractor/src/index';
import { generateLargeActa, type ExpectedActa } from '../../../libs/semantic-extractor/test/fixtures/generate-actas';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '40' },
    speeches: { type: 'string', default: '25' },
    words: { type: 'string', default: '100' },
    runs: { type: 'string', default: '7' },
    rounds: { type: 'string', default: '3' },
    baseline: { type: 'string' },
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
  unzipAndMammothCpu: number;
  blocks: number;
  model: number;
  modelCpu: number;
  validate: number;
  total: number;
  cpu: number;
};
type RunReport = {
  runs: StageTimes[];
  rssBeforeMb: number;
  maxRssAfterFirstMb: number;
  maxRssAfterAllMb: number;
  items: number;
  fragments: number;
  blocks: number;
  cpus: number;
  loadAverage: number[];
};
type Version = { label: string; src: string; reports: RunReport[]; acta?: Acta };

const STAGE_LABELS: Record<keyof StageTimes, string> = {
  unzipAndMammoth: 'zip guard + mammoth → HTML',
  unzipAndMammothCpu: 'zip guard + mammoth, CPU time',
  blocks: 'HTML → blocks + page furniture',
  model: 'minutes model (blocks → Acta)',
  modelCpu: 'minutes model, CPU time',
  validate: 'zod validation',
  total: 'total (wall clock)',
  cpu: 'total CPU time (user + system)',
};
const STAGES = [
  'unzipAndMammoth',
  'unzipAndMammothCpu',
  'blocks',
  'model',
  'modelCpu',
  'validate',
  'total',
  'cpu',
] as const;

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dir = mkdtempSync(path.join(tmpdir(), 'astra-bench-extract-'));
const line = (label: string, value: string): void => console.log(`${label.padEnd(40)} ${value}`);
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

  const versions: Version[] = [
    { label: 'this checkout', src: path.join(root, 'libs/semantic-extractor/src'), reports: [] },
  ];
  if (values.baseline)
    versions.push({ label: `baseline ${values.baseline}`, src: checkOutBaseline(values.baseline), reports: [] });
  const rounds = Number(values.rounds);
  for (let round = 0; round < rounds; round += 1) {
    // Alternate the order each round: a load spike on the shared machine then hits both versions alike.
    const order = round % 2 === 0 ? versions : [...versions].reverse();
    for (const version of order) {
      const out = path.join(dir, `acta-${versions.indexOf(version)}.json`);
      const output = execFileSync(
        process.execPath,
        [
          '--conditions=@astra/source',
          '--import',
          'tsx',
          path.join(here, 'run-extract.ts'),
          file,
          values.runs ?? '7',
          version.src,
          out,
        ],
        { encoding: 'utf8', cwd: root, maxBuffer: 16 * 1024 * 1024 },
      );
      version.reports.push(JSON.parse(output) as RunReport);
      version.acta = JSON.parse(readFileSync(out, 'utf8')) as Acta;
    }
  }

  const first = versions[0]?.reports[0];
  console.log('@astra/semantic-extractor — extract a large acta');
  line(
    'document',
    `${(docx.length / 1024).toFixed(0)} KiB DOCX, ~${spokenWords.toLocaleString('en')} words (~${Math.round(spokenWords / WORDS_PER_PAGE)} pages), generated in ${generationMs.toFixed(0)} ms`,
  );
  line('acta', `${first?.items ?? 0} items, ${first?.fragments ?? 0} fragments, ${first?.blocks ?? 0} blocks`);
  line(
    'node',
    `${process.version}, ${first?.cpus ?? 0} CPUs, load average ${versions
      .flatMap((version) => version.reports.map((report) => report.loadAverage[0] ?? 0))
      .map((value) => value.toFixed(1))
      .join(' / ')} (1 min, at the end of each child)`,
  );
  for (const version of versions) {
    const score = scoreSpoken(version.acta, expected);
    line(
      `spoken fragments right (${version.label})`,
      `${score.right} / ${score.expected} (${score.found} spoken found)`,
    );
  }
  console.log('');
  const warmRuns = (version: Version): StageTimes[] => version.reports.flatMap((report) => report.runs.slice(1));
  const coldRuns = (version: Version): StageTimes[] =>
    version.reports.map((report) => report.runs[0]).filter((run) => run !== undefined);
  console.log(
    `${'warm median (ms)'.padEnd(40)} ${versions.map((version) => version.label.padStart(22)).join('')}${versions.length > 1 ? 'ratio'.padStart(8) : ''}`,
  );
  for (const stage of STAGES) {
    const medians = versions.map((version) => median(warmRuns(version).map((run) => run[stage])));
    const ratio = medians.length > 1 && medians[1] ? `${((medians[0] ?? 0) / medians[1]).toFixed(2)}×`.padStart(8) : '';
    console.log(
      `${STAGE_LABELS[stage].padEnd(40)} ${medians.map((value) => value.toFixed(1).padStart(22)).join('')}${ratio}`,
    );
  }
  console.log(
    `${'cold (first run) median'.padEnd(40)} ${versions
      .map((version) =>
        median(coldRuns(version).map((run) => run.total))
          .toFixed(1)
          .padStart(22),
      )
      .join('')}`,
  );
  console.log(`(${rounds} rounds × ${Number(values.runs) - 1} warm runs per version)`);
  console.log('');
  for (const version of versions) {
    const rss = Math.max(...version.reports.map((report) => report.maxRssAfterAllMb));
    const before = median(version.reports.map((report) => report.rssBeforeMb));
    line(`peak RSS (${version.label})`, `${rss.toFixed(0)} MB (${before.toFixed(0)} MB before: node + tsx + modules)`);
  }
  const dist = path.resolve(root, 'libs/semantic-extractor/dist/index.js');
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
    console.log('built lib (dist/ of this checkout), plain node, extractActa() only:');
    line(
      '  time cold / warm median',
      `${(built.times[0] ?? 0).toFixed(1)} ms / ${median(built.times.slice(1)).toFixed(1)} ms`,
    );
    line(
      '  CPU time cold / warm median',
      `${(built.cpuTimes[0] ?? 0).toFixed(1)} ms / ${median(built.cpuTimes.slice(1)).toFixed(1)} ms`,
    );
    line('  RSS before extraction', `${built.rssBeforeMb.toFixed(0)} MB`);
    line('  peak RSS after all runs', `${built.maxRssAfterAllMb.toFixed(0)} MB`);
  } else {
    console.log('\n(build the lib — nx build @astra/semantic-extractor — for figures under plain node without tsx)');
  }
  console.log('');
  line('target', '< 300 ms, < 150 MB');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** The lib's sources at a git ref, extracted once under tmp/ (ignored by git) so that they resolve this repo's modules. */
function checkOutBaseline(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const target = path.join(root, 'tmp', 'bench-extract-baseline', sha);
  const src = path.join(target, 'libs/semantic-extractor/src');
  if (!existsSync(src)) {
    mkdirSync(target, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', sha, 'libs/semantic-extractor/src'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', target], { input: archive });
  }
  return src;
}

/** Expected spoken fragments found with the same item, kind, speaker, role, verbatim flag and text. */
function scoreSpoken(
  acta: Acta | undefined,
  expected: ExpectedActa,
): { right: number; expected: number; found: number } {
  const spoken = (acta?.fragments ?? []).filter(isSpokenFragment).map(({ id: _id, ...fragment }) => keyOf(fragment));
  const remaining = new Map<string, number>();
  for (const key of spoken) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  let right = 0;
  for (const fragment of expected.spoken) {
    const key = keyOf(fragment);
    const count = remaining.get(key) ?? 0;
    if (count > 0) {
      right += 1;
      remaining.set(key, count - 1);
    }
  }
  return { right, expected: expected.spoken.length, found: spoken.length };
}

function keyOf(fragment: object): string {
  return JSON.stringify(Object.entries(fragment).sort(([a], [b]) => a.localeCompare(b)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
