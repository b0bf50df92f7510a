/**
 * `@astra/mining/audio`: a session's audio step alone (download, normalise, store), for `astra-ingest download`,
 * which should cost no more than `yt-dlp -x` and so must not load the rest of the pipeline.
 */
export { ensureAudio } from './session/ensure-audio';
export type { DownloadSettings, EnsureAudioOptions, EnsureAudioResult } from './session/ensure-audio';
