import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
  | 'socketTimeoutSec'
  | 'timeoutMs'
  | 'stallTimeoutMs'
  | 'extraYtDlpArgs'
>;

export type EnsureAudioOptions = {
  download?: DownloadSettings;
  /** Parent of the temp dir that holds the WAV until it is in storage; the dir is always removed. */
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

  const workDir = await mkdtemp(path.join(options.tmpRoot ?? os.tmpdir(), 'astra-mine-'));
  try {
    const audio = await downloadAudio(session.videoUrl, {
      ...options.download,
      outputPath: path.join(workDir, `${session.id}.wav`),
      tmpRoot: workDir,
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const signalOption = options.signal ? { signal: options.signal } : {};
    await storage.putFile(keys.audio, audio.path, { contentType: 'audio/wav', ...signalOption });
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
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
