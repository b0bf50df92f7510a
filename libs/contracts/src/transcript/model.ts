import { z } from 'zod';

/** One ASR word with times in seconds (architecture §4). `speaker` is the diarised speaker index when known. */
export const wordSchema = z.object({
  text: z.string(),
  start: z.number().finite().nonnegative(),
  end: z.number().finite().nonnegative(),
  confidence: z.number().finite().min(0).max(1).optional(),
  speaker: z.number().int().nonnegative().optional(),
});
export type Word = z.infer<typeof wordSchema>;

/** The normalised transcript: what `{uuid}.transcript.json` holds and what the aligner consumes. */
export const transcriptSchema = z.object({
  provider: z.string().min(1),
  language: z.string().min(1),
  durationSec: z.number().finite().nonnegative(),
  words: z.array(wordSchema),
});
export type Transcript = z.infer<typeof transcriptSchema>;
