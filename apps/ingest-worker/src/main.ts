import { pino } from 'pino';
import { checkNodeSupport, ConfigError } from '@astra/mining';
import { resolveWorkerConfig, type WorkerConfig } from './config';
import { SHUTDOWN_GRACE_MS, startIngestWorker } from './start-ingest-worker';

/**
 * `astra-ingest-worker`: configured by env only (see README). SIGTERM/SIGINT → graceful shutdown (exit 0);
 * a second signal cancels the active jobs at once instead of waiting for the deadline.
 */
const bootLogger = pino({ base: undefined });
let config: WorkerConfig;
try {
  config = resolveWorkerConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  bootLogger.fatal({ variable: error.setting }, `invalid configuration: ${error.message}`);
  process.exit(2);
}

const logger = pino({
  level: config.runtime.logLevel,
  base: { worker: config.name },
  redact: {
    paths: ['token', '*.token', 'authorization', '*.authorization', 'password', '*.password'],
    censor: '[redacted]',
  },
});

process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

// An unsupported or end-of-life Node.js is worth one warning at start, never a refusal to run.
const nodeProblem = checkNodeSupport({ version: process.versions.node, now: new Date(), env: process.env });
if (nodeProblem) {
  const { status, version, endOfLife } = nodeProblem;
  logger.warn({ node: version, status, endOfLife }, nodeProblem.message);
}

const ingestWorker = await startIngestWorker({ config, logger }).catch((error: unknown) => {
  logger.fatal({ err: error }, `worker could not start: ${(error as Error).message}`);
  process.exit(1);
});

let signals = 0;
const onSignal = (signal: NodeJS.Signals) => {
  signals += 1;
  if (signals > 1) {
    logger.warn({ signal }, 'second signal: cancelling active jobs now');
    ingestWorker.cancelActiveJobs();
    return;
  }
  // The last line of defence: whatever hangs, the process is gone soon after its deadline.
  setTimeout(
    () => {
      logger.error({ signal }, 'shutdown overran its deadline: exiting now');
      process.exit(1);
    },
    config.shutdownTimeoutMs + SHUTDOWN_GRACE_MS + 2_000,
  ).unref();
  ingestWorker
    .shutdown(signal)
    .then((clean) => {
      process.exitCode = clean ? 0 : 1;
    })
    .catch((error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exitCode = 1;
    })
    .finally(() => {
      // Connections are closed; leave a moment for the logs to flush, then make sure nothing keeps us alive.
      setTimeout(() => process.exit(), 200).unref();
    });
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);
