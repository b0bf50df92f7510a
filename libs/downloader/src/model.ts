import { z } from 'zod';

// The shared Logger: internal modules import it from here.
export { silentLogger, type Logger } from '@astra/contracts';

export type DownloadStage = 'metadata' | 'download' | 'normalise' | 'verify';

export type DownloadProgress = {
  stage: DownloadStage;
  /** 0..100 within the stage, when known. */
  percent?: number;
  downloadedBytes?: number;
  totalBytes?: number;
  etaSec?: number;
  speedBps?: number;
};

/** What yt-dlp said about the source (a subset of its info JSON). */
export type SourceMetadata = {
  id: string;
  title?: string;
  durationSec?: number;
  uploader?: string;
  /** `YYYY-MM-DD` (yt-dlp's `upload_date`; for direct links it is the HTTP Last-Modified date). */
  uploadDate?: string;
  webpageUrl: string;
  extractor: string;
  /** The URL that was asked for, as given. */
  url: string;
};

/** Versions of the binaries that produced a result (`yt-dlp --version`, `ffmpeg -version`, `ffprobe -version`). */
export type ToolVersions = {
  ytDlp: string;
  ffmpeg: string;
  ffprobe: string;
};

export type CaptionTrack = {
  /** yt-dlp's language key (`es`, `es-419`, `en-orig`, ...). */
  language: string;
  format: 'vtt' | 'json3' | 'srt' | (string & {});
  /** True for automatic (ASR) captions, false for subtitles uploaded by a person. */
  automatic: boolean;
  text: string;
};

/** `null` and a missing key both come out as an absent key. */
function optional<T extends z.ZodType>(schema: T) {
  return schema
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();
}
const optionalString = optional(z.string());
const optionalNumber = optional(z.number());

/** The `ASTRA-META` line printed by yt-dlp (`%(.{...})j`): missing fields are absent, never null. */
export const ytDlpMetaSchema = z.object({
  id: z.string().min(1),
  title: optionalString,
  fulltitle: optionalString,
  duration: optionalNumber,
  uploader: optionalString,
  upload_date: optionalString,
  webpage_url: optionalString,
  extractor: optionalString,
  extractor_key: optionalString,
  ext: optionalString,
  filesize: optionalNumber,
  filesize_approx: optionalNumber,
  is_live: optional(z.boolean()),
});
export type YtDlpMeta = z.infer<typeof ytDlpMetaSchema>;

/** One `ASTRA-PROGRESS` line (`%(progress)j`). */
export const ytDlpProgressSchema = z.object({
  status: z.string(),
  downloaded_bytes: optionalNumber,
  total_bytes: optionalNumber,
  total_bytes_estimate: optionalNumber,
  eta: optionalNumber,
  speed: optionalNumber,
});
export type YtDlpProgress = z.infer<typeof ytDlpProgressSchema>;

const subtitleFormatSchema = z.object({ ext: optionalString });

/** The `ASTRA-SUBS` line of fetchCaptions: which tracks yt-dlp will write, and which are human subtitles. */
export const ytDlpSubtitlesSchema = z.object({
  requested_subtitles: z
    .record(z.string(), subtitleFormatSchema)
    .nullish()
    .transform((value) => value ?? {}),
  subtitles: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((value) => value ?? {}),
});

/** The part of `ffprobe -show_streams -show_format -of json` this lib reads. */
export const ffprobeOutputSchema = z.object({
  streams: z
    .array(
      z.object({
        index: z.number(),
        codec_type: optionalString,
        codec_name: optionalString,
        channels: optionalNumber,
        sample_rate: optionalString,
        duration: optionalString,
      }),
    )
    .default([]),
  format: z
    .object({
      format_name: optionalString,
      duration: optionalString,
    })
    .optional(),
});
export type FfprobeOutput = z.infer<typeof ffprobeOutputSchema>;
