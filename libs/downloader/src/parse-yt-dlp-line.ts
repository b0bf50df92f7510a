import { LINE_PREFIX } from './build-tool-args';
import {
  ytDlpMetaSchema,
  ytDlpProgressSchema,
  ytDlpSubtitlesSchema,
  type DownloadProgress,
  type SourceMetadata,
  type YtDlpMeta,
  type YtDlpProgress,
} from './model';

export type YtDlpSubtitles = {
  /** Language → file extension of each track yt-dlp writes. */
  requested: Record<string, string>;
  /** Languages that have human subtitles (the others are automatic captions). */
  humanLanguages: Set<string>;
};

export type YtDlpLine =
  | { kind: 'meta'; meta: YtDlpMeta }
  | { kind: 'progress'; progress: YtDlpProgress }
  | { kind: 'subs'; subs: YtDlpSubtitles }
  | { kind: 'other' };

/** Recognises the lines yt-dlp prints for this lib (see build-tool-args); anything else, or bad JSON, is `other`. */
export function parseYtDlpLine(line: string): YtDlpLine {
  if (line.startsWith(LINE_PREFIX.progress)) {
    const parsed = ytDlpProgressSchema.safeParse(parseJson(line.slice(LINE_PREFIX.progress.length)));
    return parsed.success ? { kind: 'progress', progress: parsed.data } : { kind: 'other' };
  }
  if (line.startsWith(LINE_PREFIX.meta)) {
    const parsed = ytDlpMetaSchema.safeParse(parseJson(line.slice(LINE_PREFIX.meta.length)));
    return parsed.success ? { kind: 'meta', meta: parsed.data } : { kind: 'other' };
  }
  if (line.startsWith(LINE_PREFIX.subs)) {
    const parsed = ytDlpSubtitlesSchema.safeParse(parseJson(line.slice(LINE_PREFIX.subs.length)));
    if (!parsed.success) return { kind: 'other' };
    const requested: Record<string, string> = {};
    for (const [language, track] of Object.entries(parsed.data.requested_subtitles)) {
      if (track.ext) requested[language] = track.ext;
    }
    return { kind: 'subs', subs: { requested, humanLanguages: new Set(Object.keys(parsed.data.subtitles)) } };
  }
  return { kind: 'other' };
}

/** yt-dlp's progress dict as a `download` stage event. */
export function toDownloadProgress(progress: YtDlpProgress): DownloadProgress {
  const total = progress.total_bytes ?? progress.total_bytes_estimate;
  const downloaded = progress.downloaded_bytes;
  const event: DownloadProgress = { stage: 'download' };
  if (downloaded !== undefined) event.downloadedBytes = downloaded;
  if (total !== undefined && total > 0) event.totalBytes = Math.round(total);
  if (progress.status === 'finished') event.percent = 100;
  else if (downloaded !== undefined && total !== undefined && total > 0) {
    event.percent = Math.min(100, Math.round((downloaded / total) * 1000) / 10);
  }
  if (progress.eta !== undefined) event.etaSec = progress.eta;
  if (progress.speed !== undefined) event.speedBps = Math.round(progress.speed);
  return event;
}

/** The metadata subset stored next to the audio (`{uuid}.source.json`). */
export function toSourceMetadata(meta: YtDlpMeta, url: string): SourceMetadata {
  const source: SourceMetadata = {
    id: meta.id,
    webpageUrl: meta.webpage_url ?? url,
    extractor: meta.extractor ?? meta.extractor_key ?? 'unknown',
    url,
  };
  const title = meta.title ?? meta.fulltitle;
  if (title !== undefined) source.title = title;
  if (meta.duration !== undefined && Number.isFinite(meta.duration) && meta.duration > 0)
    source.durationSec = meta.duration;
  if (meta.uploader !== undefined) source.uploader = meta.uploader;
  const uploadDate = toIsoDate(meta.upload_date);
  if (uploadDate !== undefined) source.uploadDate = uploadDate;
  return source;
}

function toIsoDate(value: string | undefined): string | undefined {
  const match = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
