import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from './parse-cli-args';

describe('parseCliArgs', () => {
  it('applies the CLI defaults', () => {
    expect(parseCliArgs([])).toEqual({
      kind: 'serve',
      options: { port: 8787, host: '127.0.0.1', mode: 'sync', asyncSteps: 2, latencyMs: 0 },
    });
  });

  it('reads every flag', () => {
    const command = parseCliArgs([
      '--port',
      '0',
      '--host',
      '0.0.0.0',
      '--dir',
      './transcripts',
      '--mode',
      'async',
      '--async-steps',
      '3',
      '--latency-ms',
      '50',
      '--token',
      'dev',
      '--faults',
      '[{"status":429,"retryAfterSec":1},{"malformed":true}]',
    ]);
    expect(command).toEqual({
      kind: 'serve',
      options: {
        port: 0,
        host: '0.0.0.0',
        transcriptsDir: './transcripts',
        mode: 'async',
        asyncSteps: 3,
        latencyMs: 50,
        token: 'dev',
        faults: [{ status: 429, retryAfterSec: 1 }, { malformed: true }],
      },
    });
  });

  it('recognises --help', () => {
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--mode', 'batch']],
    [['--port', 'eighty']],
    [['--port', '-1']],
    [['--faults', '{"status":500}']],
    [['--faults', '[{"explode":true}]']],
    [['--unknown']],
    [['extra']],
  ])('rejects %j as bad usage', (argv) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
  });
});
