export { downloadAudio, resolveDownloadAudioOptions, DEFAULT_DOWNLOAD_AUDIO_OPTIONS } from './download-audio';
export type {
  DownloadAudioOptions,
  DownloadAudioResult,
  PublishableWav,
  PublishedWav,
  PublishWav,
  ResolvedDownloadAudioOptions,
  SourceMediaInfo,
} from './download-audio';
export { fetchCaptions, resolveFetchCaptionsOptions, DEFAULT_FETCH_CAPTIONS_OPTIONS } from './fetch-captions';
export type { FetchCaptionsOptions, ResolvedFetchCaptionsOptions } from './fetch-captions';
export { probeTools, DEFAULT_PROBE_TOOLS_OPTIONS } from './probe-tools';
export type { ProbeToolsOptions } from './probe-tools';
export { validateMediaUrl, isHostAllowed } from './validate-media-url';
export { classifyAddress, isAddressAllowed, resolveEgressPolicy } from './egress-policy';
export type { AddressCategory, EgressPolicyOptions, ResolvedEgressPolicy, ResolveHost } from './egress-policy';
export { startEgressProxy } from './start-egress-proxy';
export type { EgressProxy, EgressProxyOptions, EgressRefusal } from './start-egress-proxy';
export { sweepStaleTempDirs } from './sweep-stale-temp-dirs';
export { TEMP_DIR_PREFIX } from './job-dir';
export { DownloadError, isDownloadError, RETRYABLE_BY_CODE } from './errors';
export type { DownloadErrorCode, DownloadErrorOptions } from './errors';
export type { CaptionTrack, DownloadProgress, DownloadStage, SourceMetadata, ToolVersions } from './model';
