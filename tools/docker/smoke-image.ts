/**
 * Smoke test of the astra-ingest image (run by tools/docker/smoke.sh, or alone once the image is built):
 *   npx tsx --conditions=@astra/source tools/docker/smoke-image.ts [--image astra-ingest:local] [--node-major 22] [--basic]
 *
 * 1. The container itself: its Node.js is a supported LTS that still gets fixes (of the expected major), yt-dlp
 *    and ffmpeg run, the user is `appuser` with a non-zero uid, PID 1 is tini, the default command is the worker,
 *    the CLI is on PATH, the app files are read-only for the user.
 * 2. End to end (skipped with --basic): on this host it starts Redis, a media server, an S3 server (s3rver)
 *    and the astra-core dev server, synthesises one Spanish session (espeak-ng), enqueues it with the image's
 *    CLI, runs the image's worker (--network host) until the job completes, and checks what landed in S3,
 *    the HEALTHCHECK, /metrics and a graceful stop (SIGTERM through tini → exit 0).
 *
 * Prints one `ok` / `not ok` line per check and `docker-smoke: N passed, M failed`; exits 1 on any failure.
 * Uses the docker CLI with the caller's DOCKER_HOST.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import {
  serveFiles,
  startRedisServer,
  startS3Server,
  synthesizeSession,
  type FileServer,
  type RedisServer,
  type S3Server,
} from '@astra/demo';
import { sessionIdFor } from '@astra/contracts';
import { checkNodeSupport } from '@astra/mining';
import { openStorage, sessionKeys, type Storage } from '@astra/storage';

const TENANT = 'smoke';
const CORE_TOKEN = 'smoke-token';
const JOB_TIMEOUT_MS = 240_000;
const DOCKER = existsSync('/usr/bin/docker') ? '/usr/bin/docker' : 'docker';

const { values: flags } = parseArgs({
  options: {
    image: { type: 'string', default: process.env['ASTRA_IMAGE'] ?? 'astra-ingest:local' },
    'node-major': { type: 'string' },
    basic: { type: 'boolean', default: false },
  },
});
const image = flags.image ?? 'astra-ingest:local';
const nodeMajor = flags['node-major'];

type RunResult = { code: number; stdout: string; stderr: string };

/** `docker ARGS`: never throws; the caller checks the exit code. Output bounded to 16 MiB. */
function docker(args: string[], timeoutMs = 120_000): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      DOCKER,
      args,
      { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let passed = 0;
let failed = 0;
function check(name: string, ok: boolean, detail = ''): boolean {
  if (ok) passed += 1;
  else failed += 1;
  process.stdout.write(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}\n`);
  return ok;
}
const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a one-off container of the image: `docker run --rm [extra] IMAGE CMD...`. */
function runInImage(command: string[], extra: string[] = []): Promise<RunResult> {
  return docker(['run', '--rm', '--network', 'host', ...extra, image, ...command]);
}

async function containerChecks(): Promise<void> {
  const node = await runInImage(['node', '-p', 'process.versions.node + " " + (process.release.lts || "-")']);
  const [nodeVersion = '', lts = '-'] = node.stdout.trim().split(' ');
  const nodeProblem = checkNodeSupport({ version: nodeVersion, now: new Date() });
  check(
    `the image's Node.js is a supported LTS with security fixes${nodeMajor ? `, major ${nodeMajor}` : ''}`,
    node.code === 0 &&
      lts !== '-' &&
      nodeProblem === undefined &&
      (nodeMajor === undefined || nodeVersion.split('.')[0] === nodeMajor),
    nodeProblem?.message ?? `v${nodeVersion} (${lts})`,
  );

  const ytDlp = await runInImage(['yt-dlp', '--version']);
  check(
    'yt-dlp runs in the image',
    ytDlp.code === 0 && /^\d{4}\.\d{2}\.\d{2}/.test(ytDlp.stdout.trim()),
    firstLine(ytDlp.stdout || ytDlp.stderr),
  );

  const jsRuntime = await runInImage(['cat', '/usr/local/share/astra/yt-dlp-js-runtimes']);
  const help = await runInImage(['sh', '-c', 'yt-dlp --help | grep -c -- --js-runtimes || true']);
  const supports = Number(help.stdout.trim()) > 0;
  check(
    'yt-dlp gets --js-runtimes node exactly when it supports it',
    jsRuntime.code === 0 && jsRuntime.stdout.trim() === (supports ? 'node' : 'none'),
    `supports=${supports}, wrapper=${jsRuntime.stdout.trim()}`,
  );

  const ffmpeg = await runInImage(['ffmpeg', '-hide_banner', '-version']);
  check(
    'ffmpeg runs in the image',
    ffmpeg.code === 0 && /^ffmpeg version/.test(ffmpeg.stdout),
    firstLine(ffmpeg.stdout || ffmpeg.stderr),
  );

  const id = await runInImage(['id']);
  const uid = /uid=(\d+)\(([^)]+)\)/.exec(id.stdout);
  check(
    'runs as appuser with a non-zero uid',
    id.code === 0 && uid?.[2] === 'appuser' && Number(uid[1]) > 0,
    id.stdout.trim(),
  );

  const pid1 = await runInImage(['cat', '/proc/1/cmdline']);
  check(
    'PID 1 is tini',
    pid1.code === 0 && pid1.stdout.split('\0')[0] === '/usr/bin/tini',
    pid1.stdout.split('\0').join(' ').trim(),
  );

  const config = await docker([
    'image',
    'inspect',
    '--format',
    '{{json .Config.Cmd}} {{.Config.User}} {{json .Config.Healthcheck.Test}}',
    image,
  ]);
  check(
    'default command is the worker, user 10001, HEALTHCHECK on /healthz',
    config.code === 0 &&
      config.stdout.includes('["astra-ingest-worker"]') &&
      config.stdout.includes(' 10001:10001 ') &&
      config.stdout.includes('/healthz'),
    config.stdout.trim().slice(0, 160),
  );

  const cli = await runInImage(['astra-ingest', '--help']);
  check(
    'the CLI is on PATH (astra-ingest --help)',
    cli.code === 0 && cli.stdout.includes('enqueue'),
    firstLine(cli.stdout || cli.stderr),
  );

  const readOnly = await runInImage([
    'sh',
    '-c',
    'test -f /app/apps/ingest-worker/dist/main.js || { echo missing; exit 0; }; for f in /app/apps/ingest-worker/dist/main.js /app/node_modules/x /usr/local/bin/x; do touch "$f" 2>/dev/null && { echo "writable: $f"; exit 0; }; done; echo read-only',
  ]);
  check('the app files are read-only for appuser', readOnly.stdout.trim() === 'read-only', readOnly.stdout.trim());
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

type QueueStatus = {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  failures: Array<{ reason: string }>;
};

async function endToEnd(): Promise<void> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'astra-docker-smoke-'));
  const inputDir = path.join(workDir, 'input');
  const mediaDir = path.join(workDir, 'media');
  const container = `astra-smoke-worker-${process.pid}`;
  let redis: RedisServer | undefined;
  let media: FileServer | undefined;
  let s3: S3Server | undefined;
  let core: CoreDevServer | undefined;
  let storage: Storage | undefined;
  try {
    redis = await startRedisServer();
    const session = await synthesizeSession({ dir: mediaDir, seed: 7, format: 'webm' });
    media = await serveFiles(mediaDir);
    s3 = await startS3Server();
    const videoUrl = `${media.url}/${path.basename(session.mediaPath)}`;
    const keys = sessionKeys(TENANT, sessionIdFor(TENANT, videoUrl));
    core = await startCoreDevServer({
      port: 0,
      mode: 'async',
      token: CORE_TOKEN,
      transcripts: new Map([[`s3://${s3.bucket}/${keys.audio}`, session.transcript]]),
    });

    // The CSV and the acta, readable by the container's uid 10001.
    await mkdir(inputDir, { recursive: true });
    await copyFile(session.actaPath, path.join(inputDir, 'acta.docx'));
    await writeFile(
      path.join(inputDir, 'sessions.csv'),
      `video_url,acta_path,tenant_id,session_id\n${videoUrl},acta.docx,${TENANT},pleno-smoke\n`,
    );
    await chmod(workDir, 0o755);
    await chmod(inputDir, 0o755);
    await chmod(path.join(inputDir, 'acta.docx'), 0o644);
    await chmod(path.join(inputDir, 'sessions.csv'), 0o644);

    const awsEnv = Object.entries(s3.env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
    const storageUri = `s3://${s3.bucket}`;

    const enqueue = await runInImage(
      [
        'astra-ingest',
        'enqueue',
        '--input',
        '/input/sessions.csv',
        '--redis',
        redis.url,
        '--storage',
        storageUri,
        '--json',
      ],
      ['-v', `${inputDir}:/input:ro`, ...awsEnv],
    );
    check(
      'the image CLI enqueues the session (astra-ingest enqueue)',
      enqueue.code === 0,
      firstLine(enqueue.code === 0 ? enqueue.stdout : enqueue.stderr),
    );

    const httpPort = await freePort();
    const started = Date.now();
    const run = await docker([
      'run',
      '-d',
      '--name',
      container,
      '--network',
      'host',
      // As recommended in docker/README.md: read-only root filesystem, temp files on a tmpfs.
      '--read-only',
      '--tmpfs',
      '/tmp:rw,size=512m',
      '--health-interval',
      '2s',
      '--health-start-period',
      '60s',
      '--health-timeout',
      '5s',
      '-e',
      `REDIS_URL=${redis.url}`,
      '-e',
      `ASTRA_STORAGE=${storageUri}`,
      '-e',
      'ASTRA_TRANSCRIPTS=astra-core',
      '-e',
      `ASTRA_CORE_URL=${core.url}`,
      '-e',
      `ASTRA_CORE_TOKEN=${CORE_TOKEN}`,
      '-e',
      `WORKER_HTTP_PORT=${httpPort}`,
      '-e',
      'WORKER_HTTP_HOST=127.0.0.1',
      '-e',
      'LOG_LEVEL=info',
      // The smoke test's media server listens on the host's loopback.
      '-e',
      'ASTRA_ALLOW_PRIVATE_NETWORK=true',
      ...awsEnv,
      image,
    ]);
    check('the worker container starts', run.code === 0, run.code === 0 ? container : firstLine(run.stderr));

    let status: QueueStatus | undefined;
    while (Date.now() - started < JOB_TIMEOUT_MS) {
      const result = await runInImage(['astra-ingest', 'status', '--redis', redis.url, '--json']);
      if (result.code === 0) {
        status = JSON.parse(result.stdout) as QueueStatus;
        if (status.completed + status.failed > 0) break;
      }
      const state = await docker(['inspect', '--format', '{{.State.Running}}', container]);
      if (state.stdout.trim() !== 'true') break;
      await sleep(2_000);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    check(
      'the worker completes the job',
      status?.completed === 1 && status.failed === 0,
      status
        ? `completed=${status.completed} failed=${status.failed} in ${seconds} s${status.failures[0] ? `: ${status.failures[0].reason}` : ''}`
        : 'no status',
    );

    const s3Storage = openStorage(storageUri, {
      s3: {
        endpoint: s3.endpoint,
        region: 'us-east-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      },
    });
    storage = s3Storage;
    const wav = (await storage.exists(keys.audio))
      ? await storage.getBytes(keys.audio, { maxBytes: 64 * 1024 * 1024 })
      : undefined;
    const wavOk =
      wav !== undefined &&
      wav.toString('ascii', 0, 4) === 'RIFF' &&
      wav.readUInt16LE(22) === 1 &&
      wav.readUInt32LE(24) === 16_000 &&
      wav.readUInt16LE(34) === 16;
    check('S3 holds the session WAV, 16 kHz mono s16le', wavOk, wav ? `${wav.length} bytes` : 'missing');

    const stored = await Promise.all(
      [keys.source, keys.transcript, keys.actaJson, keys.acta].map((key) => s3Storage.exists(key)),
    );
    check(
      'S3 holds source.json, transcript.json, acta.json and the acta DOCX',
      stored.every(Boolean),
      stored.map(String).join(','),
    );

    const segmentsText = (await storage.exists(keys.segments))
      ? (await storage.getBytes(keys.segments, { maxBytes: 16 * 1024 * 1024 })).toString('utf8')
      : '';
    const segments = segmentsText
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const kept = segments.filter((segment) => typeof segment['text'] === 'string' && !('reason' in segment));
    check('segments.jsonl has aligned segments', kept.length > 0, `${segments.length} lines, ${kept.length} kept`);

    const coreCalls = core.requests.filter((request) => request.method === 'POST');
    check(
      'the worker called astra-core with the token',
      coreCalls.length > 0 && coreCalls.every((request) => request.authorization === 'valid'),
      `${coreCalls.length} POST`,
    );

    let health = '';
    for (let i = 0; i < 30; i += 1) {
      health = (await docker(['inspect', '--format', '{{.State.Health.Status}}', container])).stdout.trim();
      if (health !== 'starting') break;
      await sleep(1_000);
    }
    check('HEALTHCHECK reports healthy', health === 'healthy', health);

    const metrics = await fetch(`http://127.0.0.1:${httpPort}/metrics`).then(
      async (response) => ({ status: response.status, text: await response.text() }),
      () => ({ status: 0, text: '' }),
    );
    check(
      '/metrics answers Prometheus text',
      metrics.status === 200 && /^# (HELP|TYPE) /m.test(metrics.text),
      `HTTP ${metrics.status}`,
    );

    await docker(['stop', '-t', '40', container], 60_000);
    const exit = await docker(['inspect', '--format', '{{.State.ExitCode}} {{.State.OOMKilled}}', container]);
    check(
      'SIGTERM (docker stop) ends the worker gracefully, exit 0',
      exit.stdout.trim() === '0 false',
      exit.stdout.trim(),
    );
  } finally {
    if (failed > 0) {
      const logs = await docker(['logs', '--tail', '40', container]);
      if (logs.code === 0) process.stdout.write(`--- worker logs (last 40 lines)\n${logs.stdout}${logs.stderr}---\n`);
    }
    await docker(['rm', '-f', container]);
    await storage?.close();
    await core?.close();
    await s3?.close();
    await media?.close();
    await redis?.close();
    await rm(workDir, { recursive: true, force: true });
  }
}

try {
  const inspect = await docker(['image', 'inspect', '--format', '{{.Size}}', image]);
  if (inspect.code !== 0) throw new Error(`image ${image} not found: ${firstLine(inspect.stderr)}`);
  process.stdout.write(`docker-smoke: image ${image}, ${(Number(inspect.stdout.trim()) / 1e6).toFixed(0)} MB\n`);
  await containerChecks();
  if (!flags.basic) await endToEnd();
} catch (error) {
  check('smoke ran to the end', false, error instanceof Error ? error.message : String(error));
}
process.stdout.write(`docker-smoke: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
