import { z } from 'zod';

/** Where a session's transcript comes from (DESIGN §4, "other transcript sources"). */
export const transcriptSourceKindSchema = z.enum(['astra-core', 'captions', 'file']);
export type TranscriptSourceKind = z.infer<typeof transcriptSourceKindSchema>;

/**
 * One validated row of sessions.csv: everything a miner (the CLI or a worker) needs to process it.
 * `actaKey`/`transcriptPath` are set by whoever plans the run: a local `actaPath` is copied into
 * storage at `actaKey` first, so workers on other machines only ever read storage.
 */
export const sessionSpecSchema = z.object({
  /** Line of the CSV file (header = 1); 0 when the session did not come from a CSV. */
  line: z.number().int().nonnegative(),
  tenantId: z.string(),
  /** UUIDv5 of tenant + canonical video URL (DESIGN §3). */
  id: z.uuid(),
  videoUrl: z.url(),
  /** Absolute path of the acta DOCX on the planning machine, when there is one. */
  actaPath: z.string().optional(),
  /** Absolute path of a transcript JSON on disk (`--transcripts file`, CSV column `transcript_path`). */
  transcriptPath: z.string().optional(),
  /** The caller's own id (CSV column `session_id`), kept as metadata. */
  externalId: z.string().optional(),
  language: z.string(),
  provider: z.string(),
  /** Every other CSV column, kept on the session and its segments. */
  metadata: z.record(z.string(), z.string()),
});
export type SessionSpec = z.infer<typeof sessionSpecSchema>;

/** A CSV row that could not become a session: reported with its line, the rest goes on. */
export type RowError = { line: number; reason: string };

export type SessionStage = 'acta' | 'download' | 'transcribe' | 'align';

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
      stage: SessionStage;
      reason: string;
      code?: string;
      retryable: boolean;
      error: Error;
    };

export type StageProgress = {
  sessionId: string;
  stage: SessionStage;
  state: 'start' | 'skip' | 'progress' | 'done';
  percent?: number;
  detail?: string;
};

/** Minimal logger accepted by the lib (pino fits); silent by default. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
