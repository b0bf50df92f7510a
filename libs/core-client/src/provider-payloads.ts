import { z } from 'zod';

/**
 * The parts of provider-native payloads that {@link normalizeTranscript} reads. Objects are loose: the
 * many other fields providers send are ignored, not rejected.
 */

/** Deepgram pre-recorded (`POST /v1/listen`) word. `punctuated_word` comes with `punctuate`/`smart_format`. */
export const deepgramWordSchema = z.looseObject({
  word: z.string(),
  start: z.number(),
  end: z.number(),
  confidence: z.number().optional(),
  speaker: z.number().int().nonnegative().optional(),
  punctuated_word: z.string().optional(),
});

export const deepgramAlternativeSchema = z.looseObject({
  transcript: z.string().optional(),
  confidence: z.number().optional(),
  words: z.array(deepgramWordSchema),
});

export const deepgramChannelSchema = z.looseObject({
  alternatives: z.array(deepgramAlternativeSchema).min(1),
  detected_language: z.string().optional(),
});

/** Deepgram pre-recorded response: `metadata.duration` and `results.channels[0].alternatives[0].words`. */
export const deepgramPrerecordedSchema = z.looseObject({
  metadata: z
    .looseObject({
      request_id: z.string().optional(),
      duration: z.number().nonnegative().optional(),
      channels: z.number().int().optional(),
    })
    .optional(),
  results: z.looseObject({
    channels: z.array(deepgramChannelSchema).min(1),
  }),
});
export type DeepgramPrerecorded = z.infer<typeof deepgramPrerecordedSchema>;

/** OpenAI Whisper word (`timestamp_granularities[]=word`; local whisper adds `probability`). */
export const whisperWordSchema = z.looseObject({
  word: z.string(),
  start: z.number(),
  end: z.number(),
  probability: z.number().optional(),
});

export const whisperSegmentSchema = z.looseObject({
  id: z.number().int().optional(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  words: z.array(whisperWordSchema).optional(),
});

/** OpenAI Whisper `verbose_json`: top-level `words[]`, or `segments[].words` (local whisper), or segments only. */
export const whisperVerboseJsonSchema = z.looseObject({
  task: z.string().optional(),
  language: z.string().optional(),
  duration: z.number().nonnegative().optional(),
  text: z.string().optional(),
  words: z.array(whisperWordSchema).optional(),
  segments: z.array(whisperSegmentSchema).optional(),
});
export type WhisperVerboseJson = z.infer<typeof whisperVerboseJsonSchema>;
