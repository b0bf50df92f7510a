import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_MINING_JOB_OPTIONS } from '@astra/mining';
// Commands are loaded when run (type-only imports here): `download` does not pay for BullMQ, Redis, DOCX
// and PDF parsing at start-up.
import type { runAlignCommand } from './commands/align';
import type { BuildCommandFlags } from './commands/build';
import type { runEnqueueCommand } from './commands/enqueue';
import type { runMineCommand } from './commands/mine';
import type { runStatusCommand } from './commands/status';
import { positiveInt, positiveNumber, resolveLogLevel, UsageError, type Env } from './config';
import { createOutput, type Output } from './output';

/** Wraps a flag parser so commander reports a bad value as usage (exit 2). */
const parse =
  <T>(parser: (value: string) => T) =>
  (value: string): T => {
    try {
      return parser(value);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };

type CommonFlags = { json?: boolean; verbose?: boolean };
type AlignFlags = { minDuration?: number; maxDuration?: number; maxCer?: number; labelStyle?: 'written' | 'spoken' };

function alignOptionsFrom(flags: AlignFlags) {
  return {
    ...(flags.minDuration !== undefined ? { minDurationSec: flags.minDuration } : {}),
    ...(flags.maxDuration !== undefined ? { maxDurationSec: flags.maxDuration } : {}),
    ...(flags.maxCer !== undefined ? { maxCer: flags.maxCer } : {}),
    ...(flags.labelStyle ? { labelStyle: flags.labelStyle } : {}),
  };
}

function withAlignFlags(command: Command): Command {
  return command
    .option('--min-duration <sec>', 'shortest segment, seconds (default 1)', parse(positiveNumber('--min-duration')))
    .option('--max-duration <sec>', 'longest segment, seconds (default 30)', parse(positiveNumber('--max-duration')))
    .option('--max-cer <ratio>', 'reject segments whose CER is above this', parse(positiveNumber('--max-cer')))
    .addOption(new Option('--label-style <style>', 'label text style').choices(['written', 'spoken']));
}

function withCommonFlags(command: Command): Command {
  return command
    .option('--json', 'machine-readable result on stdout (logs stay on stderr)')
    .option('-v, --verbose', 'debug logs on stderr');
}

/** Runs one command body: its exit code, or 1 with a one-line reason on failure (2 for bad usage). */
async function run(env: Env, flags: CommonFlags, body: (output: Output) => Promise<number>): Promise<void> {
  const output = createOutput({ json: flags.json === true, level: resolveLogLevel(flags, env) });
  try {
    process.exitCode = await body(output);
  } catch (error) {
    const err = error as Error & { code?: string };
    const usage = err instanceof UsageError || err.name === 'ZodError';
    output.logger.debug({ err }, 'command failed');
    if (flags.json)
      process.stdout.write(`${JSON.stringify({ error: { name: err.name, code: err.code, message: err.message } })}\n`);
    process.stderr.write(`astra-ingest: ${err.message.split('\n')[0]}\n`);
    process.exitCode = usage ? 2 : 1;
  }
}

/** The CLI; `env` is the process environment (read only through config.ts resolvers). */
export function buildProgram(env: Env): Command {
  const program = new Command('astra-ingest')
    .description('Mine speech-recognition training data from council session recordings and their minutes (actas).')
    .showHelpAfterError()
    .exitOverride();

  withCommonFlags(program.command('download <url>'))
    .description('download the audio of a recording, normalise it to WAV 16 kHz mono and store it')
    .requiredOption('--tenant <id>', 'tenant id')
    .option('--storage <uri>', 'storage URI: s3://bucket or file://DIR (default file://./.astra-data)')
    .option('--s3-endpoint <url>', 'S3-compatible endpoint (else AWS_ENDPOINT_URL_S3)')
    .action((url: string, flags: CommonFlags & { tenant: string; storage?: string; s3Endpoint?: string }) =>
      run(env, flags, async (output) =>
        (await import('./commands/download')).runDownloadCommand(url, flags, env, output),
      ),
    );

  withCommonFlags(program.command('extract <acta>'))
    .description('parse an acta DOCX and print the structured Acta (JSON)')
    .action((acta: string, flags: CommonFlags) =>
      run(env, flags, async (output) => (await import('./commands/extract')).runExtractCommand(acta, output)),
    );

  withAlignFlags(withCommonFlags(program.command('align')))
    .description('align an acta with a transcript and write train.jsonl lines')
    .requiredOption('--acta <docx>', 'the acta DOCX')
    .requiredOption('--transcript <json>', 'transcript JSON (normalised, Deepgram or Whisper verbose_json)')
    .requiredOption('--out <jsonl>', 'where to write the kept segments')
    .option('--rejected <jsonl>', 'where to write the rejected segments')
    .option('--audio <uri>', 'audio_filepath to put in each line (default: the transcript path with .wav)')
    .option('--tenant <id>', 'tenant_id to put in each line (default: local)')
    .option('--session <id>', 'session_id to put in each line (default: the transcript file name)')
    .option('--source-url <url>', 'source_url to put in each line')
    .option('--language <bcp47>', 'language of the session', 'es')
    .action((flags: CommonFlags & AlignFlags & Omit<Parameters<typeof runAlignCommand>[0], 'align'>) =>
      run(env, flags, async (output) =>
        (await import('./commands/align')).runAlignCommand({ ...flags, align: alignOptionsFrom(flags) }, output),
      ),
    );

  withAlignFlags(withCommonFlags(program.command('mine')))
    .description('run every session of a sessions CSV through the pipeline and build the dataset')
    .requiredOption('--input <csv>', 'sessions CSV (video_url, acta_path, tenant_id, ...)')
    .option('--tenant <id>', 'tenant for rows without tenant_id; rows of other tenants are skipped')
    .option('--dry-run', 'validate everything and print the plan; touch nothing')
    .option('--storage <uri>', 'storage URI: s3://bucket or file://DIR (default file://./.astra-data)')
    .option('--s3-endpoint <url>', 'S3-compatible endpoint (else AWS_ENDPOINT_URL_S3)')
    .option('--provider <name>', 'astra-core transcription provider (default deepgram)')
    .addOption(
      new Option(
        '--transcripts <source>',
        'transcript source (default astra-core if ASTRA_CORE_URL is set, else captions)',
      ).choices(['astra-core', 'captions', 'file']),
    )
    .option('--out <dir>', 'local copy of the dataset, in <dir>/<tenant>/<name>/', './astra-datasets')
    .option('--name <dataset>', 'dataset name (default: the CSV file name)')
    .option('--cut', 'also write each kept segment as its own WAV under <out>/<tenant>/<name>/wavs/')
    .option('--concurrency <n>', 'sessions processed at once', parse(positiveInt('--concurrency')), 2)
    .option('--no-acta', 'download and transcribe only (acta_path may be empty)')
    .option('--actas-dir <dir>', 'folder acta_path is relative to (default: the CSV folder)')
    .action((flags: CommonFlags & AlignFlags & Omit<Parameters<typeof runMineCommand>[0], 'align'>) =>
      run(env, flags, async (output) =>
        (await import('./commands/mine')).runMineCommand({ ...flags, align: alignOptionsFrom(flags) }, env, output),
      ),
    );

  withCommonFlags(program.command('enqueue'))
    .description('copy each acta to storage and add one job per session to the astra-mining queue (for ingest-worker)')
    .requiredOption('--input <csv>', 'sessions CSV (video_url, acta_path, tenant_id, ...)')
    .option('--tenant <id>', 'tenant for rows without tenant_id; rows of other tenants are skipped')
    .option('--redis <url>', 'Redis of the queue (else REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--storage <uri>', 'storage URI the workers use: s3://bucket or file://DIR (default file://./.astra-data)')
    .option('--s3-endpoint <url>', 'S3-compatible endpoint (else AWS_ENDPOINT_URL_S3)')
    .option('--provider <name>', 'astra-core transcription provider (default deepgram)')
    .option('--no-acta', 'download and transcribe only (acta_path may be empty)')
    .option('--actas-dir <dir>', 'folder acta_path is relative to (default: the CSV folder)')
    .option(
      '--attempts <n>',
      'tries per job for transient failures',
      parse(positiveInt('--attempts')),
      DEFAULT_MINING_JOB_OPTIONS.attempts,
    )
    .option(
      '--backoff-ms <ms>',
      'first retry delay, doubled on each retry',
      parse(positiveInt('--backoff-ms')),
      DEFAULT_MINING_JOB_OPTIONS.backoffMs,
    )
    .action((flags: CommonFlags & Parameters<typeof runEnqueueCommand>[0]) =>
      run(env, flags, async (output) => (await import('./commands/enqueue')).runEnqueueCommand(flags, env, output)),
    );

  withCommonFlags(program.command('status'))
    .description('job counts of the astra-mining queue and the failed jobs with their reasons')
    .option('--redis <url>', 'Redis of the queue (else REDIS_URL, else redis://127.0.0.1:6379)')
    .option('--limit <n>', 'failed jobs to list', parse(positiveInt('--limit')), 100)
    .action((flags: CommonFlags & Parameters<typeof runStatusCommand>[0]) =>
      run(env, flags, async (output) => (await import('./commands/status')).runStatusCommand(flags, env, output)),
    );

  withCommonFlags(program.command('build'))
    .description('build train/dev/test + report from the stored segments of a tenant')
    .requiredOption('--tenant <id>', 'tenant id')
    .requiredOption('--name <dataset>', 'dataset name')
    .option('--storage <uri>', 'storage URI (default file://./.astra-data)')
    .option('--s3-endpoint <url>', 'S3-compatible endpoint (else AWS_ENDPOINT_URL_S3)')
    .option('--out <dir>', 'also write the files to <dir>/<tenant>/<name>/')
    .option('--cut', 'with --out: each kept segment as its own WAV under <dir>/<tenant>/<name>/wavs/')
    .action((flags: CommonFlags & BuildCommandFlags) =>
      run(env, flags, async (output) => (await import('./commands/build')).runBuildCommand(flags, env, output)),
    );

  return program;
}
