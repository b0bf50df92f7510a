import os from 'node:os';
import path from 'node:path';
import { buildDownloadArgs, checkExtraYtDlpArgs } from './build-tool-args';
import { checkDecodedDuration } from './check-decoded-duration';
import { decodeAudio } from './decode-audio';
import { resolveEgressPolicy, type EgressPolicyOptions, type ResolvedEgressPolicy } from './egress-policy';
import { DownloadError, isDownloadError } from './errors';
import { hashFile } from './hash-file';
import { createJobDir, removeJobDir } from './job-dir';
import { createJobSignal, createStallWatchdog, toJobError, type JobSignal } from './job-signal';
import {
  silentLogger,
  type DownloadProgress,
  type Logger,
  type SourceMetadata,
  type ToolVersions,
  type YtDlpMeta,
} from './model';
import { parseYtDlpLine, toDownloadProgress, toSourceMetadata } from './parse-yt-dlp-line';
import { probeMedia, type MediaProbe } from './probe-media';
import { probeTools } from './probe-tools';
import { publishFile } from './publish-file';
import type { FfmpegInputReport } from './read-ffmpeg-input';
import { TARGET_CHANNELS, TARGET_SAMPLE_RATE, verifyWavFile } from './read-wav-header';
import { redactText, redactUrl } from '@astra/contracts';
import { requirePositive } from './require-positive';
import { startTool, type RunToolResult } from './run-tool';
import { egressRefusalError, startEgressProxy, type EgressProxy } from './start-egress-proxy';
import { tapSource, type DecidedSniff } from './tap-source';
import { missingOutputError, toolFailureError } from './tool-failure-error';
import { validateMediaUrl } from './validate-media-url';

/** The verified WAV, still inside the job dir (removed after `publish` returns). */
export type PublishableWav = { path: string; bytes: number; durationSec: number };

/** Where `publish` put the WAV, and its SHA-256 (computed while reading it, if it read it). */
export type PublishedWav = { location: string; sha256: string };

/**
 * Stores the verified WAV instead of moving it to `outputPath`, e.g. by moving or streaming it into object
 * storage while hashing it, so that the WAV is read at most once after ffmpeg wrote it. Its errors are thrown
 * as they are (not wrapped).
 */
export type PublishWav = (wav: PublishableWav, context: { signal: AbortSignal }) => Promise<PublishedWav>;

export type DownloadAudioOptions = EgressPolicyOptions & {
  /** Where the final WAV goes (the caller owns it); written atomically. Give this or `publish`. */
  outputPath?: string;
  /** Stores the verified WAV itself (see PublishWav). Give this or `outputPath`. */
  publish?: PublishWav;
  /** Parent of the per-job temp dir `astra-dl-*` (default: the OS temp dir). */
  tmpRoot?: string;
  ytDlpPath?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  /** yt-dlp `--socket-timeout`; also the egress proxy's connect timeout. */
  socketTimeoutSec?: number;
  /** Whole job: download, normalisation, checks and publishing. */
  timeoutMs?: number;
  /** A tool that reports no progress for this long is killed (`stalled`). */
  stallTimeoutMs?: number;
  /** Largest download accepted (`too_large` beyond): refused on its declared size, and cut off at this many bytes. */
  maxBytes?: number;
  /** Longest source accepted (`too_large` beyond); at most ~37 h, the limit of a 16 kHz mono WAV. */
  maxDurationSec?: number;
  /** Versions probed earlier (e.g. once per worker); probed per job when absent. */
  toolVersions?: ToolVersions;
  /** When probing per job: remember the versions per binary in this file (see `probeTools`). */
  toolVersionsCacheFile?: string;
  signal?: AbortSignal;
  onProgress?: (event: DownloadProgress) => void;
  logger?: Logger;
  /** Extra yt-dlp arguments (e.g. `--cookies FILE`), placed before `--`; options that run commands, move files or bypass the egress proxy are refused. */
  extraYtDlpArgs?: readonly string[];
};

/** What was downloaded (before normalisation). */
export type SourceMediaInfo = {
  /** Extension yt-dlp gave the format (`webm`, `m4a`, ...). */
  ext: string;
  audioCodec?: string;
  bytes: number;
  declaredDurationSec?: number;
  /** True when it was decoded while it downloaded; false when it had to be complete first (e.g. MP4 with its index at the end). */
  decodedWhileDownloading: boolean;
};

export type DownloadAudioResult = {
  /** `outputPath`, or the location `publish` returned. */
  path: string;
  sampleRate: 16000;
  channels: 1;
  codec: 'pcm_s16le';
  durationSec: number;
  bytes: number;
  sha256: string;
  source: SourceMetadata;
  sourceMedia: SourceMediaInfo;
  tools: ToolVersions;
};

export const DEFAULT_DOWNLOAD_AUDIO_OPTIONS = {
  ytDlpPath: 'yt-dlp',
  ffmpegPath: 'ffmpeg',
  ffprobePath: 'ffprobe',
  allowedHosts: [] as readonly string[],
  allowPrivateNetwork: false,
  socketTimeoutSec: 30,
  timeoutMs: 3 * 60 * 60 * 1000,
  stallTimeoutMs: 2 * 60 * 1000,
  maxBytes: 4 * 1024 * 1024 * 1024,
  maxDurationSec: 12 * 60 * 60,
  extraYtDlpArgs: [] as readonly string[],
} as const;

/** Longest audio a canonical WAV (32-bit sizes) can hold at 16 kHz mono s16le. */
const MAX_WAV_DURATION_SEC = Math.floor((2 ** 32 - 1 - 44) / (TARGET_SAMPLE_RATE * 2));

export type ResolvedDownloadAudioOptions = {
  outputPath?: string;
  publish: PublishWav;
  tmpRoot: string;
  ytDlpPath: string;
  ffmpegPath: string;
  ffprobePath: string;
  egress: ResolvedEgressPolicy;
  socketTimeoutSec: number;
  timeoutMs: number;
  stallTimeoutMs: number;
  maxBytes: number;
  maxDurationSec: number;
  toolVersions?: ToolVersions;
  toolVersionsCacheFile?: string;
  signal?: AbortSignal;
  onProgress?: (event: DownloadProgress) => void;
  logger: Logger;
  extraYtDlpArgs: readonly string[];
};

/** Applies the defaults once and checks every option; throws `invalid_options`. */
export function resolveDownloadAudioOptions(options: DownloadAudioOptions): ResolvedDownloadAudioOptions {
  const hasOutputPath = options.outputPath !== undefined;
  if (hasOutputPath === (options.publish !== undefined)) {
    throw new DownloadError('invalid_options', 'Give either outputPath or publish');
  }
  if (hasOutputPath && (typeof options.outputPath !== 'string' || options.outputPath.length === 0)) {
    throw new DownloadError('invalid_options', 'outputPath must be a non-empty path');
  }
  if (options.publish !== undefined && typeof options.publish !== 'function') {
    throw new DownloadError('invalid_options', 'publish must be a function');
  }
  const d = DEFAULT_DOWNLOAD_AUDIO_OPTIONS;
  const outputPath = hasOutputPath ? path.resolve(options.outputPath as string) : undefined;
  const resolved: ResolvedDownloadAudioOptions = {
    ...(outputPath === undefined ? {} : { outputPath }),
    publish: options.publish ?? ((wav, context) => moveToOutputPath(wav, outputPath as string, context.signal)),
    tmpRoot: path.resolve(options.tmpRoot ?? os.tmpdir()),
    ytDlpPath: options.ytDlpPath ?? d.ytDlpPath,
    ffmpegPath: options.ffmpegPath ?? d.ffmpegPath,
    ffprobePath: options.ffprobePath ?? d.ffprobePath,
    egress: resolveEgressPolicy(options),
    socketTimeoutSec: requirePositive('socketTimeoutSec', options.socketTimeoutSec ?? d.socketTimeoutSec),
    timeoutMs: requirePositive('timeoutMs', options.timeoutMs ?? d.timeoutMs),
    stallTimeoutMs: requirePositive('stallTimeoutMs', options.stallTimeoutMs ?? d.stallTimeoutMs),
    maxBytes: requirePositive('maxBytes', options.maxBytes ?? d.maxBytes),
    maxDurationSec: Math.min(
      requirePositive('maxDurationSec', options.maxDurationSec ?? d.maxDurationSec),
      MAX_WAV_DURATION_SEC,
    ),
    logger: options.logger ?? silentLogger,
    extraYtDlpArgs: options.extraYtDlpArgs ?? d.extraYtDlpArgs,
  };
  if (options.toolVersions) resolved.toolVersions = options.toolVersions;
  if (options.toolVersionsCacheFile) resolved.toolVersionsCacheFile = path.resolve(options.toolVersionsCacheFile);
  if (options.signal) resolved.signal = options.signal;
  if (options.onProgress) resolved.onProgress = options.onProgress;
  checkExtraYtDlpArgs(resolved.extraYtDlpArgs);
  return resolved;
}

/**
 * Downloads the audio of `url` with yt-dlp and normalises it with ffmpeg to WAV PCM s16le 16 kHz mono (44-byte
 * header) in one pass where the container allows: the bytes are decoded as they arrive (and kept in the job dir
 * for checks); an MP4 with its index at the end is decoded once complete. The WAV is verified (header, decoded
 * duration against the declared one) and published (moved to `outputPath`, or handed to `publish`). Every
 * connection goes through the egress policy. The temp dir is removed whatever happens; aborting (or a timeout)
 * kills the tools' whole process groups. Throws DownloadError (a `publish` error as it is).
 */
export async function downloadAudio(url: string, options: DownloadAudioOptions): Promise<DownloadAudioResult> {
  const resolved = resolveDownloadAudioOptions(options);
  validateMediaUrl(url, resolved.egress.allowedHosts);
  const { logger } = resolved;
  const shownUrl = redactUrl(url);
  const emit = (event: DownloadProgress) => {
    try {
      resolved.onProgress?.(event);
    } catch (error) {
      logger.warn({ err: error }, 'onProgress threw; ignored');
    }
  };
  const job = createJobSignal({
    ...(resolved.signal ? { signal: resolved.signal } : {}),
    timeoutMs: resolved.timeoutMs,
    what: `download of ${shownUrl}`,
  });
  let jobDir: string | undefined;
  let proxy: EgressProxy | undefined;
  let publishError: unknown;
  try {
    throwIfAborted(job.signal);
    jobDir = await createJobDir(resolved.tmpRoot);
    logger.debug({ url: shownUrl, jobDir }, 'download started');

    const versions = resolved.toolVersions
      ? Promise.resolve(resolved.toolVersions)
      : probeTools({
          ...toolPaths(resolved),
          ...(resolved.toolVersionsCacheFile ? { cacheFile: resolved.toolVersionsCacheFile } : {}),
          signal: job.signal,
          logger,
        });
    // A missing tool stops the job at once instead of after the download.
    versions.catch((error: unknown) => job.fail(toJobError(error, job.signal, 'tool version check')));

    proxy = await startEgressProxy({
      policy: resolved.egress,
      connectTimeoutMs: resolved.socketTimeoutSec * 1000,
      maxResponseBytes: resolved.maxBytes,
      logger,
      onRefusal: (refusal) => job.fail(egressRefusalError(refusal)),
    });

    emit({ stage: 'metadata' });
    const fetched = await fetchAndDecode(url, jobDir, proxy, resolved, job, emit);

    const checked = await verifyDecoded(fetched, resolved, job, emit);
    const tools = await versions;
    throwIfAborted(job.signal);
    let published: PublishedWav;
    try {
      published = await resolved.publish(
        { path: fetched.wavPath, bytes: checked.bytes, durationSec: checked.durationSec },
        { signal: job.signal },
      );
    } catch (error) {
      publishError = error;
      throw error;
    }
    emit({ stage: 'verify', percent: 100 });
    logger.info({ url: shownUrl, durationSec: checked.durationSec, bytes: checked.bytes }, 'audio downloaded');

    const sourceMedia: SourceMediaInfo = {
      ext: fetched.meta.ext ?? fetched.sniff.container,
      bytes: fetched.sourceBytes,
      decodedWhileDownloading: checked.decodedWhileDownloading,
    };
    if (checked.probe.audioCodec !== undefined) sourceMedia.audioCodec = checked.probe.audioCodec;
    if (checked.probe.declaredDurationSec !== undefined)
      sourceMedia.declaredDurationSec = checked.probe.declaredDurationSec;
    return {
      path: published.location,
      sampleRate: TARGET_SAMPLE_RATE,
      channels: TARGET_CHANNELS,
      codec: 'pcm_s16le',
      durationSec: checked.durationSec,
      bytes: checked.bytes,
      sha256: published.sha256,
      source: toSourceMetadata(fetched.meta, url),
      sourceMedia,
      tools,
    };
  } catch (error) {
    if (error === publishError && !job.signal.aborted) throw error;
    throw toJobError(error, job.signal, 'download');
  } finally {
    job.dispose();
    await proxy?.close();
    if (jobDir) await removeJobDir(jobDir, logger);
  }
}

type Emit = (event: DownloadProgress) => void;

type Fetched = {
  meta: YtDlpMeta;
  /** The downloaded bytes, when they were kept (not decoded while downloading, or an MP4). */
  sourcePath: string | undefined;
  sourceBytes: number;
  sniff: DecidedSniff;
  wavPath: string;
  /** ffmpeg's report when the media was decoded while downloading and ffmpeg succeeded. */
  streamed?: FfmpegInputReport;
  /** Why decoding while downloading failed (the file is decoded again), if it did. */
  streamFailure?: DownloadError;
};

/** ffmpeg failures worth a second decode from the complete file: the pipe may be what failed. */
const RETRY_FROM_FILE: ReadonlySet<string> = new Set(['invalid_media', 'tool_failed']);

/**
 * yt-dlp writes the media to its stdout; `tapSource` writes it to `<jobDir>/source.media` and, when the first
 * bytes show a streamable container, feeds ffmpeg at the same time. Returns once yt-dlp and (when streaming)
 * ffmpeg are done.
 */
async function fetchAndDecode(
  url: string,
  jobDir: string,
  proxy: EgressProxy,
  options: ResolvedDownloadAudioOptions,
  job: JobSignal,
  emit: Emit,
): Promise<Fetched> {
  const { logger } = options;
  const watchdog = createStallWatchdog({
    parent: job.signal,
    stallTimeoutMs: options.stallTimeoutMs,
    what: 'download',
  });
  const sourcePath = path.join(jobDir, 'source.media');
  const wavPath = path.join(jobDir, 'audio.wav');
  let meta: YtDlpMeta | undefined;
  let bytesFlowing = false;
  let refusedBySize: 'too_large' | 'empty' | undefined;
  let decode: Promise<FfmpegInputReport | undefined> | undefined;
  let streamFailure: DownloadError | undefined;

  const onLine = (line: string) => {
    const parsed = parseYtDlpLine(line);
    if (parsed.kind === 'meta') {
      meta = parsed.meta;
      watchdog.touch();
      checkMetadataLimits(meta, url, options, job);
      emit({ stage: 'metadata', percent: 100 });
    } else if (parsed.kind === 'progress') {
      const progress = toDownloadProgress(parsed.progress);
      if ((progress.totalBytes ?? 0) > options.maxBytes) job.fail(tooLarge(options.maxBytes, progress.totalBytes));
      emit(progress);
    } else {
      // Extraction (web pages, manifests) prints no progress: any output counts as activity until bytes flow.
      if (!bytesFlowing) watchdog.touch();
      if (/File is larger than max-filesize/.test(line)) refusedBySize = 'too_large';
      else if (/File is smaller than min-filesize/.test(line)) refusedBySize = 'empty';
      if (line.trim().length > 0)
        logger.debug({ tool: 'yt-dlp', line: redactText(line).slice(0, 500) }, 'yt-dlp output');
    }
  };

  try {
    const ytDlp = startTool({
      tool: 'yt-dlp',
      file: options.ytDlpPath,
      args: buildDownloadArgs({
        url,
        jobDir,
        socketTimeoutSec: options.socketTimeoutSec,
        maxBytes: options.maxBytes,
        proxyUrl: proxy.url,
        extraArgs: options.extraYtDlpArgs,
      }),
      signal: watchdog.signal,
      logger,
      stdout: 'raw',
      onStderrLine: onLine,
    });
    const tap = ytDlp.stdout
      ? tapSource({
          input: ytDlp.stdout,
          path: sourcePath,
          maxBytes: options.maxBytes,
          signal: watchdog.signal,
          onBytes: (total) => {
            if (!bytesFlowing) emit({ stage: 'download', downloadedBytes: total });
            bytesFlowing = true;
            watchdog.touch();
          },
          onSniff: (sniff) => {
            logger.debug({ sniff }, 'container sniffed');
            if (sniff.kind !== 'stream') return { keepFile: true };
            // Only an MP4 may decode differently from a pipe (its samples are read in index order) or hide a
            // shorter audio track behind a longer video: its bytes are kept for a second decode and for ffprobe.
            const keepFile = sniff.container === 'mp4';
            const run = startDecode(undefined, wavPath, options, watchdog, emit);
            decode = run.done.catch((error: unknown) => {
              const failure = toJobError(error, watchdog.signal, 'normalisation');
              // A kept MP4 is decoded again from the file; any other failure ends the job now.
              if (!watchdog.signal.aborted && keepFile && RETRY_FROM_FILE.has(failure.code)) streamFailure = failure;
              else job.fail(failure);
              return undefined;
            });
            return { ...(run.stdin ? { sink: run.stdin } : {}), keepFile };
          },
        }).catch((error: unknown) => {
          job.fail(toJobError(error, watchdog.signal, 'download'));
          throw error;
        })
      : Promise.reject(new DownloadError('tool_failed', 'yt-dlp started without an output pipe'));
    const [ytDlpOutcome, tapOutcome] = await Promise.allSettled([ytDlp.result, tap]);
    const streamed = decode ? await decode : undefined;
    throwIfAborted(watchdog.signal);
    if (ytDlpOutcome.status === 'rejected') throw ytDlpOutcome.reason;
    const result = ytDlpOutcome.value;
    if (result.exitCode !== 0) throw toolFailureError('yt-dlp', result, `download ${redactUrl(url)}`);
    if (tapOutcome.status === 'rejected') throw tapOutcome.reason;
    if (!meta) throw missingOutputError(result, 'yt-dlp finished without printing the media metadata');
    checkDownloadedSize(tapOutcome.value.bytes, refusedBySize, url, options, result);
    emit({
      stage: 'download',
      percent: 100,
      downloadedBytes: tapOutcome.value.bytes,
      totalBytes: tapOutcome.value.bytes,
    });
    const fetched: Fetched = {
      meta,
      sourcePath: tapOutcome.value.kept ? sourcePath : undefined,
      sourceBytes: tapOutcome.value.bytes,
      sniff: tapOutcome.value.sniff,
      wavPath,
    };
    if (streamFailure) fetched.streamFailure = streamFailure;
    else if (streamed) fetched.streamed = streamed;
    return fetched;
  } finally {
    watchdog.dispose();
  }
}

function checkMetadataLimits(meta: YtDlpMeta, url: string, options: ResolvedDownloadAudioOptions, job: JobSignal) {
  if (meta.is_live === true) {
    job.fail(new DownloadError('unavailable', `${redactUrl(url)} is a live stream that has not ended`));
  } else if (meta.duration !== undefined && meta.duration > options.maxDurationSec) {
    job.fail(tooLong(meta.duration, options.maxDurationSec));
  } else {
    const declaredBytes = meta.filesize ?? meta.filesize_approx;
    if (declaredBytes !== undefined && declaredBytes > options.maxBytes) {
      job.fail(tooLarge(options.maxBytes, declaredBytes));
    }
  }
}

/** After yt-dlp exited 0: nothing written means refused by size or an empty file, both permanent. */
function checkDownloadedSize(
  bytes: number,
  refusedBySize: 'too_large' | 'empty' | undefined,
  url: string,
  options: ResolvedDownloadAudioOptions,
  result: RunToolResult,
): void {
  if (bytes > 0) return;
  if (refusedBySize === 'too_large') {
    throw new DownloadError(
      'too_large',
      `The media at ${redactUrl(url)} is larger than the limit of ${options.maxBytes} bytes`,
      {
        command: result.command,
        stderrTail: result.stderrTail,
      },
    );
  }
  throw new DownloadError('invalid_media', `The media downloaded from ${redactUrl(url)} is empty (0 bytes)`, {
    command: result.command,
    stderrTail: result.stderrTail,
  });
}

function startDecode(
  inputPath: string | undefined,
  wavPath: string,
  options: ResolvedDownloadAudioOptions,
  watchdog: { signal: AbortSignal; touch(): void },
  emit: Emit,
) {
  let declared: number | undefined;
  let lastPercent = -1;
  emit({ stage: 'normalise', percent: 0 });
  return decodeAudio({
    ffmpegPath: options.ffmpegPath,
    inputPath,
    outputPath: wavPath,
    signal: watchdog.signal,
    logger: options.logger,
    onDeclaredDuration: (seconds) => {
      if (seconds > options.maxDurationSec) throw tooLong(seconds, options.maxDurationSec);
      declared = seconds;
    },
    onOutputTime: (seconds) => {
      watchdog.touch();
      if (seconds > options.maxDurationSec + 1) throw tooLong(seconds, options.maxDurationSec);
      if (declared === undefined) return;
      const percent = Math.min(99, Math.floor((seconds / declared) * 100));
      if (percent > lastPercent) {
        lastPercent = percent;
        emit({ stage: 'normalise', percent });
      }
    },
  });
}

type Checked = {
  bytes: number;
  durationSec: number;
  probe: MediaProbe;
  decodedWhileDownloading: boolean;
};

/**
 * Verifies the WAV decoded while downloading; if that decode failed or its result does not pass and the bytes
 * were kept (an MP4: a pipe can make ffmpeg stop early), or the media was not streamable, decodes the complete
 * file and verifies that. For the other containers a pipe and a file decode alike: the failure is the media's.
 */
async function verifyDecoded(
  fetched: Fetched,
  options: ResolvedDownloadAudioOptions,
  job: JobSignal,
  emit: Emit,
): Promise<Checked> {
  const { sourcePath } = fetched;
  if (fetched.streamed) {
    try {
      emit({ stage: 'normalise', percent: 100 });
      emit({ stage: 'verify' });
      return {
        ...(await verifyWav(fetched.wavPath, fetched.streamed, sourcePath, options, job)),
        decodedWhileDownloading: true,
      };
    } catch (error) {
      if (!isDownloadError(error) || !RETRY_FROM_FILE.has(error.code) || job.signal.aborted || !sourcePath) {
        throw error;
      }
      options.logger.warn(
        { code: error.code, reason: error.message },
        'the WAV decoded while downloading failed its checks; decoding the file',
      );
    }
  } else if (fetched.streamFailure) {
    if (!sourcePath) throw fetched.streamFailure;
    options.logger.warn(
      { code: fetched.streamFailure.code, reason: fetched.streamFailure.message },
      'decoding while downloading failed; decoding the file',
    );
  }
  const watchdog = createStallWatchdog({
    parent: job.signal,
    stallTimeoutMs: options.stallTimeoutMs,
    what: 'normalisation',
  });
  try {
    if (!sourcePath) throw new DownloadError('tool_failed', 'The downloaded media was neither decoded nor kept');
    const report = await startDecode(sourcePath, fetched.wavPath, options, watchdog, emit).done;
    emit({ stage: 'normalise', percent: 100 });
    emit({ stage: 'verify' });
    return {
      ...(await verifyWav(fetched.wavPath, report, sourcePath, options, job)),
      decodedWhileDownloading: false,
    };
  } finally {
    watchdog.dispose();
  }
}

/**
 * Header check, then the decoded length against the declared one. ffmpeg reports the container's duration;
 * when a video track makes it longer than the audio, ffprobe's per-stream duration decides.
 */
async function verifyWav(
  wavPath: string,
  report: FfmpegInputReport,
  sourcePath: string | undefined,
  options: ResolvedDownloadAudioOptions,
  job: JobSignal,
): Promise<{ bytes: number; durationSec: number; probe: MediaProbe }> {
  const wav = await verifyWavFile(wavPath);
  let probe: MediaProbe = report;
  try {
    checkDecodedDuration(wav.durationSec, probe);
  } catch (error) {
    if (report.videoStreams === 0 || sourcePath === undefined) throw error;
    const { logger } = options;
    probe = await probeMedia(sourcePath, { ffprobePath: options.ffprobePath, signal: job.signal, logger });
    checkDecodedDuration(wav.durationSec, probe);
  }
  return { bytes: wav.bytes, durationSec: wav.durationSec, probe };
}

/** The default `publish`: hash the WAV, then rename it to `outputPath` (a copy + rename across file systems). */
async function moveToOutputPath(wav: PublishableWav, outputPath: string, signal: AbortSignal): Promise<PublishedWav> {
  const sha256 = await hashFile(wav.path, signal);
  await publishFile(wav.path, outputPath);
  return { location: outputPath, sha256 };
}

function toolPaths(options: ResolvedDownloadAudioOptions) {
  return { ytDlpPath: options.ytDlpPath, ffmpegPath: options.ffmpegPath, ffprobePath: options.ffprobePath };
}

function tooLong(durationSec: number, maxDurationSec: number): DownloadError {
  return new DownloadError(
    'too_large',
    `The media lasts ${Math.round(durationSec)} s, more than the limit of ${Math.round(maxDurationSec)} s`,
  );
}

function tooLarge(maxBytes: number, declaredBytes?: number): DownloadError {
  return new DownloadError(
    'too_large',
    `The media is larger than the limit of ${maxBytes} bytes${declaredBytes === undefined ? '' : ` (${Math.round(declaredBytes)} bytes)`}`,
  );
}

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw toJobError(signal.reason, signal, 'download');
}
