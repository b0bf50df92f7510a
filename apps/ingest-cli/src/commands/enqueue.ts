import type { Queue } from 'bullmq';
import {
  MINING_QUEUE,
  miningJobId,
  storeActa,
  toMiningJob,
  type JobAlignSettings,
  type RowError,
  type RuntimeConfig,
  type SessionSpec,
} from '@astra/mining';
import type { Storage } from '@astra/storage';
import {
  checkAlignArguments,
  checkDirectoryArgument,
  checkFileArgument,
  checkTenantArgument,
} from '../check-arguments';
import type { Output } from '../output';
import { planFromFlags } from '../plan-from-flags';
import { openMiningQueue } from '../queue-connection';
import { withStorage } from '../with-storage';

export type EnqueueCommandFlags = {
  input: string;
  tenant?: string;
  acta: boolean;
  actasDir?: string;
  /** Tries per job before it is failed for good (transient failures only; permanent ones fail at once). */
  attempts: number;
  /** First retry delay in ms; it doubles on each retry (BullMQ exponential backoff). */
  backoffMs: number;
  /** Alignment settings each job carries to the worker (as `mine` takes them). */
  align: JobAlignSettings;
};

/** Job name of a mining job (the queue has one kind of job; the name shows up in dashboards). */
export const MINING_JOB_NAME = 'mine';

export type EnqueuedJob = { line: number; tenantId: string; id: string; jobId: string };
export type EnqueueSummary = {
  queue: string;
  enqueued: EnqueuedJob[];
  /** Jobs that were already in the queue (any state): a repeat enqueue adds nothing. */
  alreadyQueued: Array<EnqueuedJob & { state: string }>;
  errors: RowError[];
};

/**
 * `astra-ingest enqueue`: validates sessions.csv as `mine` does, copies each acta into storage (workers only
 * read storage), and adds one job per session with id `{tenant}-{uuid}` (architecture §8). Bad rows are reported
 * with their line and the good ones are still enqueued (exit 1 when any row was bad).
 */
export async function runEnqueueCommand(
  flags: EnqueueCommandFlags,
  config: RuntimeConfig,
  output: Output,
): Promise<number> {
  checkAlignArguments(flags.align);
  checkTenantArgument('--tenant', flags.tenant);
  await checkFileArgument('--input', flags.input);
  if (flags.actasDir) await checkDirectoryArgument('--actas-dir', flags.actasDir);
  // Workers transcribe with astra-core or captions; a local transcript file cannot travel in a job.
  const plan = await planFromFlags(flags, config, 'astra-core', output);
  return withStorage(config, output, async (storage) => {
    const summary: EnqueueSummary = { queue: MINING_QUEUE, enqueued: [], alreadyQueued: [], errors: [...plan.errors] };
    const queue = await openMiningQueue(config.redisUrl);
    try {
      for (const session of plan.sessions) {
        await enqueueSession(queue, storage, session, flags, summary, output);
      }
    } finally {
      await queue.close();
    }
    summary.errors.sort((a, b) => a.line - b.line);
    for (const error of summary.errors) output.logger.warn({ line: error.line }, `row rejected: ${error.reason}`);
    output.result(summary, () => formatEnqueueSummary(summary));
    return summary.errors.length > 0 ? 1 : 0;
  });
}

async function enqueueSession(
  queue: Queue,
  storage: Storage,
  session: SessionSpec,
  flags: EnqueueCommandFlags,
  summary: EnqueueSummary,
  output: Output,
): Promise<void> {
  const jobId = miningJobId(session);
  const entry = { line: session.line, tenantId: session.tenantId, id: session.id, jobId };
  const existing = await queue.getJob(jobId);
  if (existing) {
    summary.alreadyQueued.push({ ...entry, state: await queue.getJobState(jobId) });
    return;
  }
  let actaKey: string | undefined;
  if (session.actaPath) {
    try {
      actaKey = (await storeActa(storage, session)).key;
    } catch (error) {
      summary.errors.push({
        line: session.line,
        reason: `acta_path: could not copy it to storage: ${(error as Error).message.split('\n')[0]}`,
      });
      return;
    }
  }
  const added = await queue.add(MINING_JOB_NAME, toMiningJob(session, actaKey, flags.align), {
    jobId,
    attempts: flags.attempts,
    backoff: { type: 'exponential', delay: flags.backoffMs },
  });
  // Another enqueue may have added the same id between getJob and add: BullMQ then keeps the stored job and
  // returns ours, so compare creation times.
  const stored = await queue.getJob(jobId);
  if (stored && stored.timestamp !== added.timestamp) {
    summary.alreadyQueued.push({ ...entry, state: await queue.getJobState(jobId) });
    return;
  }
  output.logger.debug({ jobId, line: session.line }, 'job enqueued');
  summary.enqueued.push(entry);
}

export function formatEnqueueSummary(summary: EnqueueSummary): string {
  const lines = [
    ...summary.enqueued.map((job) => `  line ${job.line}: enqueued ${job.jobId}`),
    ...summary.alreadyQueued.map((job) => `  line ${job.line}: already queued ${job.jobId} (${job.state})`),
    ...summary.errors.map((error) => `  line ${error.line}: ERROR ${error.reason}`),
  ];
  lines.sort((a, b) => lineOf(a) - lineOf(b));
  return [
    ...lines,
    `queue ${summary.queue}: ${summary.enqueued.length} enqueued, ${summary.alreadyQueued.length} already queued, ${summary.errors.length} bad rows`,
  ].join('\n');
}

function lineOf(text: string): number {
  return Number(/line (\d+)/.exec(text)?.[1] ?? 0);
}
