import { execa } from 'execa';
import type { Readable } from 'node:stream';
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
export async function runTool(options: RunToolOptions): Promise<RunToolResult> {
  const { tool, file, args, signal, logger } = options;
  const command = formatCommand(file, args);
  if (signal.aborted) throw abortError(signal.reason, { command, stderrTail: '' });

  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const tailChars = options.stderrTailChars ?? DEFAULT_STDERR_TAIL_CHARS;
  let stderrTail = '';

  const subprocess = execa(file, args, {
    detached: true,
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    stripFinalNewline: false,
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  const pid = subprocess.pid;
  logger.debug({ tool, pid, command }, 'spawned');

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
  const stdoutDone = consumeLines(subprocess.stdout, maxLineChars, onStdoutLine);
  const stderrDone = consumeLines(subprocess.stderr, maxLineChars, (line) => {
    stderrTail = `${stderrTail}${line}\n`.slice(-tailChars);
    onStderrLine(line);
  });

  try {
    const [result] = await Promise.all([subprocess, stdoutDone, stderrDone]);
    if (signal.aborted) throw abortError(signal.reason, { command, stderrTail: redactText(stderrTail) });
    if (handlerError !== undefined) throw handlerError;
    if (result.exitCode === undefined) {
      const spawnCode = errnoCode(result.cause);
      if (spawnCode === 'ENOENT' || spawnCode === 'EACCES') {
        throw new DownloadError('tool_missing', `${tool} could not be started (${spawnCode}): ${file}`, {
          cause: result.cause,
          command,
        });
      }
      throw new DownloadError(
        'tool_failed',
        `${tool} ended without an exit code${result.signal ? ` (${result.signal})` : ''}`,
        {
          cause: result.cause,
          command,
          ...(result.signal ? { signal: result.signal } : {}),
          stderrTail: redactText(stderrTail),
        },
      );
    }
    return { exitCode: result.exitCode, command, stderrTail: redactText(stderrTail) };
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (forceKillTimer) clearTimeout(forceKillTimer);
    // Anything of the group that outlived its leader after an abort (e.g. an ffmpeg child finishing gracefully).
    if (signal.aborted || handlerError !== undefined) killGroup('SIGKILL');
  }
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
