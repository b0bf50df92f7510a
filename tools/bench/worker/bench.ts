/**
 * Worker throughput benchmark (not a test; prints figures, no pass/fail).
 *
 *   npx tsx --conditions=@astra/source tools/bench/worker/bench.ts [--sessions 20] [--workers 1,2] [--concurrency 1] [--seeds 5]
 *
 * Mines `--sessions` short synthetic sessions (~60 s of speech each; `--seeds` distinct recordings served under
 * different URLs, so every job downloads, transcribes and aligns for real) through astra-ingest-worker child
 * processes on a throw-away redis-server, with yt-dlp/ffmpeg over a loopback media server and astra-core-dev
 * for transcripts. For each worker count: the workers are started and idle first, then all jobs are enqueued and
 * the clock runs until the last one completes. Prints jobs/min, mean job time and the scaling ratio.
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { startCoreDevServer } from '@astra/core-dev';
import { serveFiles, startRedisServer, synthesizeSession } from '@astra/demo';
import { MINING_QUEUE, miningJobId, readSessionsCsv, storeActa, toMiningJob } from '@astra/mining';
import { sessionIdFor } from '@astra/contracts';
import { openStorage, sessionKeys } from '@astra/storage';
import { spawnWorker, type WorkerProcess } from '../../../apps/ingest-worker/test/support/processes';

const TENANT = 'bench';
const args = parseArgs(process.argv.slice(2));
const sessions = positive(args['sessions'] ?? '20', '--sessions');
const seeds = Math.min(sessions, positive(args['seeds'] ?? '5', '--seeds'));
const concurrency = positive(args['concurrency'] ?? '1', '--concurrency');
const workerCounts = (args['workers'] ?? '1,2').split(',').map((n) => positive(n, '--workers'));
const cacheDir = path.join(os.tmpdir(), 'astra-bench-worker');
const runDir = path.join(cacheDir, `run-${process.pid}`);

const redis = await startRedisServer();
const mediaDir = path.join(runDir, 'media');
const transcriptsDir = path.join(runDir, 'transcripts');
await mkdir(mediaDir, { recursive: true });
await mkdir(transcriptsDir, { recursive: true });
const media = await serveFiles(mediaDir);
const queue = new Queue(MINING_QUEUE, { connection: { url: redis.url, maxRetriesPerRequest: null } });

try {
  console.log(`synthesising ${seeds} recording(s) for ${sessions} sessions (cached in ${cacheDir})…`);
  const rows: string[] = ['video_url,acta_path'];
  const synths = [];
  for (let seed = 1; seed <= seeds; seed += 1) {
    const dir = path.join(cacheDir, `seed-${seed}`);
    const cached = await readdir(dir).catch(() => [] as string[]);
    const synth = cached.some((f) => f.endsWith('.transcript.bench.json'))
      ? await loadCached(dir)
      : await synthesizeSession({ dir, seed }).then(async (s) => {
          await writeFile(path.join(dir, 'session.transcript.bench.json'), JSON.stringify({ ...s, spoken: [] }));
          return s;
        });
    synths.push(synth);
  }
  let audioSec = 0;
  for (let n = 0; n < sessions; n += 1) {
    const synth = synths[n % seeds];
    if (!synth) throw new Error('no synth');
    const name = `s${n}.webm`;
    await copyFile(synth.mediaPath, path.join(mediaDir, name));
    const videoUrl = `${media.url}/${name}`;
    await writeFile(
      path.join(transcriptsDir, `${sessionIdFor(TENANT, videoUrl)}.json`),
      JSON.stringify(synth.transcript),
    );
    await copyFile(synth.actaPath, path.join(runDir, `acta-${n}.docx`));
    rows.push(`${videoUrl},acta-${n}.docx`);
    audioSec += synth.transcript.durationSec;
  }
  const csvPath = path.join(runDir, 'sessions.csv');
  await writeFile(csvPath, `${rows.join('\n')}\n`);
  const plan = await readSessionsCsv(csvPath, {
    tenant: TENANT,
    requireActa: true,
    transcripts: 'astra-core',
    defaultProvider: 'deepgram',
    defaultLanguage: 'es',
    maxActaBytes: 50 * 1024 * 1024,
  });
  if (plan.errors.length > 0) throw new Error(`bad plan: ${JSON.stringify(plan.errors)}`);

  const results: Array<{ workers: number; wallSec: number; jobsPerMin: number; meanJobSec: number; failed: number }> =
    [];
  for (const count of workerCounts) {
    const core = await startCoreDevServer({ port: 0, transcriptsDir });
    const storageDir = path.join(runDir, `storage-${count}`);
    await queue.obliterate({ force: true });
    const env = {
      REDIS_URL: redis.url,
      ASTRA_STORAGE: `file://${storageDir}`,
      ASTRA_TRANSCRIPTS: 'astra-core',
      ASTRA_CORE_URL: core.url,
      ASTRA_TMPDIR: path.join(runDir, `tmp-${count}`),
      WORKER_HTTP_HOST: '127.0.0.1',
      WORKER_HTTP_PORT: '0',
      WORKER_CONCURRENCY: String(concurrency),
      WORKER_RATE_LIMIT_MAX: '0',
      LOG_LEVEL: 'info',
    };
    const workers: WorkerProcess[] = await Promise.all(
      Array.from({ length: count }, (_, i) => spawnWorker({ ...env, WORKER_NAME: `bench-${count}-${i}` })),
    );
    const storage = openStorage(`file://${storageDir}`);
    for (const session of plan.sessions) await storeActa(storage, session);
    const started = performance.now();
    await queue.addBulk(
      plan.sessions.map((session) => ({
        name: 'mine',
        data: toMiningJob(session, sessionKeys(TENANT, session.id).acta),
        opts: { jobId: miningJobId(session), attempts: 2, backoff: { type: 'exponential', delay: 1000 } },
      })),
    );
    for (;;) {
      const counts = await queue.getJobCounts('completed', 'failed');
      if ((counts['completed'] ?? 0) + (counts['failed'] ?? 0) >= sessions) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const wallSec = (performance.now() - started) / 1000;
    const jobs = await queue.getJobs(['completed']);
    const failed = (await queue.getJobCounts('failed'))['failed'] ?? 0;
    const meanJobSec =
      jobs.reduce((sum, job) => sum + ((job.finishedOn ?? 0) - (job.processedOn ?? 0)) / 1000, 0) /
      Math.max(1, jobs.length);
    results.push({ workers: count, wallSec, jobsPerMin: (jobs.length / wallSec) * 60, meanJobSec, failed });
    for (const worker of workers) worker.signal('SIGTERM');
    await Promise.all(workers.map((worker) => worker.exited));
    await core.close();
    await rm(storageDir, { recursive: true, force: true });
  }

  console.log(
    `\n${sessions} sessions × ${(audioSec / sessions).toFixed(1)} s of audio, worker concurrency ${concurrency}, ${os.cpus().length} CPU(s), load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log('workers  wall s   jobs/min  mean job s  failed');
  for (const r of results) {
    console.log(
      `${String(r.workers).padEnd(7)}  ${r.wallSec.toFixed(1).padStart(6)}  ${r.jobsPerMin.toFixed(1).padStart(8)}  ${r.meanJobSec.toFixed(2).padStart(10)}  ${String(r.failed).padStart(6)}`,
    );
  }
  const base = results[0];
  for (const r of results.slice(1)) {
    if (base)
      console.log(
        `scaling ${base.workers} → ${r.workers} workers: ×${(r.jobsPerMin / base.jobsPerMin).toFixed(2)} jobs/min`,
      );
  }
} finally {
  await queue.close();
  await media.close();
  await redis.close();
  await rm(runDir, { recursive: true, force: true });
}

async function loadCached(dir: string) {
  const { readFile } = await import('node:fs/promises');
  return JSON.parse(await readFile(path.join(dir, 'session.transcript.bench.json'), 'utf8')) as Awaited<
    ReturnType<typeof synthesizeSession>
  >;
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i];
    if (key?.startsWith('--')) out[key.slice(2)] = argv[i + 1] ?? '';
  }
  return out;
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}
