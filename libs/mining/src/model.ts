import { languageSchema, providerSchema, tenantIdSchema } from '@astra/contracts';
import { z } from 'zod';

/**
 * One validated row of sessions.csv: everything a miner (the CLI or a worker) needs to process it.
 * `actaKey`/`transcriptPath` are set by whoever plans the run: a local `actaPath` is copied into
 * storage at `actaKey` first, so workers on other machines only ever read storage.
 */
export const sessionSpecSchema = z.object({
  /** Line of the CSV file (header = 1); 0 when the session did not come from a CSV. */
  line: z.number().int().nonnegative(),
  tenantId: tenantIdSchema,
  /** UUIDv5 of tenant + canonical video URL (architecture §3). */
  id: z.uuid(),
  videoUrl: z.url(),
  /** Absolute path of the acta DOCX on the planning machine, when there is one. */
  actaPath: z.string().optional(),
  /** Absolute path of a transcript JSON on disk (`--transcripts file`, CSV column `transcript_path`). */
  transcriptPath: z.string().optional(),
  /** The caller's own id (CSV column `session_id`), kept as metadata. */
  externalId: z.string().optional(),
  language: languageSchema,
  provider: providerSchema,
  /** Every other CSV column, kept on the session and its segments. */
  metadata: z.record(z.string(), z.string()),
});
export type SessionSpec = z.infer<typeof sessionSpecSchema>;

/** A CSV row that could not become a session: reported with its line, the rest goes on. */
export type RowError = { line: number; reason: string };

export const SESSION_STAGES = ['acta', 'download', 'transcribe', 'align'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/**
 * Why a session failed, as fields (formatted only where it is shown): the stage, the failing error's stable
 * `code`, whether a retry can help, and its first line. The worker stores it on the job; `status` prints it.
 */
export const sessionFailureSchema = z.object({
  stage: z.enum([...SESSION_STAGES, 'job']),
  code: z.string(),
  retryable: z.boolean(),
  message: z.string(),
});
export type SessionFailure = z.infer<typeof sessionFailureSchema>;

/** What happened to one session in a run. */
export type SessionOutcome =
  | {
      status: 'ok';
      session: SessionSpec;
      audioSec: number;
      keptSec: number;
      kept: number;
      rejected: number;
      /** Stages that did real work this run (the others were found in storage). */
      ran: SessionStage[];
    }
  | {
      status: 'failed';
      session: SessionSpec;
      failure: SessionFailure & { stage: SessionStage };
      /** The error itself, for logs (never shown to users as is: it may be long). */
      error: Error;
    };

export type StageProgress = {
  sessionId: string;
  stage: SessionStage;
  state: 'start' | 'skip' | 'progress' | 'done';
  percent?: number;
  /** Bytes per second while downloading. */
  speedBps?: number;
  detail?: string;
};

/** `[download/not_found] HTTP Error 404` — the one text form of a failure, for logs, BullMQ and terminals. */
export function formatFailure(failure: SessionFailure): string {
  return `[${failure.stage}/${failure.code}] ${failure.message}`;
}
