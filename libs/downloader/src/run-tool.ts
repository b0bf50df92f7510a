import { execa } from 'execa';
import type { Readable, Writable } from 'node:stream';
import { DownloadError, isDownloadError } from './errors';
import type { Logger } from './model';
import { redactText } from '@astra/contracts';
import { formatCommand } from './redact';
import { createLineSplitter } from './split-lines';
import type { ToolName } from './classify-tool-failure';

export type RunToolOptions = {
  tool: ToolName;
  file: string;
  args: readonly string[];
  /** Aborting kills the tool's whole process group; the signal's reason (a DownloadError) is what gets thrown. */
  signal: AbortSignal;
  onStdoutLine?: (line: string) => void;
  onStderrLine?: (line: string) => void;
  /** Longer output lines are cut to this length. */
  maxLineChars?: number;
  /** How much of the end of stderr is kept for errors. */
  stderrTailChars?: number;
  /** SIGTERM first, SIGKILL to the group after this delay. */
  killGraceMs?: number;
  cwd?: string;
  logger: Logger;
};

export type StartToolOptions = RunToolOptions & {
  /** `pipe`: the caller writes the tool's standard input through `ToolProcess.stdin` (default `ignore`). */
  stdin?: 'ignore' | 'pipe';
  /** `raw`: the caller consumes the bytes of `ToolProcess.stdout` (then `onStdoutLine` is not called). */
  stdout?: 'lines' | 'raw';
  /** What of a stderr line goes into `stderrTail` (e.g. without informational lines); `undefined` drops it. */
  toStderrTail?: (line: string) => string | undefined;
};

/** A started tool: its pipes (when asked for) and its outcome. */
export type ToolProcess = {
  pid: number | undefined;
  /** With `stdin: 'pipe'`: write to it, then end it. Write errors (the tool exited) are swallowed here. */
  stdin: Writable | undefined;
  /** With `stdout: 'raw'`: must be consumed, or the tool blocks once the pipe is full. */
  stdout: Readable | undefined;
  /** Settles as `runTool` does, once the tool exited and its output was read. */
  result: Promise<RunToolResult>;
};

export type RunToolResult = {
  exitCode: number;
  /** Redacted command line. */
  command: string;
  /** Last `stderrTailChars` of stderr, redacted. */
  stderrTail: string;
};

const DEFAULT_MAX_LINE_CHARS = 4 * 1024 * 1024;
const DEFAULT_STDERR_TAIL_CHARS = 8 * 1024;
const DEFAULT_KILL_GRACE_MS = 3000;

/**
 * Runs one tool without a shell, in its own process group (`detached`), streaming its output line by line.
 * Resolves with the exit code (non-zero included: the caller classifies the failure); throws DownloadError
 * `tool_missing` when the binary cannot be started, or the abort reason once the whole group is dead.
 */
export function runTool(options: RunToolOptions): Promise<RunToolResult> {
  return startTool(options).result;
}

/**
 * `runTool` with access to the tool's pipes: `stdin: 'pipe'` to feed it, `stdout: 'raw'` to read its bytes. The
 * abort, kill and error rules are those of `runTool`.
 */
export function startTool(options: StartToolOptions): ToolProcess {
  const { tool, file, args, signal, logger } = options;
  const command = formatCommand(file, args);
  if (signal.aborted) {
    return {
      pid: undefined,
      stdin: undefined,
      stdout: undefined,
      result: Promise.reject(abortError(signal.reason, { command, stderrTail: '' })),
    };
  }

  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const tailChars = options.stderrTailChars ?? DEFAULT_STDERR_TAIL_CHARS;
  const rawStdout = options.stdout === 'raw';
  let stderrTail = '';

  const subprocess = execa(file, args, {
    detached: true,
    stdin: options.stdin === 'pipe' ? 'pipe' : 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const pid = subprocess.pid;
  logger.debug({ tool, pid, command }, 'spawned');
  // EPIPE when the tool exits before reading everything: its exit code says what happened.
  subprocess.stdin?.on('error', () => undefined);

  const killGroup = (killSignal: NodeJS.Signals) => {
    if (pid === undefined) return;
    try {
      process.kill(-pid, killSignal);
    } catch {
      // ESRCH: the group is already gone.
    }
  };
  let forceKillTimer: NodeJS.Timeout | undefined;
  const onAbort = () => {
    logger.debug({ tool, pid }, 'killing process group');
    killGroup('SIGTERM');
    forceKillTimer = setTimeout(() => killGroup('SIGKILL'), options.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
  };
  signal.addEventListener('abort', onAbort, { once: true });

  // A throwing line handler stops the tool and its error is what the caller gets.
  let handlerError: unknown;
  const guard = (handler: ((line: string) => void) | undefined) => (line: string) => {
    if (!handler || handlerError !== undefined) return;
    try {
      handler(line);
    } catch (error) {
      handlerError = error;
      killGroup('SIGKILL');
    }
  };
  const onStdoutLine = guard(options.onStdoutLine);
  const onStderrLine = guard(options.onStderrLine);
  const stdoutDone = rawStdout ? Promise.resolve() : consumeLines(subprocess.stdout, maxLineChars, onStdoutLine);
  const toTail = options.toStderrTail ?? ((line: string) => line);
  const stderrDone = consumeLines(subprocess.stderr, maxLineChars, (line) => {
    const kept = toTail(line);
    if (kept !== undefined) stderrTail = `${stderrTail}${kept}\n`.slice(-tailChars);
    onStderrLine(line);
  });

  const result = (async (): Promise<RunToolResult> => {
    try {
      const [outcome] = await Promise.all([subprocess, stdoutDone, stderrDone]);
      if (signal.aborted) throw abortError(signal.reason, { command, stderrTail: redactText(stderrTail) });
      if (handlerError !== undefined) throw handlerError;
      if (outcome.exitCode === undefined) {
        const spawnCode = errnoCode(outcome.cause);
        if (spawnCode === 'ENOENT' || spawnCode === 'EACCES') {
          throw new DownloadError('tool_missing', `${tool} could not be started (${spawnCode}): ${file}`, {
            cause: outcome.cause,
            command,
          });
        }
        throw new DownloadError(
          'tool_failed',
          `${tool} ended without an exit code${outcome.signal ? ` (${outcome.signal})` : ''}`,
          {
            cause: outcome.cause,
            command,
            ...(outcome.signal ? { signal: outcome.signal } : {}),
            stderrTail: redactText(stderrTail),
          },
        );
      }
      return { exitCode: outcome.exitCode, command, stderrTail: redactText(stderrTail) };
    } finally {
      signal.removeEventListener('abort', onAbort);
      if (forceKillTimer) clearTimeout(forceKillTimer);
      // Anything of the group that outlived its leader after an abort (e.g. an ffmpeg child finishing gracefully).
      if (signal.aborted || handlerError !== undefined) killGroup('SIGKILL');
    }
  })();
  return {
    pid,
    stdin: subprocess.stdin ?? undefined,
    stdout: rawStdout ? (subprocess.stdout ?? undefined) : undefined,
    result,
  };
}

function consumeLines(stream: Readable | null, maxLineChars: number, onLine: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const splitter = createLineSplitter(onLine, maxLineChars);
  stream.setEncoding('utf8');
  return new Promise((resolve) => {
    stream.on('data', (chunk: string) => splitter.push(chunk));
    stream.once('close', () => {
      splitter.end();
      resolve();
    });
    stream.once('error', () => resolve());
  });
}

function abortError(reason: unknown, fields: { command: string; stderrTail: string }): DownloadError {
  if (isDownloadError(reason)) {
    return new DownloadError(reason.code, reason.message, {
      cause: reason.cause,
      retryable: reason.retryable,
      command: fields.command,
      stderrTail: fields.stderrTail,
      timedOut: reason.code === 'timeout' || reason.code === 'stalled',
    });
  }
  return new DownloadError('aborted', 'The download was aborted', { cause: reason, ...fields });
}

function errnoCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return undefined;
}
