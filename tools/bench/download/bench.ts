/**
 * Download benchmark (not a test; prints figures, no pass/fail).
 *
 *   npx tsx tools/bench/download/bench.ts [--minutes 60] [--runs 3] [--cache DIR]
 *
 * Generates (once, cached) a long opus/webm source (48 kHz stereo, pink noise + tone), serves it on loopback
 * from a separate process, and times in the same run, interleaved:
 *   (a) downloadAudio()        from libs/downloader/src: yt-dlp download → ffprobe → ffmpeg → WAV 16 kHz mono + checks + sha256
 *   (b) yt-dlp -x --audio-format wav                     (reference: WAV at the source rate, 48 kHz stereo)
 *   (c) yt-dlp -o - | ffmpeg -i pipe:0 → WAV 16 kHz mono  (the pipe the issue warns about)
 *   (d) yt-dlp -x --audio-format wav --postprocessor-args "ExtractAudio:-ar 16000 -ac 1 ..."  (one-call alternative)
 * CPU: user+sys seconds of the variant's reaped child processes (cutime+cstime of /proc/self/stat, which includes
 * the ffmpeg/ffprobe that yt-dlp waits for) plus this process's own CPU (process.cpuUsage(): for (a) the output
 * parsing, hashing and checks). Unlike wall time it hardly moves when other jobs share the CPUs.
 * Memory: peak of the summed RSS of the measured process tree (yt-dlp, ffprobe, ffmpeg), sampled from /proc every
 * 50 ms, and the largest VmHWM of any one process of the tree. For (a) the tree is this Node process's children
 * (the server is another process and excluded); this process's own peak (process.resourceUsage().maxRSS) is
 * printed separately since it is a high-water mark over the whole run.
 */
import { execa } from 'execa';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAudio } from '../../../libs/downloader/src/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = parseArgs(process.argv.slice(2));
const minutes = Number(args.minutes ?? 60);
const runs = Number(args.runs ?? 3);
const cacheDir = path.resolve(args.cache ?? path.join(os.tmpdir(), 'astra-bench-download'));

/** Per-stage times of the (a) runs, printed with its round. */
const stageNotes: string[] = [];

type Variant = { key: string; label: string; run: (url: string, workDir: string) => Promise<void> };

async function main(): Promise<void> {
  await mkdir(cacheDir, { recursive: true });
  const source = path.join(cacheDir, `source-${minutes}min.webm`);
  if (!existsSync(source)) {
    console.log(`generating ${minutes}-minute opus source in ${source} (cached for later runs)...`);
    const started = Date.now();
    await execa('ffmpeg', [
      '-nostdin',
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `anoisesrc=d=${minutes * 60}:c=pink:r=48000:a=0.2`,
      '-f',
      'lavfi',
      '-i',
      `sine=f=220:d=${minutes * 60}:r=48000`,
      '-filter_complex',
      '[0][1]amix=inputs=2,aformat=channel_layouts=stereo',
      '-c:a',
      'libopus',
      '-b:a',
      '128k',
      `${source}.tmp.webm`,
    ]);
    await execa('mv', [`${source}.tmp.webm`, source]);
    console.log(`  generated in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const sourceBytes = (await stat(source)).size;
  await execa('cat', [source], { stdout: 'ignore' }); // warm the page cache for every variant alike

  const server = spawn(process.execPath, [path.join(here, 'serve.mjs'), source], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    server.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });

  const versions = await Promise.all([execa('yt-dlp', ['--version']), execa('ffmpeg', ['-version'])]);
  console.log(`source: ${minutes} min, ${(sourceBytes / 1e6).toFixed(1)} MB opus 128k 48 kHz stereo, served at ${url}`);
  console.log(`tools: yt-dlp ${versions[0].stdout.trim()}, ${versions[1].stdout.split('\n')[0]}`);
  console.log(`machine: ${os.cpus().length} cores, node ${process.version}; ${runs} runs per variant, interleaved\n`);

  const variants: Variant[] = [
    {
      key: 'a',
      label: 'downloadAudio (yt-dlp → ffmpeg, 16 kHz mono, verified)',
      run: async (u, dir) => {
        const started = Date.now();
        const firstSeen: Record<string, number> = {};
        await downloadAudio(u, {
          outputPath: path.join(dir, 'out.wav'),
          tmpRoot: dir,
          onProgress: (event) => {
            firstSeen[event.stage] ??= (Date.now() - started) / 1000;
          },
        });
        const end = (Date.now() - started) / 1000;
        const at = (stage: string) => firstSeen[stage] ?? Number.NaN;
        stageNotes.push(
          `download ${at('normalise').toFixed(2)} s, normalise ${(at('verify') - at('normalise')).toFixed(2)} s, verify+sha256+publish ${(end - at('verify')).toFixed(2)} s`,
        );
      },
    },
    {
      key: 'b',
      label: 'yt-dlp -x --audio-format wav (48 kHz stereo)',
      run: async (u, dir) => {
        await execa('yt-dlp', [
          '--ignore-config',
          '-q',
          '-f',
          'bestaudio/best',
          '-x',
          '--audio-format',
          'wav',
          '-P',
          dir,
          '-o',
          'out.%(ext)s',
          '--',
          u,
        ]);
      },
    },
    {
      key: 'c',
      label: 'yt-dlp -o - | ffmpeg (16 kHz mono)',
      run: async (u, dir) => {
        await execa('yt-dlp', ['--ignore-config', '-q', '-f', 'bestaudio/best', '-o', '-', '--', u]).pipe('ffmpeg', [
          '-nostdin',
          '-v',
          'error',
          '-y',
          '-i',
          'pipe:0',
          '-vn',
          '-ac',
          '1',
          '-ar',
          '16000',
          '-c:a',
          'pcm_s16le',
          '-fflags',
          '+bitexact',
          '-map_metadata',
          '-1',
          path.join(dir, 'out.wav'),
        ]);
      },
    },
    {
      key: 'd',
      label: 'yt-dlp -x --postprocessor-args (16 kHz mono, one call)',
      run: async (u, dir) => {
        await execa('yt-dlp', [
          '--ignore-config',
          '-q',
          '-f',
          'bestaudio/best',
          '-x',
          '--audio-format',
          'wav',
          '--postprocessor-args',
          'ExtractAudio:-ar 16000 -ac 1 -c:a pcm_s16le -fflags +bitexact -map_metadata -1',
          '-P',
          dir,
          '-o',
          'out.%(ext)s',
          '--',
          u,
        ]);
      },
    },
  ];

  const results = new Map<
    string,
    { wallSec: number[]; cpuSec: number[]; peakTreeRss: number[]; peakProcHwm: number[]; outBytes: number[] }
  >();
  for (const variant of variants)
    results.set(variant.key, { wallSec: [], cpuSec: [], peakTreeRss: [], peakProcHwm: [], outBytes: [] });
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );

  for (let round = 1; round <= runs; round += 1) {
    for (const variant of variants) {
      const dir = await mkdtemp(path.join(cacheDir, `run-${variant.key}-`));
      const sampler = startTreeSampler(process.pid, new Set([server.pid ?? -1]));
      const childCpuBefore = reapedChildrenCpuSec();
      const ownCpuBefore = process.cpuUsage();
      const started = process.hrtime.bigint();
      await variant.run(url, dir);
      const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
      const ownCpu = process.cpuUsage(ownCpuBefore);
      const cpuSec = reapedChildrenCpuSec() - childCpuBefore + (ownCpu.user + ownCpu.system) / 1e6;
      const memory = sampler.stop();
      const out = readdirSync(dir).find((name) => name.startsWith('out.'));
      const outBytes = out ? (await stat(path.join(dir, out))).size : 0;
      await rm(dir, { recursive: true, force: true });
      const entry = results.get(variant.key);
      entry?.wallSec.push(wallSec);
      entry?.cpuSec.push(cpuSec);
      entry?.peakTreeRss.push(memory.peakTreeRss);
      entry?.peakProcHwm.push(memory.peakProcHwm);
      entry?.outBytes.push(outBytes);
      const note = variant.key === 'a' ? ` [${stageNotes.at(-1) ?? ''}]` : '';
      console.log(
        `round ${round} (${variant.key}) ${wallSec.toFixed(2)} s wall, ${cpuSec.toFixed(2)} s CPU, tree RSS peak ${mb(memory.peakTreeRss)}, output ${mb(outBytes)}${note}`,
      );
    }
  }
  server.kill('SIGTERM');

  const ref = results.get('b');
  const refMedian = median(ref?.wallSec ?? []);
  const refMin = Math.min(...(ref?.wallSec ?? []));
  const refCpu = median(ref?.cpuSec ?? []);
  console.log(
    `load average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    '\nvariant                                                  wall median  wall min  ratio median  ratio min  CPU median  CPU ratio  tree RSS peak  max proc HWM    output',
  );
  for (const variant of variants) {
    const r = results.get(variant.key);
    if (!r) continue;
    const med = median(r.wallSec);
    const min = Math.min(...r.wallSec);
    const cpu = median(r.cpuSec);
    console.log(
      `(${variant.key}) ${variant.label.padEnd(54)} ${med.toFixed(2).padStart(9)} ${min.toFixed(2).padStart(9)} ${(med / refMedian).toFixed(3).padStart(13)} ${(min / refMin).toFixed(3).padStart(10)} ${cpu.toFixed(2).padStart(11)} ${(cpu / refCpu).toFixed(3).padStart(10)} ${mb(Math.max(...r.peakTreeRss)).padStart(14)} ${mb(Math.max(...r.peakProcHwm)).padStart(13)} ${mb(median(r.outBytes)).padStart(9)}`,
    );
  }
  console.log(
    `\nthis Node process (server excluded), peak RSS over the whole run: ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
}

/** Samples /proc every 50 ms: summed VmRSS of all descendants of `rootPid` (minus `exclude` subtrees) and each one's VmHWM. */
function startTreeSampler(rootPid: number, exclude: Set<number>) {
  let peakTreeRss = 0;
  let peakProcHwm = 0;
  const sample = () => {
    const children = new Map<number, number[]>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const statLine = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[1]);
        const list = children.get(ppid) ?? [];
        list.push(Number(entry));
        children.set(ppid, list);
      } catch {
        // gone
      }
    }
    let sum = 0;
    const stack = [...(children.get(rootPid) ?? [])];
    while (stack.length > 0) {
      const pid = stack.pop() as number;
      if (exclude.has(pid)) continue;
      stack.push(...(children.get(pid) ?? []));
      try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const rss = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
        const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
        sum += rss;
        peakProcHwm = Math.max(peakProcHwm, hwm);
      } catch {
        // gone
      }
    }
    peakTreeRss = Math.max(peakTreeRss, sum);
  };
  const timer = setInterval(sample, 50);
  return {
    stop() {
      clearInterval(timer);
      return { peakTreeRss, peakProcHwm };
    },
  };
}

/** CPU seconds (user + sys) of this process's terminated and reaped children, from /proc/self/stat. */
function reapedChildrenCpuSec(): number {
  const statLine = readFileSync('/proc/self/stat', 'utf8');
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): cutime is field 16, cstime field 17.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return ticks / CLOCK_TICKS_PER_SEC;
}

/** USER_HZ; 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_SEC = 100;

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function mb(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) out[arg.slice(2)] = argv[i + 1] ?? '';
  }
  return out;
}

await main();
