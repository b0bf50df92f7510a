/**
 * `astra-ingest mine --dry-run` on a large sessions CSV (issue 14 item 6: 10⁵ rows in under a minute). Not a test:
 * prints figures, no pass/fail.
 *
 *   npx tsx --conditions=@astra/source tools/bench/dry-run/bench.ts [--rows 100000] [--actas 200] [--baseline-parses 30]
 *
 * Writes `--actas` distinct acta DOCX files (a few pages each, from the extractor's fixture generator) and a CSV of
 * `--rows` rows, each with its own media URL on a loopback server that answers HEAD as audio, the actas reused
 * round-robin. Runs the real CLI (built `dist/` when present, else from source with tsx) as a child process and
 * reports wall-clock and CPU time of the whole dry run, of the same dry run without time for URL checks
 * (`--check-budget 0.001`: rows, actas, storage probe, tools) and of a bare `--version` start of the CLI. The baseline, measured in the same run: the time of one acta parse × rows, which is what the
 * dry run cost when it parsed the acta of every row.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readActaFile } from '@astra/semantic-extractor';
import { generateLargeActa } from '../../../libs/semantic-extractor/test/fixtures/generate-actas';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    actas: { type: 'string', default: '200' },
    'baseline-parses': { type: 'string', default: '30' },
  },
});
const rows = Number(values.rows);
const actaCount = Number(values.actas);
const baselineParses = Number(values['baseline-parses']);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dist = path.join(repoRoot, 'apps/ingest-cli/dist/main.js');
const cli = existsSync(dist)
  ? { how: 'built dist/', args: [dist] }
  : {
      how: 'sources through tsx',
      args: ['--import', 'tsx', '--conditions=@astra/source', path.join(repoRoot, 'apps/ingest-cli/src/main.ts')],
    };

const dir = await mkdtemp(path.join(os.tmpdir(), 'astra-bench-dry-run-'));
// Any path answers as audio: every row has its own URL, as a real CSV of recordings does.
const media = createServer((req, res) => {
  res.writeHead(req.url?.endsWith('.webm') ? 200 : 404, { 'content-type': 'audio/webm', 'content-length': '1000' });
  res.end();
});
try {
  await new Promise<void>((resolve) => media.listen(0, '127.0.0.1', resolve));
  const mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`;

  const { docx } = await generateLargeActa({ items: 6, speeches: 6, words: 80 });
  await mkdir(path.join(dir, 'actas'));
  await Promise.all(
    Array.from({ length: actaCount }, (_, i) => writeFile(path.join(dir, 'actas', `acta-${i}.docx`), docx)),
  );
  const lines = ['video_url,acta_path,tenant_id,session_id'];
  for (let i = 0; i < rows; i += 1) {
    lines.push(`${mediaUrl}/s${i}.webm,actas/acta-${i % actaCount}.docx,bench,row-${i}`);
  }
  const csv = path.join(dir, 'sessions.csv');
  await writeFile(csv, `${lines.join('\n')}\n`);

  // Baseline: one parse of the acta, as the old dry run did for every row.
  const actaFile = path.join(dir, 'actas', 'acta-0.docx');
  await readActaFile(actaFile);
  const parseStart = process.hrtime.bigint();
  for (let i = 0; i < baselineParses; i += 1) await readActaFile(actaFile);
  const parseMs = Number(process.hrtime.bigint() - parseStart) / 1e6 / baselineParses;

  const env = {
    ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
    ASTRA_TRANSCRIPTS: 'captions',
    ASTRA_TMPDIR: path.join(dir, 'tmp'),
    LOG_LEVEL: 'warn',
  };
  const startup = await timed(['--version'], env);
  const dryRun = ['mine', '--input', csv, '--dry-run', '--json', '--storage', `file://${path.join(dir, 'store')}`];
  const run = await timed(dryRun, env);
  // The same dry run with (almost) no time for URL checks: rows, actas, storage and tools only.
  const noUrls = await timed([...dryRun, '--check-budget', '0.001'], env);
  const report = JSON.parse(run.stdout) as {
    sessions: unknown[];
    errors: Array<{ reason: string }>;
    checks: Array<{ check: string; status: string; detail: string }>;
  };

  const baselineSec = (parseMs * rows) / 1000;
  const netSec = run.wallSec - startup.wallSec;
  console.log(`dry run of ${rows} rows, ${actaCount} distinct actas (CLI: ${cli.how})`);
  console.log(
    `  machine: ${os.cpus().length} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(`  sessions planned ${report.sessions.length}, errors ${report.errors.length}`);
  for (const check of report.checks) console.log(`  check ${check.check}: ${check.status} (${check.detail})`);
  console.log(
    `  CLI start alone (--version): wall ${startup.wallSec.toFixed(1)} s, CPU ${startup.cpuSec.toFixed(1)} s`,
  );
  console.log(`  dry run:                     wall ${run.wallSec.toFixed(1)} s, CPU ${run.cpuSec.toFixed(1)} s`);
  console.log(
    `  dry run minus start:         wall ${netSec.toFixed(1)} s, CPU ${(run.cpuSec - startup.cpuSec).toFixed(1)} s`,
  );
  console.log(
    `  without URL checks:          wall ${noUrls.wallSec.toFixed(1)} s, CPU ${noUrls.cpuSec.toFixed(1)} s` +
      ' (rows, actas, storage, tools)',
  );
  console.log(`  per row: ${((run.wallSec * 1000) / rows).toFixed(3)} ms wall`);
  console.log(
    `  baseline (one acta parse per row, as before): ${parseMs.toFixed(1)} ms × ${rows} = ${baselineSec.toFixed(0)} s` +
      ` (${(baselineSec / 60).toFixed(1)} min)`,
  );
  console.log(`  ratio baseline / dry run: ${(baselineSec / run.wallSec).toFixed(1)}×`);
  if (report.errors.length > 0) console.log(`  first error: ${report.errors[0]?.reason ?? ''}`);
} finally {
  media.closeAllConnections();
  await new Promise((resolve) => media.close(resolve));
  await rm(dir, { recursive: true, force: true });
}

/** Runs the CLI once; CPU time (user + system) of the CLI process itself is written by a preload at exit. */
async function timed(args: string[], env: Record<string, string>) {
  const cpuFile = path.join(dir, `cpu-${Date.now()}.json`);
  const preload = path.join(dir, 'report-cpu.mjs');
  await writeFile(
    preload,
    "import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(process.env.BENCH_CPU_FILE, JSON.stringify(process.cpuUsage())));\n",
  );
  const start = process.hrtime.bigint();
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) =>
    execFile(
      process.execPath,
      ['--import', preload, ...cli.args, ...args],
      { cwd: repoRoot, env: { ...process.env, ...env, BENCH_CPU_FILE: cpuFile }, maxBuffer: 1024 * 1024 * 1024 },
      (error, out, err) => {
        // The dry run exits 1 when it finds errors; the figures still count.
        if (error && typeof error.code !== 'number') reject(new Error(`${error.message}\n${err}`));
        else resolve({ stdout: out, stderr: err });
      },
    ),
  );
  const wallSec = Number(process.hrtime.bigint() - start) / 1e9;
  if (stdout.trim() === '') throw new Error(`astra-ingest ${args[0] ?? ''} printed nothing: ${stderr.slice(-2000)}`);
  const cpu = JSON.parse(await readFile(cpuFile, 'utf8')) as { user: number; system: number };
  return { stdout, wallSec, cpuSec: (cpu.user + cpu.system) / 1e6 };
}
