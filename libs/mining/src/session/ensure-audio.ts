import { downloadAudio, type DownloadAudioOptions, type DownloadProgress } from '@astra/downloader';
import { redactUrl, type Logger } from '@astra/contracts';
import { sessionKeys, type Storage } from '@astra/storage';
import type { SessionSpec } from '../model';
import { sourceRecordSchema, type SourceRecord } from './source-record';

export type DownloadSettings = Pick<
  DownloadAudioOptions,
  | 'ytDlpPath'
  | 'ffmpegPath'
  | 'ffprobePath'
  | 'allowedHosts'
  | 'allowPrivateNetwork'
  | 'socketTimeoutSec'
  | 'timeoutMs'
  | 'stallTimeoutMs'
  | 'extraYtDlpArgs'
  | 'toolVersions'
  | 'toolVersionsCacheFile'
>;

export type EnsureAudioOptions = {
  download?: DownloadSettings;
  /**
   * Parent of the download's temp dir (always removed). On the file system of a `file://` storage, the WAV is
   * renamed into place instead of copied.
   */
  tmpRoot?: string;
  maxJsonBytes?: number;
  signal?: AbortSignal;
  onProgress?: (event: DownloadProgress) => void;
  logger?: Logger;
};

export type EnsureAudioResult = { record: SourceRecord; downloaded: boolean };

type AudioSession = Pick<SessionSpec, 'tenantId' | 'id' | 'videoUrl' | 'externalId' | 'metadata'>;

const MAX_SOURCE_JSON_BYTES = 1024 * 1024;

/**
 * Makes sure `{uuid}.wav` and `{uuid}.source.json` are in storage, downloading and normalising the audio
 * only when they are not. source.json is written after the WAV, so its presence means a complete download.
 */
export async function ensureAudio(
  storage: Storage,
  session: AudioSession,
  options: EnsureAudioOptions = {},
): Promise<EnsureAudioResult> {
  const keys = sessionKeys(session.tenantId, session.id);
  if ((await storage.exists(keys.source)) && (await storage.exists(keys.audio))) {
    const bytes = await storage.getBytes(keys.source, { maxBytes: MAX_SOURCE_JSON_BYTES });
    return { record: sourceRecordSchema.parse(JSON.parse(bytes.toString('utf8'))), downloaded: false };
  }

  const signalOption = options.signal ? { signal: options.signal } : {};
  // One pass: the storage takes the verified WAV from the download's temp dir (a rename for file storage, a
  // multipart upload for S3) and hashes it in that same read.
  const audio = await downloadAudio(session.videoUrl, {
    ...options.download,
    publish: async (wav, context) => {
      const put = await storage.putFile(keys.audio, wav.path, {
        contentType: 'audio/wav',
        move: true,
        sha256: true,
        signal: context.signal,
      });
      if (put.sha256 === undefined) throw new Error(`The storage returned no SHA-256 for ${keys.audio}`);
      return { location: put.uri, sha256: put.sha256 };
    },
    ...(options.tmpRoot ? { tmpRoot: options.tmpRoot } : {}),
    ...signalOption,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const record: SourceRecord = {
    tenantId: session.tenantId,
    sessionId: session.id,
    // URLs may carry credentials or signatures: only their redacted form is stored.
    sourceUrl: redactUrl(session.videoUrl),
    ...(session.externalId ? { externalId: session.externalId } : {}),
    metadata: session.metadata,
    source: { ...audio.source, url: redactUrl(audio.source.url), webpageUrl: redactUrl(audio.source.webpageUrl) },
    sha256: audio.sha256,
    bytes: audio.bytes,
    durationSec: audio.durationSec,
    sampleRate: audio.sampleRate,
    channels: audio.channels,
    tools: { ...audio.tools },
  };
  await storage.put(keys.source, `${JSON.stringify(record, null, 2)}\n`, {
    contentType: 'application/json',
    ...signalOption,
  });
  return { record, downloaded: true };
}
