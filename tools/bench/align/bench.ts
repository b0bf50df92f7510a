/**
 * Alignment benchmark: synthetic sessions with ground truth → @astra/aligner and @bbc/stt-align-node on the same
 * input in the same run → precision / recall / cut words / overlaps / time / memory.
 *
 *   npx tsx --conditions=@astra/source tools/bench/align/bench.ts [--words 40000] [--seed 1] [--runs 5]
 *       [--profiles clean,typical,hard] [--baseline-runs 1] [--no-baseline] [--out DIR] [--json]
 *
 * Peak RSS is measured in a fresh `node` process on the built lib (`npx nx build @astra/aligner` first);
 * without a build that column says "n/a".
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { alignSession } from '@astra/aligner';
import { loadSttAlign, runBaseline } from './baseline-stt-align';
import { generateSession, SESSION_PROFILES, type ProfileName, type SyntheticSession } from './generate-session';
import { scoreAlignment, type AlignmentScore, type ScoredSpan } from './score-alignment';
import { writeSessionFiles } from './write-session-files';

const here = dirname(fileURLToPath(import.meta.url));
const builtLib = resolve(here, '../../../libs/aligner/dist/index.js');

interface Timing {
  medianMs: number;
  /** Fastest run: the least disturbed by other processes on a shared machine. */
  minMs: number;
  coldMs: number;
  medianCpuMs: number;
}

interface Row {
  profile: string;
  words: number;
  aligner: string;
  score: AlignmentScore;
  timing: Timing;
  peakRssMb?: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function timeRuns<T>(runs: number, run: () => T): { last: T; timing: Timing } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let last: T | undefined;
  for (let k = 0; k < runs; k += 1) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    last = run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  if (last === undefined) throw new Error('runs must be ≥ 1');
  return {
    last,
    timing: { medianMs: median(wall), minMs: Math.min(...wall), coldMs: wall[0] ?? 0, medianCpuMs: median(cpu) },
  };
}

async function measurePeakRss(session: SyntheticSession): Promise<number | undefined> {
  if (!existsSync(builtLib)) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'astra-align-bench-'));
  try {
    const file = join(dir, 'session.json');
    await writeFile(file, JSON.stringify({ transcript: session.transcript, acta: session.acta }));
    const { stdout } = await promisify(execFile)(process.execPath, [join(here, 'measure-rss.mjs'), file], {
      maxBuffer: 1 << 20,
    });
    const parsed = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { peakRssMb?: number };
    return parsed.peakRssMb;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (x: number): string => x.toFixed(3);
const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);

function printTable(rows: readonly Row[]): void {
  const header = [
    'profile',
    'words',
    'aligner',
    'precision',
    'recall',
    'label CER',
    'segments',
    'cut words',
    'overlaps',
    'time median',
    'time min',
    '1st run',
    'CPU median',
    'peak RSS',
  ];
  const lines = rows.map((r) => [
    r.profile,
    String(r.words),
    r.aligner,
    pct(r.score.precision),
    pct(r.score.recall),
    pct(r.score.meanLabelCer),
    String(r.score.segments),
    String(r.score.cutWords),
    String(r.score.overlaps),
    ms(r.timing.medianMs),
    ms(r.timing.minMs),
    ms(r.timing.coldMs),
    ms(r.timing.medianCpuMs),
    r.peakRssMb === undefined ? 'n/a' : `${r.peakRssMb.toFixed(0)} MB`,
  ]);
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '40000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
      profiles: { type: 'string', default: 'clean,typical,hard' },
      'baseline-runs': { type: 'string', default: '1' },
      'no-baseline': { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const words = Number(values.words);
  const seed = Number(values.seed);
  const runs = Math.max(1, Number(values.runs));
  const baselineRuns = Math.max(1, Number(values['baseline-runs']));
  const profiles = (values.profiles ?? '').split(',').filter((p): p is ProfileName => p in SESSION_PROFILES);
  const sttAlign = values['no-baseline'] ? undefined : await loadSttAlign();
  if (!values['no-baseline'] && sttAlign === undefined)
    console.error('@bbc/stt-align-node is not installed: baseline skipped.');
  // The segment duration bounds of the manifest contract (docs/architecture.md §6), as the aligner's defaults.
  const limits = { minDurationSec: 1, maxDurationSec: 30 };
  const rows: Row[] = [];
  for (const profile of profiles) {
    const session = generateSession({ seed, profile, targetWords: words });
    const wordCount = session.transcript.words.length;
    console.error(
      `${profile}: ${wordCount} transcript words, ${session.acta.fragments.length} fragments, spoken order ${session.spokenOrder.join(',')}`,
    );
    if (values.out !== undefined) await writeSessionFiles(session, join(values.out, profile));
    const ours = timeRuns(runs, () => alignSession(session.transcript, session.acta));
    const peakRssMb = await measurePeakRss(session);
    rows.push({
      profile,
      words: wordCount,
      aligner: '@astra/aligner',
      score: scoreAlignment(ours.last.kept, session.truth),
      timing: ours.timing,
      ...(peakRssMb === undefined ? {} : { peakRssMb }),
    });
    if (sttAlign !== undefined) {
      const before = process.resourceUsage().maxRSS / 1024;
      const baseline = timeRuns<ScoredSpan[]>(baselineRuns, () =>
        runBaseline(sttAlign, session.transcript, session.acta, limits),
      );
      const after = process.resourceUsage().maxRSS / 1024;
      rows.push({
        profile,
        words: wordCount,
        aligner: 'stt-align-node',
        score: scoreAlignment(baseline.last, session.truth),
        timing: baseline.timing,
        ...(after > before ? { peakRssMb: after } : {}),
      });
      const ratio = (x: number, y: number): string => `${(x / y).toFixed(1)}×`;
      console.error(
        `  speed ratio stt-align-node / ours: wall median ${ratio(baseline.timing.medianMs, ours.timing.medianMs)}, ` +
          `wall min ${ratio(baseline.timing.minMs, ours.timing.minMs)}, CPU median ${ratio(baseline.timing.medianCpuMs, ours.timing.medianCpuMs)}`,
      );
    }
  }
  if (values.json === true) console.log(JSON.stringify(rows, null, 2));
  else printTable(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
