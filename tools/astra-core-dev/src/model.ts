import type { Logger } from '@astra/contracts';
import { transcriptionJobErrorSchema } from '@astra/core-client';
import { z } from 'zod';

const on = z.enum(['submit', 'poll']).optional();

/**
 * One injected misbehaviour, applied to the next request (or the next `submit`/`poll` request when
 * `on` is set), in queue order:
 * - `{ status, retryAfterSec?, retryAfterHeader?, body? }`: answer with that status (default body
 *   `{ error: { code: "injected_<status>", message } }`), `Retry-After` in seconds or verbatim;
 * - `{ malformed: true }`: 200 with a truncated JSON body;
 * - `{ oversizedBytes, declareLength? }`: 200 with a (valid JSON) body of that many bytes, streamed;
 *   `Content-Length` only when `declareLength`;
 * - `{ hangMs }`: wait that long, then handle the request normally (dropped if the client left);
 * - `{ dropConnection: true }`: destroy the socket without answering;
 * - `{ failJob: { code, message, retryable } }`: the job this request creates or polls fails.
 */
export const coreDevFaultSchema = z.union([
  z.strictObject({
    on,
    status: z.number().int().min(200).max(599),
    retryAfterSec: z.number().nonnegative().optional(),
    retryAfterHeader: z.string().optional(),
    body: z.unknown().optional(),
  }),
  z.strictObject({ on, malformed: z.literal(true) }),
  z.strictObject({ on, oversizedBytes: z.number().int().positive(), declareLength: z.boolean().optional() }),
  z.strictObject({ on, hangMs: z.number().int().nonnegative() }),
  z.strictObject({ on, dropConnection: z.literal(true) }),
  z.strictObject({ on, failJob: transcriptionJobErrorSchema }),
]);
export type CoreDevFault = z.infer<typeof coreDevFaultSchema>;

export type CoreDevMode = 'sync' | 'async';

export type CoreDevServerOptions = {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Folder of transcripts: `index.json` (audio URI → file name) when present, else
   * `<basename of the URI without extension>.json` or `.transcript.json`.
   */
  transcriptsDir?: string;
  /** Audio URI → payload (any shape the client normalises); looked up before `transcriptsDir`. */
  transcripts?: ReadonlyMap<string, unknown>;
  /** `sync`: POST answers 200 with the result. `async`: 202, then polls. Default `sync`. */
  mode?: CoreDevMode;
  /** Async mode: polls answered `processing` before the one that answers `completed`. Default 2. */
  asyncSteps?: number;
  /** Delay before every answer. Default 0. */
  latencyMs?: number;
  /** When set, every request needs `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** Injected misbehaviours, consumed in order. */
  faults?: readonly CoreDevFault[];
  /** Request bodies above this get 413. Default 1 MiB. */
  maxRequestBytes?: number;
  /** Transcript files above this get 500. Default 256 MiB. */
  maxTranscriptBytes?: number;
  logger?: Logger;
};

/** A request as the server saw it. Never holds the token; the audio URI loses its query string. */
export type RecordedRequest = {
  method: string;
  path: string;
  idempotencyKey: string | undefined;
  /** `missing`, `valid` or `invalid` bearer token (its value is never kept). */
  authorization: 'missing' | 'valid' | 'invalid';
  /** Parsed JSON body (POST), with `audio.uri` redacted. */
  body: unknown;
  /** Status answered; 0 when the connection was dropped or the client left first. */
  status: number;
  /** Kind of the fault applied to this request, if any. */
  fault: string | undefined;
};

export type CoreDevStats = {
  /** POSTs that reached the submit logic. */
  submissions: number;
  /** Jobs created, i.e. actual transcriptions (idempotent replays excluded). */
  transcriptions: number;
  /** POSTs answered from an existing job of the same Idempotency-Key. */
  replays: number;
  /** GETs of a job. */
  polls: number;
};

export type CoreDevServer = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Live list of recorded requests. */
  requests: RecordedRequest[];
  stats(): CoreDevStats;
  /** Queues more faults. */
  addFaults(...faults: CoreDevFault[]): void;
  /** Faults not yet consumed. */
  pendingFaults(): number;
  /** Forgets requests, jobs, idempotency keys, stats and pending faults. */
  reset(): void;
  /** Stops listening, drops open connections and pending hangs. */
  close(): Promise<void>;
};
