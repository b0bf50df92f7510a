import { createRequire } from 'node:module';
import { pino, type Logger as PinoLogger } from 'pino';

// pino-pretty only formats logs for a terminal: loaded then, not on every start (CI, pipes, the worker's logs).
const loadPretty = () => createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');

export type Output = {
  json: boolean;
  logger: PinoLogger;
  /** stderr, when it is a terminal: logs are human-readable there and a live view may take its last lines. */
  terminal: NodeJS.WriteStream | undefined;
  /** The command's result: JSON on stdout with --json, else the human text. */
  result(value: unknown, human: () => string): void;
};

const REDACT = {
  paths: [
    'token',
    '*.token',
    'authorization',
    '*.authorization',
    'headers.authorization',
    'secretAccessKey',
    '*.secretAccessKey',
  ],
  censor: '[redacted]',
};

/**
 * Logs always go to stderr (stdout carries only the result); credentials are redacted. On a terminal they are
 * pretty-printed one line each (pino-pretty) with a synchronous `stderr.write`, which a live view routes above
 * itself; elsewhere they stay pino JSON lines for log collectors.
 */
export function createOutput(options: { json: boolean; level: string; stderr?: NodeJS.WriteStream }): Output {
  const stderr = options.stderr ?? process.stderr;
  const terminal = stderr.isTTY === true ? stderr : undefined;
  const base = { level: options.level, base: undefined, redact: REDACT };
  let logger: PinoLogger;
  if (terminal) {
    const prettify = loadPretty().prettyFactory({
      colorize: stderr.hasColors?.() ?? false,
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
    });
    // `terminal.write` is looked up on each call: while a live view is shown it prints above the view.
    logger = pino(base, { write: (line: string) => terminal.write(prettify(line)) });
  } else {
    logger = pino(base, pino.destination({ fd: 2, sync: true }));
  }
  return {
    json: options.json,
    logger,
    terminal,
    result(value, human) {
      process.stdout.write(options.json ? `${JSON.stringify(value)}\n` : `${human()}\n`);
    },
  };
}
