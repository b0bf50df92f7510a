/**
 * End-to-end mining benchmark (not a test; prints figures, no pass/fail).
 *
 *   npx nx run @astra/ingest-cli:build
 *   npx tsx --conditions=@astra/source tools/bench/download/bench-mine.ts [--sessions 10] [--pad-minutes 20] [--concurrency 1,2] [--runs 1]
 *
 * `astra-ingest mine` (the built CLI, a child process) on a CSV of `--sessions` synthetic council sessions: each
 * is an espeak-ng recording with its acta (tools/demo), followed by `--pad-minutes` of quiet room noise so that
 * download and normalisation weigh as in a real session, served as webm/opus from a loopback server; transcripts
 * come from the local astra-core dev server (in this process, not counted). Download + normalise + store +
 * transcribe + align + dataset build. For each `--concurrency` (sessions mined at once: the CLI's workers), it
 * prints wall and CPU time of the CLI's process tree, hours of audio mined per CPU-hour and per wall-hour, and the
 * scaling from the first concurrency to the others.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreDevServer } from '@astra/core-dev';
import { serveFiles, synthesizeSession, type SynthSession } from '@astra/demo';
import { sessionIdFor } from '@astra/contracts';
import { loadAverage, measure, median, parseArgs, runCommand, type Measured } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const cliMain = path.resolve(here, '../../../apps/ingest-cli/dist/main.js');
const args = parseArgs(process.argv.slice(2));
const sessions = Number(args['sessions'] ?? 10);
const padMinutes = Number(args['pad-minutes'] ?? 20);
const runs = Number(args['runs'] ?? 1);
const concurrencies = (args['concurrency'] ?? '1,2').split(',').map(Number);
const cacheDir = path.join(os.tmpdir(), 'astra-bench-mine');
const TENANT = 'bench';

type Prepared = { synth: SynthSession; media: string; durationSec: number };

async function main(): Promise<void> {
  if (!existsSync(cliMain)) throw new Error(`build the CLI first (npx nx run @astra/ingest-cli:build): ${cliMain}`);
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'astra-bench-mine-run-'));
  const mediaDir = path.join(runDir, 'media');
  const transcriptsDir = path.join(runDir, 'transcripts');
  await mkdir(mediaDir, { recursive: true });
  await mkdir(transcriptsDir, { recursive: true });
  try {
    const prepared: Prepared[] = [];
    for (let seed = 1; seed <= sessions; seed += 1) prepared.push(await prepareSession(seed));
    const media = await serveFiles(mediaDir);
    const rows = ['video_url,acta_path'];
    let audioSec = 0;
    for (const [index, session] of prepared.entries()) {
      const name = `session-${index + 1}.webm`;
      await copyFile(session.media, path.join(mediaDir, name));
      await copyFile(session.synth.actaPath, path.join(runDir, `acta-${index + 1}.docx`));
      const videoUrl = `${media.url}/${name}`;
      const transcript = { ...session.synth.transcript, durationSec: session.durationSec };
      await writeFile(path.join(transcriptsDir, `${sessionIdFor(TENANT, videoUrl)}.json`), JSON.stringify(transcript));
      rows.push(`${videoUrl},acta-${index + 1}.docx`);
      audioSec += session.durationSec;
    }
    const csv = path.join(runDir, 'sessions.csv');
    await writeFile(csv, `${rows.join('\n')}\n`);
    const core = await startCoreDevServer({ port: 0, transcriptsDir });
    console.log(
      `${sessions} sessions, ${(audioSec / 3600).toFixed(2)} h of audio (${(audioSec / sessions / 60).toFixed(1)} min each: speech + ${padMinutes} min of room noise), webm/opus over loopback`,
    );
    console.log(`machine: ${os.cpus().length} CPUs, node ${process.version}; load average at start: ${loadAverage()}`);

    const results = new Map<number, Measured[]>();
    for (let round = 1; round <= runs; round += 1) {
      for (const concurrency of concurrencies) {
        const storageDir = path.join(runDir, `storage-${concurrency}`);
        let kept = 0;
        const measured = await measure(async () => {
          const out = await runCommand(
            process.execPath,
            [
              cliMain,
              ...['mine', '--input', csv, '--tenant', TENANT, '--storage', `file://${storageDir}`],
              ...['--transcripts', 'astra-core', '--concurrency', String(concurrency)],
              ...['--out', path.join(runDir, `out-${concurrency}`), '--name', 'bench', '--json'],
            ],
            {
              ...process.env,
              ASTRA_CORE_URL: core.url,
              ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
              ASTRA_TMPDIR: path.join(runDir, 'tmp'),
              LOG_LEVEL: 'warn',
            },
          );
          const summary = JSON.parse(out) as { ok: number; failed: number; segmentsKept: number };
          if (summary.failed > 0 || summary.ok !== sessions) throw new Error(`failed sessions: ${out.slice(0, 2000)}`);
          kept = summary.segmentsKept;
        });
        results.set(concurrency, [...(results.get(concurrency) ?? []), measured]);
        console.log(
          `round ${round}, concurrency ${concurrency}: ${measured.wallSec.toFixed(1)} s wall, ${measured.cpuSec.toFixed(1)} s CPU, ${kept} segments kept [load ${os.loadavg()[0]?.toFixed(2)}]`,
        );
        await rm(storageDir, { recursive: true, force: true });
        await rm(path.join(runDir, `out-${concurrency}`), { recursive: true, force: true });
      }
    }
    await core.close();
    await media.close();
    console.log(`load average at end: ${loadAverage()}\n`);
    const audioHours = audioSec / 3600;
    console.log('concurrency  wall s   CPU s   h audio per CPU-hour   h audio per wall-hour');
    const rowsOut = concurrencies.map((concurrency) => {
      const measured = results.get(concurrency) ?? [];
      const wall = median(measured.map((m) => m.wallSec));
      const cpu = median(measured.map((m) => m.cpuSec));
      const perCpuHour = audioHours / (cpu / 3600);
      const perWallHour = audioHours / (wall / 3600);
      console.log(
        `${String(concurrency).padEnd(11)} ${wall.toFixed(1).padStart(6)} ${cpu.toFixed(1).padStart(7)} ${perCpuHour.toFixed(1).padStart(22)} ${perWallHour.toFixed(1).padStart(23)}`,
      );
      return { concurrency, perCpuHour, perWallHour };
    });
    const base = rowsOut[0];
    for (const row of rowsOut.slice(1)) {
      if (!base) break;
      console.log(
        `scaling ${base.concurrency} → ${row.concurrency}: ×${(row.perWallHour / base.perWallHour).toFixed(2)} audio per wall-hour, ×${(row.perCpuHour / base.perCpuHour).toFixed(2)} audio per CPU-hour`,
      );
    }
  } finally {
    await rm(runDir, { recursive: true, force: true });
  }
}

/** A synthetic session (cached per seed): its acta, transcript and padded media. */
async function prepareSession(seed: number): Promise<Prepared> {
  const dir = path.join(cacheDir, `seed-${seed}`);
  const cached = path.join(dir, 'session.json');
  const media = path.join(dir, `padded-${padMinutes}min.webm`);
  let synth: SynthSession;
  if (existsSync(cached)) {
    synth = JSON.parse(await readFile(cached, 'utf8')) as SynthSession;
  } else {
    synth = await synthesizeSession({ dir, seed });
    await writeFile(cached, JSON.stringify(synth));
  }
  if (!existsSync(media)) {
    console.log(`padding session ${seed} with ${padMinutes} min of room noise (cached in ${dir})…`);
    const temp = `${media}.tmp.webm`;
    await runCommand('ffmpeg', [
      ...['-nostdin', '-v', 'error', '-y', '-i', synth.mediaPath],
      ...['-f', 'lavfi', '-i', `anoisesrc=d=${padMinutes * 60}:c=pink:r=48000:a=0.01`],
      ...[
        '-filter_complex',
        '[0:a]aresample=48000,aformat=channel_layouts=stereo[a];[1:a]aformat=channel_layouts=stereo[b];[a][b]concat=n=2:v=0:a=1',
      ],
      ...['-c:a', 'libopus', '-b:a', '96k', '-f', 'webm', temp],
    ]);
    await rename(temp, media);
  }
  const probed = await runCommand('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'format=duration',
    '-of',
    'csv=p=0',
    media,
  ]);
  return { synth, media, durationSec: Number(probed.trim()) };
}

await main();
