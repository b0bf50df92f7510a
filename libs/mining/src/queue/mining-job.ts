import { z } from 'zod';
import { LABEL_STYLES, SPEAKER_MISMATCH_POLICIES } from '@astra/aligner/options';
import { sessionFailureSchema, sessionSpecSchema, type SessionSpec } from '../model';

/** The BullMQ queue shared by `astra-ingest enqueue` and ingest-worker (architecture §8). */
export const MINING_QUEUE = 'astra-mining';

/**
 * The alignment settings `enqueue` was given, carried by each job so that a worker aligns as `mine` would with
 * the same flags (absent: the aligner's defaults). Types are checked here; ranges by the aligner.
 */
export const jobAlignSchema = z.object({
  minDurationSec: z.number().optional(),
  maxDurationSec: z.number().optional(),
  maxCer: z.number().optional(),
  labelStyle: z.enum(LABEL_STYLES).optional(),
  speakerMismatch: z.enum(SPEAKER_MISMATCH_POLICIES).optional(),
});
export type JobAlignSettings = z.infer<typeof jobAlignSchema>;

/**
 * A job carries the session row and storage keys, never a local path: `enqueue` copies the acta into
 * storage first, so any worker on any machine can run it.
 */
export const miningJobSchema = z.object({
  session: sessionSpecSchema.omit({ actaPath: true, transcriptPath: true }),
  align: jobAlignSchema.optional(),
  /** `{uuid}.acta.docx` or `{uuid}.acta.pdf` in storage, when the session has an acta. */
  actaKey: z.string().optional(),
  /** Why the last attempt failed, written by the worker before it gives the job back (what `status` shows). */
  lastFailure: sessionFailureSchema.optional(),
});
export type MiningJob = z.infer<typeof miningJobSchema>;

/**
 * Retry policy of a mining job: transient failures (network, 5xx, bot checks) are retried with exponential
 * backoff starting at a minute; permanent ones fail at once (the worker throws UnrecoverableError).
 */
export const DEFAULT_MINING_JOB_OPTIONS = { attempts: 5, backoffMs: 60_000 } as const;

/** `{tenant}-{uuid}`: a repeated enqueue of the same session is a no-op (BullMQ dedupes by job id). */
export function miningJobId(session: Pick<SessionSpec, 'tenantId' | 'id'>): string {
  return `${session.tenantId}-${session.id}`;
}

/** The job for a planned session whose acta (if any) is already in storage at `actaKey`. */
export function toMiningJob(session: SessionSpec, actaKey?: string, align: JobAlignSettings = {}): MiningJob {
  const { actaPath: _actaPath, transcriptPath: _transcriptPath, ...rest } = session;
  return { session: rest, ...(actaKey ? { actaKey } : {}), ...(Object.keys(align).length > 0 ? { align } : {}) };
}
