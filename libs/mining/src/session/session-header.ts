import { transcriptRepairsSchema } from '@astra/contracts';
import { speakerMappingSchema } from '@astra/aligner';
import { z } from 'zod';

/**
 * The first line of `{uuid}.segments.jsonl` (architecture §3): facts about the session's alignment that the dataset
 * report shows — the transcript's provider, size and repair counts, and the acta-speaker → diarized-speaker
 * mapping the aligner learnt. Told apart from segment lines by its `session` key.
 */
export const sessionHeaderSchema = z.object({
  session: z.object({
    tenant_id: z.string(),
    session_id: z.string(),
    transcript: z.object({
      provider: z.string(),
      words: z.number().int().nonnegative(),
      repairs: transcriptRepairsSchema.optional(),
    }),
    speakers: z.array(speakerMappingSchema),
  }),
});
export type SessionHeader = z.infer<typeof sessionHeaderSchema>;

export function isSessionHeaderLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'session' in value;
}
