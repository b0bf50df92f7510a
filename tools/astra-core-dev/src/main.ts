#!/usr/bin/env node
import process from 'node:process';
import type { Logger } from '@astra/contracts';
import { CliUsageError, CLI_USAGE, parseCliArgs, type CliCommand } from './parse-cli-args';
import { startCoreDevServer } from './start-core-dev-server';

const stderrLogger: Logger = {
  debug: () => undefined,
  info: (fields, message) => process.stderr.write(`${message ?? ''} ${JSON.stringify(fields)}\n`),
  warn: (fields, message) => process.stderr.write(`WARN ${message ?? ''} ${JSON.stringify(fields)}\n`),
  error: (fields, message) => process.stderr.write(`ERROR ${message ?? ''} ${JSON.stringify(fields)}\n`),
};

async function main(): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`astra-core-dev: ${error.message}\n\n${CLI_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (command.kind === 'help') {
    process.stdout.write(CLI_USAGE);
    return 0;
  }
  const server = await startCoreDevServer({ ...command.options, logger: stderrLogger });
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(
    `astra-core-dev listening on ${server.url} (mode ${command.options.mode ?? 'sync'}, transcripts ${command.options.transcriptsDir ?? '(none)'})\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`astra-core-dev: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
