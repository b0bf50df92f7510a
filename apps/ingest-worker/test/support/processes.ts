import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for';

/** The repository root: child processes run the TypeScript sources through tsx (no build needed). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const TSX = ['--import', 'tsx', '--conditions=@astra/source'];
const WORKER_MAIN = 'apps/ingest-worker/src/main.ts';
const CLI_MAIN = 'apps/ingest-cli/src/main.ts';

export type LogLine = { level: number; msg: string; jobId?: string } & Record<string, unknown>;

export type WorkerProcess = {
  pid: number;
  /** Parsed pino lines of stdout, in order (plus non-JSON lines as `{ msg }`). */
  logs: LogLine[];
  stderr: string[];
  httpUrl: string;
  tmpDir: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM/SIGINT to the worker process only. */
  signal(signal: NodeJS.Signals): void;
  /** SIGKILL to the whole process group (node + its yt-dlp/ffmpeg): a machine that dies. */
  crash(): void;
  waitForLog(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
};

/** Starts `astra-ingest-worker` as a child process in its own process group and waits for "worker started". */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [...TSX, WORKER_MAIN], {
    cwd: REPO_ROOT,
    // The tests' media servers listen on 127.0.0.1.
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? '/tmp',
      ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  collectLines(child, 'stdout', (line) => {
    try {
      logs.push(JSON.parse(line) as LogLine);
    } catch {
      logs.push({ level: 0, msg: line });
    }
  });
  collectLines(child, 'stderr', (line) => stderr.push(line));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const pid = child.pid ?? 0;
  const waitForLog: WorkerProcess['waitForLog'] = (predicate, what, timeoutMs = 60_000) => {
    let done = false;
    void exited.then(() => (done = true));
    return waitFor(
      `worker ${pid}: ${what}`,
      () => {
        const found = logs.find(predicate);
        if (found) return found;
        if (done)
          throw new Error(
            `worker exited first; stderr: ${stderr.slice(-5).join(' | ')}; last log: ${JSON.stringify(logs.at(-1))}`,
          );
        return undefined;
      },
      timeoutMs,
    );
  };
  const started = await waitForLog((l) => l.msg === 'worker started', 'start-up');
  return {
    pid,
    logs,
    stderr,
    httpUrl: String(started['http']),
    tmpDir: String(started['tmpDir']),
    exited,
    signal: (signal) => {
      if (child.exitCode === null) child.kill(signal);
    },
    crash: () => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
    waitForLog,
  };
}

/** Runs the worker until it exits on its own (a start-up failure): its exit code and output. */
export function runWorkerToExit(env: Record<string, string>): Promise<CliResult> {
  return runNode(WORKER_MAIN, [], env);
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs `astra-ingest <args>` (TypeScript sources via tsx). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runNode(CLI_MAIN, args, env);
}

function runNode(main: string, args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, main, ...args], {
      cwd: REPO_ROOT,
      // The tests' media servers listen on 127.0.0.1.
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? '/tmp',
        ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function collectLines(child: ChildProcess, stream: 'stdout' | 'stderr', onLine: (line: string) => void): void {
  let buffer = '';
  child[stream]?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    let newline = buffer.indexOf('\n');
    while (newline !== -1) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      if (line) onLine(line);
      newline = buffer.indexOf('\n');
    }
  });
}
