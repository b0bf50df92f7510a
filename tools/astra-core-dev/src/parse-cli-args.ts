import { parseArgs } from 'node:util';
import type { CoreDevServerOptions } from './model';
import { parseFaults } from './start-core-dev-server';

export const CLI_USAGE = `Usage: astra-core-dev [options]

Local astra-core transcription API (POST /v1/transcriptions, GET /v1/transcriptions/{id}).
Prints its URL on stdout; logs requests on stderr. Stop with Ctrl-C / SIGTERM.

Options:
  --port <n>          port to listen on (0 = any free port)            [default: 8787]
  --host <addr>       address to bind                                 [default: 127.0.0.1]
  --dir <path>        transcripts folder (index.json, or <stem>.json / <stem>.transcript.json)
  --mode <m>          sync | async                                    [default: sync]
  --async-steps <n>   polls answered "processing" before "completed"  [default: 2]
  --latency-ms <n>    delay before every answer                       [default: 0]
  --token <t>         require "Authorization: Bearer <t>"
  --faults <json>     JSON array of faults applied to the next requests, e.g.
                      '[{"status":429,"retryAfterSec":1},{"status":503},{"malformed":true}]'
  -h, --help          show this help
`;

export type CliCommand = { kind: 'help' } | { kind: 'serve'; options: CoreDevServerOptions };

/** Bad command line; `main` prints the message and exits 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliUsageError(`--${name} must be a non-negative integer, got "${value}"`);
  return Number(value);
}

/** Parses the command line (no env, no files). */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        dir: { type: 'string' },
        mode: { type: 'string' },
        'async-steps': { type: 'string' },
        'latency-ms': { type: 'string' },
        token: { type: 'string' },
        faults: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };
  const mode = values.mode ?? 'sync';
  if (mode !== 'sync' && mode !== 'async') throw new CliUsageError(`--mode must be sync or async, got "${mode}"`);
  let faults: unknown;
  if (values.faults !== undefined) {
    try {
      faults = JSON.parse(values.faults);
    } catch {
      throw new CliUsageError('--faults must be a JSON array');
    }
    if (!Array.isArray(faults)) throw new CliUsageError('--faults must be a JSON array');
  }
  const options: CoreDevServerOptions = {
    port: integer('port', values.port, 8787),
    host: values.host ?? '127.0.0.1',
    mode,
    asyncSteps: integer('async-steps', values['async-steps'], 2),
    latencyMs: integer('latency-ms', values['latency-ms'], 0),
    ...(values.dir === undefined ? {} : { transcriptsDir: values.dir }),
    ...(values.token === undefined ? {} : { token: values.token }),
  };
  if (Array.isArray(faults)) {
    try {
      options.faults = parseFaults(faults);
    } catch (error) {
      throw new CliUsageError(error instanceof Error ? error.message : String(error));
    }
  }
  return { kind: 'serve', options };
}
