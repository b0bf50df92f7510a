import { z } from 'zod';

/** `{uuid}.source.json`: where the audio came from and what it is (architecture §3). Written after the WAV. */
export const sourceRecordSchema = z.object({
  tenantId: z.string(),
  sessionId: z.string(),
  sourceUrl: z.string(),
  externalId: z.string().optional(),
  metadata: z.record(z.string(), z.string()),
  /** Subset of yt-dlp's metadata (id, title, uploader, upload date, webpage URL, extractor). */
  source: z.record(z.string(), z.unknown()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  durationSec: z.number().nonnegative(),
  sampleRate: z.number().int().positive(),
  channels: z.number().int().positive(),
  tools: z.record(z.string(), z.string()),
});
export type SourceRecord = z.infer<typeof sourceRecordSchema>;
