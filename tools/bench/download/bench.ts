/**
 * Download benchmark (not a test; prints figures, no pass/fail).
 *
 *   npx nx run @astra/ingest-cli:build     # the CLI variant runs the built CLI
 *   npx tsx --conditions=@astra/source tools/bench/download/bench.ts [--minutes 60] [--runs 5] [--sources webm,m4a,m4a-moov-end] [--cache DIR]
 *
 * Generates (once, cached) an N-minute source in three containers (webm/opus 128k 48 kHz stereo; the same audio
 * as AAC 128k in an M4A with its index first, and with its index at the end), serves them on loopback from a
 * separate process, and times, interleaved, in the same run, each producing the same WAV 16 kHz mono in
 * file storage (or, for yt-dlp, a file):
 *   before    downloadAudio() of the commit before issue 15 (download → ffprobe → ffmpeg → verify → sha256 →
 *             rename) + storage.putFile (a copy), in this process: the pipeline as it was
 *   one-pass  ensureAudio() of this tree: decode while downloading, egress policy proxy, verify, move into
 *             storage hashing in the same read, in this process
 *   cli       `astra-ingest download URL --tenant bench --storage file://DIR` (built CLI, a child process: start-up,
 *             tool versions from the per-user cache, source.json included)
 *   yt-dlp    `yt-dlp -x --audio-format wav --postprocessor-args "ExtractAudio:-ar 16000 -ac 1 ..."`, the reference
 * Wall time and CPU time (user+sys of this process for in-process variants, plus every reaped child process: yt-dlp,
 * ffmpeg, the CLI and its children) are printed per run and as medians with ratios to yt-dlp. CPU time is what
 * to trust when other jobs share the machine (the load average is printed); wall time needs an idle machine.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { probeTools, type ToolVersions } from '@astra/downloader';
import { ensureAudio } from '@astra/mining';
import { sessionIdFor } from '@astra/contracts';
import { openStorage, sessionKeys } from '@astra/storage';
import { baselineDownloaderUrl, BASELINE_COMMIT } from './baseline';
import { loadAverage, measure, median, parseArgs, runCommand, type Measured } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const cliMain = path.join(repoRoot, 'apps/ingest-cli/dist/main.js');
const args = parseArgs(process.argv.slice(2));
const minutes = Number(args['minutes'] ?? 60);
const runs = Number(args['runs'] ?? 5);
const cacheDir = path.resolve(args['cache'] ?? path.join(os.tmpdir(), 'astra-bench-download'));
const sourceKeys = (args['sources'] ?? 'webm,m4a,m4a-moov-end').split(',');

type Source = { key: string; file: string; label: string };
type Variant = { key: string; label: string; run: (url: string, workDir: string) => Promise<string> };

/**
 * Preloaded into the CLI (`node --import`): writes the CLI process's own CPU time (not its tools') at exit, so the
 * table can say how much of the `cli` variant is Node (start-up, egress proxy, tap, hash) and how much is tools.
 */
const SELF_CPU_PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(process.env.ASTRA_BENCH_SELF_CPU_FILE, String((u.user + u.system) / 1e6)); });",
)}`;

const YT_DLP_16K = [
  '--ignore-config',
  '-q',
  '-f',
  'bestaudio/best',
  '-x',
  '--audio-format',
  'wav',
  '--postprocessor-args',
  'ExtractAudio:-ar 16000 -ac 1 -c:a pcm_s16le -fflags +bitexact -map_metadata -1',
];

async function main(): Promise<void> {
  if (!existsSync(cliMain)) throw new Error(`build the CLI first (npx nx run @astra/ingest-cli:build): ${cliMain}`);
  const mediaDir = path.join(cacheDir, `media-${minutes}min`);
  const sources = await prepareSources(mediaDir);
  const { downloadAudio: downloadBefore } = (await import(baselineDownloaderUrl())) as {
    downloadAudio: (url: string, options: Record<string, unknown>) => Promise<{ path: string }>;
  };
  const tools: ToolVersions = await probeTools();
  const server = spawn(process.execPath, [path.join(here, 'serve.mjs'), mediaDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

  const cliEnv = (): NodeJS.ProcessEnv => ({
    ...process.env,
    ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
    ASTRA_TMPDIR: path.join(cacheDir, 'cli-tmp'),
    LOG_LEVEL: 'warn',
    XDG_CACHE_HOME: path.join(cacheDir, 'cli-cache'),
  });
  // The `cli` runs' own Node CPU, in run order (see SELF_CPU_PRELOAD); and `--version`, Node start-up alone.
  const cliSelfCpu: number[] = [];
  const startupCpu: number[] = [];
  const variants: Variant[] = [
    {
      key: 'before',
      label: `before (${BASELINE_COMMIT.slice(0, 7)}): download→ffprobe→ffmpeg→sha256, then copy`,
      run: async (url, workDir) => {
        const storage = openStorage(`file://${path.join(workDir, 'store')}`);
        const keys = sessionKeys('bench', sessionIdFor('bench', url));
        const wav = path.join(workDir, 'work', 'audio.wav');
        await downloadBefore(url, { outputPath: wav, tmpRoot: path.join(workDir, 'work'), toolVersions: tools });
        await storage.putFile(keys.audio, wav, { contentType: 'audio/wav' });
        return path.join(workDir, 'store', keys.audio);
      },
    },
    {
      key: 'one-pass',
      label: 'one-pass: decode while downloading, egress proxy, move + hash',
      run: async (url, workDir) => {
        const storage = openStorage(`file://${path.join(workDir, 'store')}`);
        const id = sessionIdFor('bench', url);
        await ensureAudio(
          storage,
          { tenantId: 'bench', id, videoUrl: url, metadata: {} },
          { download: { allowPrivateNetwork: true, toolVersions: tools }, tmpRoot: path.join(workDir, 'work') },
        );
        return path.join(workDir, 'store', sessionKeys('bench', id).audio);
      },
    },
    {
      key: 'cli',
      label: 'astra-ingest download (built CLI, whole process)',
      run: async (url, workDir) => {
        const selfCpuFile = path.join(workDir, 'cli-self-cpu');
        const out = await runCommand(
          process.execPath,
          [
            '--import',
            SELF_CPU_PRELOAD,
            cliMain,
            'download',
            url,
            '--tenant',
            'bench',
            '--storage',
            `file://${path.join(workDir, 'store')}`,
            '--json',
          ],
          { ...cliEnv(), ASTRA_BENCH_SELF_CPU_FILE: selfCpuFile },
        );
        cliSelfCpu.push(Number(readFileSync(selfCpuFile, 'utf8')));
        const result = JSON.parse(out) as { key: string };
        return path.join(workDir, 'store', result.key);
      },
    },
    {
      key: 'yt-dlp',
      label: 'yt-dlp -x --audio-format wav -ar 16000 -ac 1 (reference)',
      run: async (url, workDir) => {
        await runCommand('yt-dlp', [...YT_DLP_16K, '-P', workDir, '-o', 'out.%(ext)s', '--', url]);
        return path.join(workDir, 'out.wav');
      },
    },
  ];

  const versions = await Promise.all([runCommand('yt-dlp', ['--version']), runCommand('ffmpeg', ['-version'])]);
  console.log(`tools: yt-dlp ${versions[0].trim()}, ${versions[1].split('\n')[0]}; node ${process.version}`);
  console.log(
    `machine: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ${runs} runs per variant, interleaved`,
  );
  for (const source of sources) {
    const bytes = (await stat(path.join(mediaDir, source.file))).size;
    console.log(`source ${source.key}: ${minutes} min, ${(bytes / 1e6).toFixed(1)} MB, ${source.label}`);
  }
  // Warm-up (not timed): the page cache for every source, and the CLI's per-user tool-version cache.
  const warm = await mkdtemp(path.join(cacheDir, 'warm-'));
  for (const source of sources) await runCommand('cat', [path.join(mediaDir, source.file)]);
  const cold = await measure(async () => {
    await rm(path.join(cacheDir, 'cli-cache'), { recursive: true, force: true });
    await variants[2]?.run(`${baseUrl}/${sources[0]?.file}`, warm);
  });
  await rm(warm, { recursive: true, force: true });
  console.log(
    `CLI with a cold tool-version cache (first run, not in the table): ${cold.wallSec.toFixed(2)} s wall, ${cold.cpuSec.toFixed(2)} s CPU`,
  );
  console.log(`load average at start: ${loadAverage()}\n`);

  const results = new Map<string, Measured[]>();
  const digests = new Map<string, Set<string>>();
  for (let round = 1; round <= runs; round += 1) {
    for (const source of sources) {
      const url = `${baseUrl}/${source.file}`;
      const line: string[] = [];
      for (const variant of variants) {
        const workDir = await mkdtemp(path.join(cacheDir, `run-${variant.key}-`));
        let wav = '';
        const measured = await measure(async () => {
          wav = await variant.run(url, workDir);
        });
        const facts = wavFacts(wav);
        await rm(workDir, { recursive: true, force: true });
        const key = `${source.key}/${variant.key}`;
        results.set(key, [...(results.get(key) ?? []), measured]);
        if (variant.key !== 'yt-dlp') digests.set(source.key, (digests.get(source.key) ?? new Set()).add(facts.sha256));
        line.push(`${variant.key} ${measured.wallSec.toFixed(2)}s/${measured.cpuSec.toFixed(2)}s cpu (${facts.label})`);
      }
      console.log(`round ${round} ${source.key}: ${line.join(', ')}  [load ${os.loadavg()[0]?.toFixed(2)}]`);
    }
    startupCpu.push(
      (await measure(() => runCommand(process.execPath, [cliMain, '--version']).then(() => undefined))).cpuSec,
    );
  }
  server.kill('SIGTERM');
  console.log(`\nload average at end: ${loadAverage()}`);

  for (const source of sources) {
    const reference = results.get(`${source.key}/yt-dlp`) ?? [];
    const refWall = median(reference.map((m) => m.wallSec));
    const refCpu = median(reference.map((m) => m.cpuSec));
    console.log(`\n${source.key} (${source.label}), median of ${runs}`);
    console.log(
      `  ${'variant'.padEnd(66)} ${'wall s'.padStart(7)} ${'min'.padStart(6)} ${'CPU s'.padStart(7)} ${'wall ×'.padStart(7)} ${'CPU ×'.padStart(7)}`,
    );
    for (const variant of variants) {
      const measured = results.get(`${source.key}/${variant.key}`) ?? [];
      const wall = median(measured.map((m) => m.wallSec));
      const cpu = median(measured.map((m) => m.cpuSec));
      console.log(
        `  ${`${variant.key}: ${variant.label}`.padEnd(66).slice(0, 66)} ${wall.toFixed(2).padStart(7)} ${Math.min(
          ...measured.map((m) => m.wallSec),
        )
          .toFixed(2)
          .padStart(
            6,
          )} ${cpu.toFixed(2).padStart(7)} ${(wall / refWall).toFixed(3).padStart(7)} ${(cpu / refCpu).toFixed(3).padStart(7)}`,
      );
    }
    // The warm-up run came first; then each round ran the sources in order.
    const own = cliSelfCpu.slice(1).filter((_, k) => k % sources.length === sources.indexOf(source));
    console.log(
      `  cli: the CLI's own Node process ${median(own).toFixed(2)} s CPU of ${median(
        (results.get(`${source.key}/cli`) ?? []).map((m) => m.cpuSec),
      ).toFixed(
        2,
      )} (its tools: the rest); \`astra-ingest --version\` (start-up alone) ${median(startupCpu).toFixed(2)} s`,
    );
    const same = (digests.get(source.key)?.size ?? 0) === 1;
    console.log(`  before/one-pass/cli WAVs byte-identical: ${same ? 'yes' : 'NO'}`);
  }
}

async function prepareSources(mediaDir: string): Promise<Source[]> {
  await mkdir(mediaDir, { recursive: true });
  const seconds = String(minutes * 60);
  const all: Array<Source & { make: (target: string) => Promise<void> }> = [
    {
      key: 'webm',
      file: 'source.webm',
      label: 'webm/opus 128k 48 kHz stereo',
      make: async (target) => {
        await runCommand('ffmpeg', [
          ...['-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', `anoisesrc=d=${seconds}:c=pink:r=48000:a=0.2`],
          ...['-f', 'lavfi', '-i', `sine=f=220:d=${seconds}:r=48000`],
          ...['-filter_complex', '[0][1]amix=inputs=2,aformat=channel_layouts=stereo', '-c:a', 'libopus'],
          ...['-b:a', '128k', '-f', 'webm', target],
        ]);
      },
    },
    {
      key: 'm4a',
      file: 'source.m4a',
      label: 'm4a/aac 128k 48 kHz stereo, index first (faststart)',
      make: async (target) => {
        await ensureFile(path.join(mediaDir, 'source.webm'), all[0]?.make);
        await runCommand('ffmpeg', [
          ...['-nostdin', '-v', 'error', '-y', '-i', path.join(mediaDir, 'source.webm'), '-c:a', 'aac', '-b:a', '128k'],
          ...['-movflags', '+faststart', '-f', 'mp4', target],
        ]);
      },
    },
    {
      key: 'm4a-moov-end',
      file: 'source-moov-end.m4a',
      label: 'the same m4a with its index at the end (decoded once complete)',
      make: async (target) => {
        await ensureFile(path.join(mediaDir, 'source.m4a'), all[1]?.make);
        await runCommand('ffmpeg', [
          ...['-nostdin', '-v', 'error', '-y', '-i', path.join(mediaDir, 'source.m4a'), '-c', 'copy'],
          ...['-f', 'mp4', target],
        ]);
      },
    },
  ];
  const chosen = all.filter((source) => sourceKeys.includes(source.key));
  for (const source of chosen) await ensureFile(path.join(mediaDir, source.file), source.make);
  return chosen.map(({ key, file, label }) => ({ key, file, label }));
}

async function ensureFile(target: string, make: ((target: string) => Promise<void>) | undefined): Promise<void> {
  if (existsSync(target) || !make) return;
  console.log(`generating ${path.basename(target)} (${minutes} min; cached in ${path.dirname(target)})…`);
  const started = Date.now();
  const temp = `${target}.tmp${path.extname(target)}`;
  await make(temp);
  await rename(temp, target);
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Format line and SHA-256 of a WAV, read independently of the code under test. */
function wavFacts(file: string): { label: string; sha256: string } {
  const bytes = readFileSync(file);
  const channels = bytes.readUInt16LE(22);
  const rate = bytes.readUInt32LE(24);
  const seconds = (bytes.length - 44) / (rate * channels * 2);
  return {
    label: `${rate} Hz ${channels} ch ${seconds.toFixed(1)} s`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

await main();
