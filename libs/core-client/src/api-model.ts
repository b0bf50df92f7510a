import { languageSchema, providerSchema, tenantIdSchema } from '@astra/contracts';
import { z } from 'zod';

/** Lower-case hex sha256 of the audio bytes. */
export const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/** Session ids (the session UUID): one path-safe token, part of the Idempotency-Key. */
export const SESSION_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$';
/** Transcription ids as returned by astra-core: used in a URL path, so kept to URL-safe characters. */
export const TRANSCRIPTION_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._~-]{0,255}$';

/** Provider options. `diarize`/`punctuate` are known; anything else is passed through to astra-core. */
export const transcriptionOptionsSchema = z
  .object({ diarize: z.boolean().optional(), punctuate: z.boolean().optional() })
  .catchall(z.unknown());
export type TranscriptionOptions = z.infer<typeof transcriptionOptionsSchema>;

/** Body of `POST /v1/transcriptions` (architecture §4). */
export const transcriptionRequestSchema = z.object({
  tenantId: tenantIdSchema,
  /** `sha256` (hex) lets astra-core recognise the same audio stored under another URI (a re-run into other storage). */
  audio: z.object({ uri: z.string().min(1).max(4096), sha256: z.string().regex(SHA256_PATTERN).optional() }),
  provider: providerSchema,
  language: languageSchema,
  options: transcriptionOptionsSchema.optional(),
});
export type TranscriptionRequest = z.infer<typeof transcriptionRequestSchema>;

export const TRANSCRIPTION_STATES = ['queued', 'processing', 'completed', 'failed'] as const;
export type TranscriptionState = (typeof TRANSCRIPTION_STATES)[number];

/** Why a transcription job failed, as astra-core reports it. */
export const transcriptionJobErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  retryable: z.boolean(),
});
export type TranscriptionJobError = z.infer<typeof transcriptionJobErrorSchema>;

/**
 * Body of `200`/`202` from POST and of `GET /v1/transcriptions/{id}`. `result` is a Transcript in any
 * shape {@link normalizeTranscript} accepts, so it is checked there, not here.
 */
export const transcriptionResponseSchema = z
  .object({
    id: z.string().regex(new RegExp(TRANSCRIPTION_ID_PATTERN)),
    status: z.enum(TRANSCRIPTION_STATES),
    result: z.unknown().optional(),
    error: transcriptionJobErrorSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.status === 'completed' && value.result === undefined) {
      ctx.addIssue({ code: 'custom', path: ['result'], message: 'required when status is "completed"' });
    }
    if (value.status === 'failed' && value.error === undefined) {
      ctx.addIssue({ code: 'custom', path: ['error'], message: 'required when status is "failed"' });
    }
  });
export type TranscriptionResponse = z.infer<typeof transcriptionResponseSchema>;

/** Body of a 4xx/5xx answer. Read best-effort: a server that sends something else still yields an error. */
export const errorResponseSchema = z.object({
  error: z.object({ code: z.string().min(1), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
