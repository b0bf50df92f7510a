import { redactUrl } from '@astra/contracts';
import {
  formatFailure,
  MINING_QUEUE,
  sessionFailureSchema,
  type RuntimeConfig,
  type SessionFailure,
} from '@astra/mining';
import type { Output } from '../output';
import { openMiningQueue } from '../queue-connection';

export type StatusCommandFlags = { limit: number };

export type FailedJobInfo = {
  id: string;
  /** The failure as fields when the worker recorded it (`lastFailure`), else only `reason`. */
  failure?: SessionFailure;
  reason: string;
  attemptsMade: number;
  failedAt?: string;
  tenantId?: string;
  sessionId?: string;
  videoUrl?: string;
};

export type QueueStatus = {
  queue: string;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  delayed: number;
  /**
   * > 0 while the fleet is paused because a source answered with a bot check or 429 (the worker's manual
   * `queue.rateLimit`). The ordinary job-start limiter is not a pause and is not reported here.
   */
  sourcePausedForMs: number;
  /** The most recent failed jobs (up to --limit). */
  failures: FailedJobInfo[];
};

/**
 * BullMQ's manual `rateLimit` (what a worker does after a bot check or 429) fills the limiter key with
 * MAX_SAFE_INTEGER; ordinary job starts only count up to the limiter's max. Asking for the TTL "when at least
 * this many" therefore tells a source pause from a busy limiter.
 */
const SOURCE_PAUSE_MARK = Number.MAX_SAFE_INTEGER;

/** `astra-ingest status`: job counts of the mining queue and why failed jobs failed (architecture §7). */
export async function runStatusCommand(
  flags: StatusCommandFlags,
  config: RuntimeConfig,
  output: Output,
): Promise<number> {
  const queue = await openMiningQueue(config.redisUrl);
  let status: QueueStatus;
  try {
    const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
    const failedJobs = flags.limit > 0 ? await queue.getFailed(0, flags.limit - 1) : [];
    status = {
      queue: MINING_QUEUE,
      waiting: counts['waiting'] ?? 0,
      active: counts['active'] ?? 0,
      completed: counts['completed'] ?? 0,
      failed: counts['failed'] ?? 0,
      delayed: counts['delayed'] ?? 0,
      sourcePausedForMs: Math.max(0, await queue.getRateLimitTtl(SOURCE_PAUSE_MARK)),
      failures: failedJobs
        .filter((job) => job !== undefined)
        .map((job) => {
          const session = sessionOf(job.data);
          const failure = failureOf(job.data);
          return {
            id: job.id ?? '',
            ...(failure ? { failure } : {}),
            reason: failure ? formatFailure(failure) : (job.failedReason ?? ''),
            attemptsMade: job.attemptsMade,
            ...(job.finishedOn ? { failedAt: new Date(job.finishedOn).toISOString() } : {}),
            ...session,
          };
        }),
    };
  } finally {
    await queue.close();
  }
  output.result(status, () => formatStatus(status));
  return 0;
}

function sessionOf(data: unknown): Pick<FailedJobInfo, 'tenantId' | 'sessionId' | 'videoUrl'> {
  if (typeof data !== 'object' || data === null || !('session' in data)) return {};
  const session = (data as { session: unknown }).session;
  if (typeof session !== 'object' || session === null) return {};
  const { tenantId, id, videoUrl } = session as Record<string, unknown>;
  return {
    ...(typeof tenantId === 'string' ? { tenantId } : {}),
    ...(typeof id === 'string' ? { sessionId: id } : {}),
    // Never print a URL's credentials or signature (the job keeps the real one for the worker).
    ...(typeof videoUrl === 'string' ? { videoUrl: redactUrl(videoUrl) } : {}),
  };
}

function failureOf(data: unknown): SessionFailure | undefined {
  if (typeof data !== 'object' || data === null || !('lastFailure' in data)) return undefined;
  const parsed = sessionFailureSchema.safeParse((data as { lastFailure: unknown }).lastFailure);
  return parsed.success ? parsed.data : undefined;
}

export function formatStatus(status: QueueStatus): string {
  return [
    `queue ${status.queue}: ${status.waiting} waiting, ${status.active} active, ${status.completed} completed, ${status.failed} failed, ${status.delayed} delayed`,
    ...(status.sourcePausedForMs > 0
      ? [`paused for ${Math.ceil(status.sourcePausedForMs / 1000)} s more (the source asked us to slow down)`]
      : []),
    ...(status.failures.length > 0 ? ['failed jobs:'] : []),
    ...status.failures.map(
      (f) => `  ${f.id}  attempts ${f.attemptsMade}  ${f.reason}${f.videoUrl ? `  (${f.videoUrl})` : ''}`,
    ),
  ].join('\n');
}
