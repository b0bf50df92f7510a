import { Command, InvalidArgumentError, Option } from 'commander';
import {
  LABEL_STYLES,
  resolveAlignOptions,
  SPEAKER_MISMATCH_POLICIES,
  type LabelStyle,
  type SpeakerMismatchPolicy,
} from '@astra/aligner/options';
import { ConfigError, DEFAULT_MINING_JOB_OPTIONS, RUNTIME_DEFAULTS, type RuntimeOverrides } from '@astra/mining/config';
import cliPackage from '../package.json' with { type: 'json' };
// Types only: each command's code is imported when it runs, so a command loads its own dependencies and no
// other's (`download` does not pay for BullMQ, pdf.js and the aligner's pipeline at start-up).
import type { runAlignCommand } from './commands/align';
import type { BuildCommandFlags } from './commands/build';
import type { runEnqueueCommand } from './commands/enqueue';
import type { runMineCommand } from './commands/mine';
import type { runStatusCommand } from './commands/status';
import { DEFAULT_DRY_RUN_OPTIONS } from './dry-run/dry-run-options';
import { loadConfig, positiveInt, positiveNumber, ratio, UsageError, type CliConfig, type Env } from './config';
import { createOutput, type Output } from './output';

/** The aligner's defaults, shown in the help of the alignment flags. */
const ALIGN_DEFAULTS = resolveAlignOptions();

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
type AlignFlags = {
  minDuration?: number;
  maxDuration?: number;
  maxCer?: number;
  labelStyle?: LabelStyle;
  speakerMismatch?: SpeakerMismatchPolicy;
};

const STORAGE_HELP = `storage URI: s3://bucket[/prefix], file://DIR or a path (default: ASTRA_STORAGE, else ${RUNTIME_DEFAULTS.storage})`;
const S3_ENDPOINT_HELP = 'S3-compatible endpoint (default: AWS_ENDPOINT_URL_S3, else AWS)';
const REDIS_HELP = `Redis of the queue (default: REDIS_URL, else ${RUNTIME_DEFAULTS.redisUrl})`;
const PRIVATE_NETWORK_HELP =
  'let media URLs reach loopback, private and link-local addresses (local setups; default: ASTRA_ALLOW_PRIVATE_NETWORK, else off)';
const PROVIDER_HELP = `astra-core transcription provider (default: ASTRA_PROVIDER, else ${RUNTIME_DEFAULTS.provider})`;

function alignOptionsFrom(flags: AlignFlags) {
  return {
    ...(flags.minDuration !== undefined ? { minDurationSec: flags.minDuration } : {}),
    ...(flags.maxDuration !== undefined ? { maxDurationSec: flags.maxDuration } : {}),
    ...(flags.maxCer !== undefined ? { maxCer: flags.maxCer } : {}),
    ...(flags.labelStyle ? { labelStyle: flags.labelStyle } : {}),
    ...(flags.speakerMismatch ? { speakerMismatch: flags.speakerMismatch } : {}),
  };
}

function withAlignFlags(command: Command): Command {
  return command
    .option('--min-duration <sec>', 'shortest segment, seconds', parse(positiveNumber), ALIGN_DEFAULTS.minDurationSec)
    .option('--max-duration <sec>', 'longest segment, seconds', parse(positiveNumber), ALIGN_DEFAULTS.maxDurationSec)
    .option(
      '--max-cer <ratio>',
      'reject segments whose character error rate (label vs ASR) is above this, 0..1',
      parse(ratio),
      ALIGN_DEFAULTS.maxCer,
    )
    .addOption(
      new Option('--label-style <style>', 'label text as written in the acta, or numbers spelled out as spoken')
        .choices(LABEL_STYLES)
        .default(ALIGN_DEFAULTS.labelStyle),
    )
    .addOption(
      new Option(
        '--speaker-mismatch <policy>',
        "a segment whose acta speaker the diarization contradicts: 'reject' it, or 'unlabel' it (keep it without a speaker)",
      )
        .choices(SPEAKER_MISMATCH_POLICIES)
        .default(ALIGN_DEFAULTS.speakerMismatch),
    );
}

function withCommonFlags(command: Command): Command {
  return command
    .option('--json', 'machine-readable result on stdout (logs stay on stderr)')
    .option('-v, --verbose', 'debug logs on stderr');
}

/** `error: unknown option '--inptu'\n(Did you mean --input?)` → one line with the command and a pointer to help. */
function oneLineError(command: string) {
  return (message: string, write: (text: string) => void) => {
    const text = message
      .replace(/^error: /, '')
      .replace(/\s*\n\s*/g, ' ')
      .trim();
    write(`${command}: ${text} (see '${command} --help')\n`);
  };
}

/** Runs one command body: its exit code, or 1 with a one-line reason on failure (2 for bad usage). */
async function run(
  command: string,
  env: Env,
  flags: CommonFlags & RuntimeOverrides,
  body: (output: Output, config: CliConfig) => Promise<number>,
): Promise<void> {
  let config: CliConfig;
  try {
    config = loadConfig(flags, env);
  } catch (error) {
    return fail(command, createOutput({ json: flags.json === true, level: 'info' }), flags, error);
  }
  const output = createOutput({ json: flags.json === true, level: config.logLevel });
  try {
    process.exitCode = await body(output, config);
  } catch (error) {
    fail(command, output, flags, error);
  }
}

/** One line on stderr (and the error as JSON with --json); exit 2 for bad usage or configuration, else 1. */
function fail(command: string, output: Output, flags: CommonFlags, error: unknown): void {
  const err = error as Error & { code?: string };
  const usage = err instanceof UsageError || err instanceof ConfigError;
  output.logger.debug({ err }, 'command failed');
  if (flags.json)
    process.stdout.write(`${JSON.stringify({ error: { name: err.name, code: err.code, message: err.message } })}\n`);
  const hint = usage ? ` (see 'astra-ingest ${command} --help')` : '';
  const reason = (err.message.split('\n')[0] ?? '').replace(/\.$/, '');
  process.stderr.write(`astra-ingest ${command}: ${reason}${hint}\n`);
  process.exitCode = usage ? 2 : 1;
}

/** The CLI; `env` is the process environment (read only through config.ts resolvers). */
export function buildProgram(env: Env): Command {
  const program = new Command('astra-ingest')
    .description('Mine speech-recognition training data from council session recordings and their minutes (actas).')
    .version(cliPackage.version, '-V, --version', 'print the version')
    .configureOutput({ outputError: oneLineError('astra-ingest') })
    .exitOverride();

  // Commander checks required options before unknown ones (`mine --inptu x.csv` would say "--input not
  // specified"); checking them here, after commander has named any unknown option, keeps the real mistake first.
  const required = new Set<Option>();
  const requiredOption = (flags: string, description: string) => {
    const option = new Option(flags, `${description} (required)`);
    required.add(option);
    return option;
  };
  program.hook('preAction', (_program, action) => {
    for (const option of action.options) {
      if (required.has(option) && action.getOptionValue(option.attributeName()) === undefined) {
        action.error(`required option '${option.flags}' not specified`, {
          code: 'commander.missingMandatoryOptionValue',
          exitCode: 2,
        });
      }
    }
  });
  const command = (spec: string) => {
    const name = spec.split(' ')[0] ?? spec;
    return withCommonFlags(program.command(spec)).configureOutput({
      outputError: oneLineError(`astra-ingest ${name}`),
    });
  };

  command('download <url>')
    .description('download the audio of a recording, normalise it to WAV 16 kHz mono and store it')
    .addOption(requiredOption('--tenant <id>', 'tenant id'))
    .option('--storage <uri>', STORAGE_HELP)
    .option('--s3-endpoint <url>', S3_ENDPOINT_HELP)
    .option('--allow-private-network', PRIVATE_NETWORK_HELP)
    .action((url: string, flags: CommonFlags & RuntimeOverrides & { tenant: string }) =>
      run('download', env, flags, async (output, config) =>
        (await import('./commands/download')).runDownloadCommand(url, flags, config, output),
      ),
    );

  command('extract <acta>')
    .description('parse an acta (DOCX or PDF) and print the structured Acta (JSON)')
    .action((acta: string, flags: CommonFlags) =>
      run('extract', env, flags, async (output) =>
        (await import('./commands/extract')).runExtractCommand(acta, output),
      ),
    );

  withAlignFlags(command('align'))
    .description('align an acta with a transcript and write train.jsonl lines')
    .addOption(requiredOption('--acta <file>', 'the acta, DOCX or PDF'))
    .addOption(
      requiredOption(
        '--transcript <file>',
        'transcript: normalised JSON, Deepgram, Whisper verbose_json, WebVTT, json3',
      ),
    )
    .addOption(requiredOption('--out <jsonl>', 'where to write the kept segments'))
    .option('--rejected <jsonl>', 'where to write the rejected segments')
    .option('--audio <uri>', 'audio_filepath to put in each line (default: the transcript path with .wav)')
    .option('--tenant <id>', 'tenant_id to put in each line (default: local)')
    .option('--session <id>', 'session_id to put in each line (default: the transcript file name)')
    .option('--source-url <url>', 'source_url to put in each line')
    .option('--language <bcp47>', 'language of the session', RUNTIME_DEFAULTS.language)
    .action((flags: CommonFlags & AlignFlags & Omit<Parameters<typeof runAlignCommand>[0], 'align'>) =>
      run('align', env, flags, async (output) =>
        (await import('./commands/align')).runAlignCommand({ ...flags, align: alignOptionsFrom(flags) }, output),
      ),
    );

  withAlignFlags(command('mine'))
    .description('run every session of a sessions CSV through the pipeline and build the dataset')
    .addOption(requiredOption('--input <csv>', 'sessions CSV (video_url, acta_path, tenant_id, ...)'))
    .option('--tenant <id>', 'tenant for rows without tenant_id; rows of other tenants are skipped')
    .option(
      '--dry-run',
      'check everything that can be checked without downloading (rows, actas, media URLs, astra-core, storage) and print the plan',
    )
    .option('--storage <uri>', STORAGE_HELP)
    .option('--s3-endpoint <url>', S3_ENDPOINT_HELP)
    .option('--allow-private-network', PRIVATE_NETWORK_HELP)
    .option('--provider <name>', PROVIDER_HELP)
    .addOption(
      new Option(
        '--transcripts <source>',
        'transcript source (default: ASTRA_TRANSCRIPTS, else astra-core if ASTRA_CORE_URL is set, else captions)',
      ).choices(['astra-core', 'captions', 'file']),
    )
    .option('--out <dir>', 'local copy of the dataset, in <dir>/<tenant>/<name>/', './astra-datasets')
    .option('--name <dataset>', 'dataset name (default: the CSV file name)')
    .option('--cut', 'also write each kept segment as its own WAV under <out>/<tenant>/<name>/wavs/')
    .option(
      '--check-timeout <sec>',
      'with --dry-run: how long one media URL or astra-core may take to answer',
      parse(positiveNumber),
      DEFAULT_DRY_RUN_OPTIONS.requestTimeoutMs / 1000,
    )
    .option(
      '--check-budget <sec>',
      'with --dry-run: time for all media URL checks; URLs left are reported as not checked',
      parse(positiveNumber),
      DEFAULT_DRY_RUN_OPTIONS.mediaBudgetMs / 1000,
    )
    .option('--concurrency <n>', 'sessions processed at once', parse(positiveInt), 2)
    .option('--no-acta', 'download and transcribe only (acta_path may be empty)')
    .option('--actas-dir <dir>', 'folder acta_path is relative to (default: the CSV folder)')
    .action((flags: CommonFlags & AlignFlags & Omit<Parameters<typeof runMineCommand>[0], 'align'>) =>
      run('mine', env, flags, async (output, config) =>
        (await import('./commands/mine')).runMineCommand({ ...flags, align: alignOptionsFrom(flags) }, config, output),
      ),
    );

  withAlignFlags(command('enqueue'))
    .description('copy each acta to storage and add one job per session to the astra-mining queue (for ingest-worker)')
    .addOption(requiredOption('--input <csv>', 'sessions CSV (video_url, acta_path, tenant_id, ...)'))
    .option('--tenant <id>', 'tenant for rows without tenant_id; rows of other tenants are skipped')
    .option('--redis <url>', REDIS_HELP)
    .option('--storage <uri>', `${STORAGE_HELP}; the workers must use the same`)
    .option('--s3-endpoint <url>', S3_ENDPOINT_HELP)
    .option('--provider <name>', PROVIDER_HELP)
    .option('--no-acta', 'download and transcribe only (acta_path may be empty)')
    .option('--actas-dir <dir>', 'folder acta_path is relative to (default: the CSV folder)')
    .option(
      '--attempts <n>',
      'tries per job for transient failures',
      parse(positiveInt),
      DEFAULT_MINING_JOB_OPTIONS.attempts,
    )
    .option(
      '--backoff-ms <ms>',
      'first retry delay, doubled on each retry',
      parse(positiveInt),
      DEFAULT_MINING_JOB_OPTIONS.backoffMs,
    )
    .action((flags: CommonFlags & AlignFlags & Omit<Parameters<typeof runEnqueueCommand>[0], 'align'>) =>
      run('enqueue', env, flags, async (output, config) =>
        (await import('./commands/enqueue')).runEnqueueCommand(
          { ...flags, align: alignOptionsFrom(flags) },
          config,
          output,
        ),
      ),
    );

  command('status')
    .description('job counts of the astra-mining queue and the failed jobs with their reasons')
    .option('--redis <url>', REDIS_HELP)
    .option('--limit <n>', 'failed jobs to list', parse(positiveInt), 100)
    .action((flags: CommonFlags & Parameters<typeof runStatusCommand>[0]) =>
      run('status', env, flags, async (output, config) =>
        (await import('./commands/status')).runStatusCommand(flags, config, output),
      ),
    );

  command('build')
    .description('build train/dev/test + report from the stored segments of a tenant')
    .addOption(requiredOption('--tenant <id>', 'tenant id'))
    .addOption(requiredOption('--name <dataset>', 'dataset name'))
    .option('--storage <uri>', STORAGE_HELP)
    .option('--s3-endpoint <url>', S3_ENDPOINT_HELP)
    .option('--out <dir>', 'also write the files to <dir>/<tenant>/<name>/')
    .option('--cut', 'with --out: each kept segment as its own WAV under <dir>/<tenant>/<name>/wavs/')
    .action((flags: CommonFlags & BuildCommandFlags) =>
      run('build', env, flags, async (output, config) =>
        (await import('./commands/build')).runBuildCommand(flags, config, output),
      ),
    );

  return program;
}
