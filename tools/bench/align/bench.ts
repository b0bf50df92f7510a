/**
 * Alignment benchmark: synthetic sessions with ground truth → @astra/aligner and @bbc/stt-align-node on the same
 * input in the same run → quality per error class, core and process speed, memory.
 *
 *   npx nx build @astra/aligner     # process-level rows use the built lib
 *   npx tsx --conditions=@astra/source tools/bench/align/bench.ts [--words 42000] [--seed 1] [--runs 5]
 *       [--profiles clean,typical,hard,jitter,omissions,turns] [--short 8] [--baseline-runs 1]
 *       [--process-runs 3] [--no-baseline] [--out DIR] [--json]
 *
 * Every transcript goes through `validateTranscript` (repair) first, as in the pipeline. Core timing is the
 * aligner call alone, in this process; process timing is a fresh `node` reading the JSON files, repairing,
 * aligning and writing JSONL (align-process.mjs) against the same for the baseline (baseline-process.mjs).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { alignSession, type AlignResult } from '@astra/aligner';
import { validateTranscript, type TranscriptRepairs } from '@astra/contracts';
import { loadSttAlign, runBaseline } from './baseline-stt-align';
import {
  generateSession,
  SESSION_PROFILES,
  type ProfileName,
  type SyntheticSession,
} from '../../../libs/aligner/test/synthetic/generate-session';
import {
  scoreAlignment,
  type AlignmentScore,
  type ScoredSpan,
} from '../../../libs/aligner/test/synthetic/score-alignment';
import { writeSessionFiles } from '../../../libs/aligner/test/synthetic/write-session-files';

const here = dirname(fileURLToPath(import.meta.url));
const builtLibs = [
  resolve(here, '../../../libs/aligner/dist/index.js'),
  resolve(here, '../../../libs/contracts/dist/index.js'),
];

interface Timing {
  medianMs: number;
  /** Fastest run: the least disturbed by other processes on a shared machine. */
  minMs: number;
  medianCpuMs: number;
}

interface QualityRow {
  session: string;
  words: number;
  minutes: number;
  aligner: string;
  score: AlignmentScore;
  repairs?: TranscriptRepairs;
}

interface SpeedRow {
  profile: string;
  words: number;
  level: 'core' | 'process';
  ours: Timing;
  baseline: Timing | undefined;
  peakRssMb?: number;
  baselinePeakRssMb?: number;
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
  return { last, timing: { medianMs: median(wall), minMs: Math.min(...wall), medianCpuMs: median(cpu) } };
}

interface ProcessReport {
  cpuMs: number;
  peakRssMb: number;
}

/** Runs `script dir` in a fresh node `runs` times: wall time seen from here, CPU and peak RSS as it reports them. */
async function timeProcess(
  script: string,
  args: readonly string[],
  runs: number,
): Promise<{ timing: Timing; peakRssMb: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  let peak = 0;
  for (let k = 0; k < runs; k += 1) {
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [join(here, script), ...args], {
      maxBuffer: 1 << 20,
    });
    wall.push(performance.now() - started);
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as ProcessReport;
    cpu.push(report.cpuMs);
    peak = Math.max(peak, report.peakRssMb);
  }
  return { timing: { medianMs: median(wall), minMs: Math.min(...wall), medianCpuMs: median(cpu) }, peakRssMb: peak };
}

function minutesOf(session: SyntheticSession): number {
  const first = session.truth[0]?.start ?? 0;
  const last = session.truth[session.truth.length - 1]?.end ?? 0;
  return (last - first) / 60;
}

/** The transcript as the pipeline hands it to the aligner: repaired and validated. */
function repaired(session: SyntheticSession): {
  transcript: SyntheticSession['transcript'];
  repairs: TranscriptRepairs;
} {
  const { transcript, repairs } = validateTranscript(session.transcript);
  return { transcript, repairs };
}

/** Rows of the same session aligned keeping contradicted labels without their speaker. */
const UNLABEL = '@astra/aligner, speakerMismatch unlabel';

function spansOf(result: AlignResult): ScoredSpan[] {
  return result.kept;
}

const f3 = (x: number): string => x.toFixed(3);
const ms = (x: number): string => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(0)} ms`);
const ratio = (x: number, y: number): string => `${(x / y).toFixed(1)}×`;

function printTable(header: readonly string[], lines: readonly string[][]): void {
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  console.log('');
}

function repairsText(repairs: TranscriptRepairs | undefined): string {
  if (repairs === undefined) return '';
  const parts = [
    [repairs.inversions, 'inv'],
    [repairs.overlaps, 'ovl'],
    [repairs.endsBeforeStart, 'neg'],
    [repairs.reordered, 'moved'],
  ] as const;
  const text = parts
    .filter(([n]) => n > 0)
    .map(([n, what]) => `${n} ${what}`)
    .join(', ');
  return text === '' ? 'none' : text;
}

function printQuality(rows: readonly QualityRow[]): void {
  printTable(
    [
      'session',
      'words',
      'min',
      'aligner',
      'precision',
      'recall',
      'label CER',
      'segments',
      'missing speech (heard / any)',
      'speaker change (heard / any)',
      'wrong speaker',
      'cut words',
      'overlaps',
      'repaired',
    ],
    rows.map((r) => [
      r.session,
      String(r.words),
      r.minutes.toFixed(0),
      r.aligner,
      f3(r.score.precision),
      f3(r.score.recall),
      f3(r.score.meanLabelCer),
      String(r.score.segments),
      `${r.score.missingSpeechSegments} / ${r.score.missingSpeechAnySegments}`,
      `${r.score.speakerChangeSegments} / ${r.score.speakerChangeAnySegments}`,
      String(r.score.wrongSpeakerSegments),
      String(r.score.cutWords),
      String(r.score.overlaps),
      repairsText(r.repairs),
    ]),
  );
}

function printSpeed(rows: readonly SpeedRow[]): void {
  printTable(
    [
      'profile',
      'words',
      'level',
      'ours median',
      'ours min',
      'ours CPU',
      'stt-align median',
      'stt-align min',
      'stt-align CPU',
      'ratio wall min',
      'ratio CPU',
      'ours peak RSS',
      'stt-align peak RSS',
    ],
    rows.map((r) => [
      r.profile,
      String(r.words),
      r.level,
      ms(r.ours.medianMs),
      ms(r.ours.minMs),
      ms(r.ours.medianCpuMs),
      r.baseline === undefined ? 'n/a' : ms(r.baseline.medianMs),
      r.baseline === undefined ? 'n/a' : ms(r.baseline.minMs),
      r.baseline === undefined ? 'n/a' : ms(r.baseline.medianCpuMs),
      r.baseline === undefined ? 'n/a' : ratio(r.baseline.minMs, r.ours.minMs),
      r.baseline === undefined ? 'n/a' : ratio(r.baseline.medianCpuMs, r.ours.medianCpuMs),
      r.peakRssMb === undefined ? 'n/a' : `${r.peakRssMb.toFixed(0)} MB`,
      r.baselinePeakRssMb === undefined ? 'n/a' : `${r.baselinePeakRssMb.toFixed(0)} MB`,
    ]),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      words: { type: 'string', default: '42000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '5' },
      profiles: { type: 'string', default: 'clean,typical,hard,jitter,omissions,turns' },
      short: { type: 'string', default: '8' },
      'baseline-runs': { type: 'string', default: '1' },
      'process-runs': { type: 'string', default: '3' },
      'no-baseline': { type: 'boolean', default: false },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const words = Number(values.words);
  const seed = Number(values.seed);
  const runs = Math.max(1, Number(values.runs));
  const baselineRuns = Math.max(1, Number(values['baseline-runs']));
  const processRuns = Math.max(0, Number(values['process-runs']));
  const shortSessions = Math.max(0, Number(values.short));
  const profiles = (values.profiles ?? '').split(',').filter((p): p is ProfileName => p in SESSION_PROFILES);
  const sttAlign = values['no-baseline'] ? undefined : await loadSttAlign();
  if (!values['no-baseline'] && sttAlign === undefined)
    console.error('@bbc/stt-align-node is not installed: baseline skipped.');
  const built = builtLibs.every((file) => existsSync(file));
  if (processRuns > 0 && !built) console.error('Libs not built: process-level rows skipped (see the header).');
  const loadBefore = loadavg();
  // The segment duration bounds of the manifest contract (docs/architecture.md §6), as the aligner's defaults.
  const limits = { minDurationSec: 1, maxDurationSec: 30 };
  const quality: QualityRow[] = [];
  const speed: SpeedRow[] = [];
  const work = await mkdtemp(join(tmpdir(), 'astra-align-bench-'));
  try {
    const processLevel = processRuns > 0 && built;
    for (const profile of profiles) {
      const session = generateSession({ seed, profile, targetWords: words });
      const wordCount = session.transcript.words.length;
      console.error(`${profile}: ${wordCount} transcript words, ${session.acta.fragments.length} fragments`);
      const dir = join(values.out ?? work, profile);
      await writeSessionFiles(session, dir);
      const input = repaired(session);
      const ours = timeRuns(runs, () => alignSession(input.transcript, session.acta));
      const minutes = minutesOf(session);
      const row = { session: `${profile} (seed ${seed})`, words: wordCount, minutes };
      quality.push({
        ...row,
        aligner: '@astra/aligner',
        score: scoreAlignment(spansOf(ours.last), session.truth),
        repairs: input.repairs,
      });
      if (session.profile.diarization !== undefined) {
        // The same session keeping contradicted labels without their speaker instead of rejecting them.
        const unlabel = alignSession(input.transcript, session.acta, { speakerMismatch: 'unlabel' });
        quality.push({
          ...row,
          aligner: UNLABEL,
          score: scoreAlignment(spansOf(unlabel), session.truth),
        });
      }
      let baselineTiming: Timing | undefined;
      if (sttAlign !== undefined) {
        const baseline = timeRuns<ScoredSpan[]>(baselineRuns, () =>
          runBaseline(sttAlign, session.transcript, session.acta, limits),
        );
        baselineTiming = baseline.timing;
        quality.push({ ...row, aligner: 'stt-align-node', score: scoreAlignment(baseline.last, session.truth) });
      }
      speed.push({ profile, words: wordCount, level: 'core', ours: ours.timing, baseline: baselineTiming });
      if (processLevel) {
        const oursProcess = await timeProcess('align-process.mjs', [dir], processRuns);
        const baselineProcess =
          sttAlign === undefined ? undefined : await timeProcess('baseline-process.mjs', [dir], processRuns);
        speed.push({
          profile,
          words: wordCount,
          level: 'process',
          ours: oursProcess.timing,
          baseline: baselineProcess?.timing,
          peakRssMb: oursProcess.peakRssMb,
          ...(baselineProcess === undefined ? {} : { baselinePeakRssMb: baselineProcess.peakRssMb }),
        });
      }
    }
    // Short sessions (10–20 min of speech): few anchors, little evidence for speaker mappings.
    for (let k = 0; k < shortSessions; k += 1) {
      const shortSeed = seed + 100 + k;
      const session = generateSession({ seed: shortSeed, profile: 'typical', targetWords: 900 + 110 * k });
      const input = repaired(session);
      const row = {
        session: `short typical (seed ${shortSeed})`,
        words: session.transcript.words.length,
        minutes: minutesOf(session),
      };
      const result = alignSession(input.transcript, session.acta);
      quality.push({
        ...row,
        aligner: '@astra/aligner',
        score: scoreAlignment(spansOf(result), session.truth),
        repairs: input.repairs,
      });
      const unlabel = alignSession(input.transcript, session.acta, { speakerMismatch: 'unlabel' });
      quality.push({ ...row, aligner: UNLABEL, score: scoreAlignment(spansOf(unlabel), session.truth) });
    }
  } finally {
    if (values.out === undefined) await rm(work, { recursive: true, force: true });
  }
  const loadAfter = loadavg();
  if (values.json === true) {
    console.log(JSON.stringify({ quality, speed, loadBefore, loadAfter }, null, 2));
    return;
  }
  printQuality(quality);
  printSpeed(speed);
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(`load average (1/5/15 min): before ${load(loadBefore)}, after ${load(loadAfter)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
