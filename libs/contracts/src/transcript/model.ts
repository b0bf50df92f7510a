import { z } from 'zod';

/** One ASR word with times in seconds (docs/architecture.md §4). `speaker` is the diarised speaker index when known. */
export const wordSchema = z.object({
  text: z.string(),
  start: z.number().finite().nonnegative(),
  end: z.number().finite().nonnegative(),
  confidence: z.number().finite().min(0).max(1).optional(),
  speaker: z.number().int().nonnegative().optional(),
});
export type Word = z.infer<typeof wordSchema>;

const count = z.number().int().nonnegative();

/**
 * What transcript validation repaired, by kind (word counts). Word-timestamp ASR jitters: these are the small
 * defects that are fixed rather than rejected, kept so logs and the dataset report can show them.
 */
export const transcriptRepairsSchema = z.object({
  /** Words starting before the previous word's start by at most the inversion tolerance (order kept, times fixed). */
  inversions: count,
  /** Words ending after the next word starts (the two meet at a shared boundary). */
  overlaps: count,
  /** Words ending before they start (made consistent with their neighbours). */
  endsBeforeStart: count,
  /** Words more than the inversion tolerance out of time order, moved to their place by start time. */
  reordered: count,
  /** Words ending (at most the duration tolerance) past `durationSec`, clamped to it. */
  clampedToDuration: count,
  /** Blank words removed. */
  droppedEmpty: count,
});
export type TranscriptRepairs = z.infer<typeof transcriptRepairsSchema>;

/** The normalised transcript: what `{uuid}.transcript.json` holds and what the aligner consumes. */
export const transcriptSchema = z.object({
  provider: z.string().min(1),
  language: z.string().min(1),
  durationSec: z.number().finite().nonnegative(),
  words: z.array(wordSchema),
  /** Set by validation when it repaired something (counts accumulate over re-validations). */
  repairs: transcriptRepairsSchema.optional(),
});
export type Transcript = z.infer<typeof transcriptSchema>;
