import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildDownloadArgs, buildNormaliseArgs, checkExtraYtDlpArgs, SOURCE_STEM } from './build-tool-args';
import { checkDecodedDuration } from './check-decoded-duration';
import { DownloadError } from './errors';
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
import { TARGET_CHANNELS, TARGET_SAMPLE_RATE, verifyWavFile } from './read-wav-header';
import { redactText, redactUrl } from '@astra/contracts';
import { requirePositive } from './require-positive';
import { runTool } from './run-tool';
import { missingOutputError, toolFailureError } from './tool-failure-error';
import { validateMediaUrl } from './validate-media-url';

export type DownloadAudioOptions = {
  /** Where the final WAV goes (the caller owns it); written atomically. */
  outputPath: string;
  /** Parent of the per-job temp dir `astra-dl-*` (default: the OS temp dir). */
  tmpRoot?: string;
  ytDlpPath?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Host allowlist: exact host or a subdomain of one; empty = any host. */
  allowedHosts?: readonly string[];
  /** yt-dlp `--socket-timeout`. */
  socketTimeoutSec?: number;
  /** Whole job: download, normalisation and checks. */
  timeoutMs?: number;
  /** A tool that reports no progress for this long is killed (`stalled`). */
  stallTimeoutMs?: number;
  /** Largest download accepted (`too_large` beyond). */
  maxBytes?: number;
  /** Longest source accepted (`too_large` beyond); at most ~37 h, the limit of a 16 kHz mono WAV. */
  maxDurationSec?: number;
  /** Versions probed earlier (e.g. once per worker); probed per job when absent. */
  toolVersions?: ToolVersions;
  signal?: AbortSignal;
  onProgress?: (event: DownloadProgress) => void;
  logger?: Logger;
  /** Extra yt-dlp arguments (e.g. `--cookies FILE`), placed before `--`; options that run commands or move files are refused. */
  extraYtDlpArgs?: readonly string[];
};

/** What was downloaded (before normalisation). */
export type SourceMediaInfo = {
  /** Extension yt-dlp gave the file (`webm`, `m4a`, ...). */
  ext: string;
  audioCodec?: string;
  bytes: number;
  declaredDurationSec?: number;
};

export type DownloadAudioResult = {
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
  outputPath: string;
  tmpRoot: string;
  ytDlpPath: string;
  ffmpegPath: string;
  ffprobePath: string;
  allowedHosts: readonly string[];
  socketTimeoutSec: number;
  timeoutMs: number;
  stallTimeoutMs: number;
  maxBytes: number;
  maxDurationSec: number;
  toolVersions?: ToolVersions;
  signal?: AbortSignal;
  onProgress?: (event: DownloadProgress) => void;
  logger: Logger;
  extraYtDlpArgs: readonly string[];
};

/** Applies the defaults once and checks every option; throws `invalid_options`. */
export function resolveDownloadAudioOptions(options: DownloadAudioOptions): ResolvedDownloadAudioOptions {
  if (typeof options.outputPath !== 'string' || options.outputPath.length === 0) {
    throw new DownloadError('invalid_options', 'outputPath is required');
  }
  const d = DEFAULT_DOWNLOAD_AUDIO_OPTIONS;
  const resolved: ResolvedDownloadAudioOptions = {
    outputPath: path.resolve(options.outputPath),
    tmpRoot: path.resolve(options.tmpRoot ?? os.tmpdir()),
    ytDlpPath: options.ytDlpPath ?? d.ytDlpPath,
    ffmpegPath: options.ffmpegPath ?? d.ffmpegPath,
    ffprobePath: options.ffprobePath ?? d.ffprobePath,
    allowedHosts: options.allowedHosts ?? d.allowedHosts,
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
  if (options.signal) resolved.signal = options.signal;
  if (options.onProgress) resolved.onProgress = options.onProgress;
  checkExtraYtDlpArgs(resolved.extraYtDlpArgs);
  return resolved;
}

/**
 * Downloads the audio of `url` with yt-dlp into a per-job temp dir, normalises it with ffmpeg to WAV PCM s16le
 * 16 kHz mono (44-byte header), verifies it and moves it to `outputPath`. The temp dir is removed whatever
 * happens; aborting (or a timeout) kills the tools' whole process groups. Throws DownloadError.
 */
export async function downloadAudio(url: string, options: DownloadAudioOptions): Promise<DownloadAudioResult> {
  const resolved = resolveDownloadAudioOptions(options);
  validateMediaUrl(url, resolved.allowedHosts);
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
  try {
    throwIfAborted(job.signal);
    jobDir = await createJobDir(resolved.tmpRoot);
    logger.debug({ url: shownUrl, jobDir }, 'download started');

    const versions = resolved.toolVersions
      ? Promise.resolve(resolved.toolVersions)
      : probeTools({ ...toolPaths(resolved), signal: job.signal, logger });
    // A missing tool stops the job at once instead of after the download.
    versions.catch((error: unknown) => job.fail(toJobError(error, job.signal, 'tool version check')));

    emit({ stage: 'metadata' });
    const downloaded = await downloadSource(url, jobDir, resolved, job, emit);
    const probe = await probeMedia(downloaded.path, { ffprobePath: resolved.ffprobePath, signal: job.signal, logger });
    if (probe.audioStreams === 0) {
      throw new DownloadError('no_audio', `The media at ${shownUrl} has no audio stream`);
    }
    if (probe.declaredDurationSec !== undefined && probe.declaredDurationSec > resolved.maxDurationSec) {
      throw tooLong(probe.declaredDurationSec, resolved.maxDurationSec);
    }

    const wavPath = path.join(jobDir, 'audio.wav');
    await normaliseAudio(downloaded.path, wavPath, probe, resolved, job, emit);

    emit({ stage: 'verify' });
    const wav = await verifyWavFile(wavPath);
    checkDecodedDuration(wav.durationSec, probe);
    const sha256 = await hashFile(wavPath, job.signal);
    const tools = await versions;
    throwIfAborted(job.signal);
    await publishFile(wavPath, resolved.outputPath);
    emit({ stage: 'verify', percent: 100 });
    logger.info({ url: shownUrl, durationSec: wav.durationSec, bytes: wav.bytes }, 'audio downloaded');

    const sourceMedia: SourceMediaInfo = { ext: downloaded.ext, bytes: downloaded.bytes };
    if (probe.audioCodec !== undefined) sourceMedia.audioCodec = probe.audioCodec;
    if (probe.declaredDurationSec !== undefined) sourceMedia.declaredDurationSec = probe.declaredDurationSec;
    return {
      path: resolved.outputPath,
      sampleRate: TARGET_SAMPLE_RATE,
      channels: TARGET_CHANNELS,
      codec: 'pcm_s16le',
      durationSec: wav.durationSec,
      bytes: wav.bytes,
      sha256,
      source: toSourceMetadata(downloaded.meta, url),
      sourceMedia,
      tools,
    };
  } catch (error) {
    throw toJobError(error, job.signal, 'download');
  } finally {
    job.dispose();
    if (jobDir) await removeJobDir(jobDir, logger);
  }
}

type DownloadedSource = { path: string; ext: string; bytes: number; meta: YtDlpMeta };
type Emit = (event: DownloadProgress) => void;

async function downloadSource(
  url: string,
  jobDir: string,
  options: ResolvedDownloadAudioOptions,
  job: JobSignal,
  emit: Emit,
): Promise<DownloadedSource> {
  const { logger } = options;
  const watchdog = createStallWatchdog({
    parent: job.signal,
    stallTimeoutMs: options.stallTimeoutMs,
    what: 'download',
  });
  let meta: YtDlpMeta | undefined;
  let reportedPath: string | undefined;
  let downloading = false;
  let lastBytes = -1;

  const onLine = (line: string) => {
    const parsed = parseYtDlpLine(line);
    switch (parsed.kind) {
      case 'meta': {
        meta = parsed.meta;
        watchdog.touch();
        if (meta.is_live === true) {
          job.fail(new DownloadError('unavailable', `${redactUrl(url)} is a live stream that has not ended`));
        } else if (meta.duration !== undefined && meta.duration > options.maxDurationSec) {
          job.fail(tooLong(meta.duration, options.maxDurationSec));
        }
        const event: DownloadProgress = { stage: 'metadata', percent: 100 };
        emit(event);
        return;
      }
      case 'progress': {
        downloading = true;
        const progress = toDownloadProgress(parsed.progress);
        const bytes = progress.downloadedBytes ?? 0;
        if (bytes > lastBytes) {
          lastBytes = bytes;
          watchdog.touch();
        }
        const size = Math.max(bytes, progress.totalBytes ?? 0);
        if (size > options.maxBytes) {
          job.fail(
            new DownloadError(
              'too_large',
              `The media is larger than the limit of ${options.maxBytes} bytes (${size} bytes)`,
            ),
          );
        }
        emit(progress);
        return;
      }
      case 'file':
        reportedPath = parsed.path;
        return;
      default:
        // Extraction (web pages, manifests) prints no progress: any output counts as activity until bytes flow.
        if (!downloading) watchdog.touch();
        if (line.trim().length > 0)
          logger.debug({ tool: 'yt-dlp', line: redactText(line).slice(0, 500) }, 'yt-dlp output');
    }
  };

  try {
    const result = await runTool({
      tool: 'yt-dlp',
      file: options.ytDlpPath,
      args: buildDownloadArgs({
        url,
        jobDir,
        socketTimeoutSec: options.socketTimeoutSec,
        extraArgs: options.extraYtDlpArgs,
      }),
      signal: watchdog.signal,
      logger,
      onStdoutLine: onLine,
      onStderrLine: onLine,
    });
    if (result.exitCode !== 0) {
      throw toolFailureError('yt-dlp', result, `download ${redactUrl(url)}`);
    }
    if (!meta) {
      throw missingOutputError(result, 'yt-dlp finished without printing the media metadata');
    }
    const file = await findDownloadedFile(jobDir, reportedPath);
    if (!file) {
      throw missingOutputError(result, `yt-dlp exited 0 but wrote no media file for ${redactUrl(url)}`);
    }
    const { size } = await stat(file);
    if (size === 0) throw new DownloadError('invalid_media', `The media downloaded from ${redactUrl(url)} is empty`);
    if (size > options.maxBytes) {
      throw new DownloadError(
        'too_large',
        `The media is larger than the limit of ${options.maxBytes} bytes (${size} bytes)`,
      );
    }
    emit({ stage: 'download', percent: 100, downloadedBytes: size, totalBytes: size });
    return { path: file, ext: path.extname(file).slice(1), bytes: size, meta };
  } finally {
    watchdog.dispose();
  }
}

/** The path yt-dlp reported, if it lies inside the job dir; else the one `source.*` file there. */
async function findDownloadedFile(jobDir: string, reportedPath: string | undefined): Promise<string | undefined> {
  if (reportedPath !== undefined) {
    const absolute = path.resolve(jobDir, reportedPath);
    if (path.dirname(absolute) === jobDir) return absolute;
  }
  const names = (await readdir(jobDir)).filter(
    (name) => name.startsWith(`${SOURCE_STEM}.`) && !/\.(part|ytdl|temp|json)$/.test(name) && !/\.part-Frag/.test(name),
  );
  return names.length === 1 && names[0] !== undefined ? path.join(jobDir, names[0]) : undefined;
}

async function normaliseAudio(
  inputPath: string,
  outputPath: string,
  probe: MediaProbe,
  options: ResolvedDownloadAudioOptions,
  job: JobSignal,
  emit: Emit,
): Promise<void> {
  const { logger } = options;
  const watchdog = createStallWatchdog({
    parent: job.signal,
    stallTimeoutMs: options.stallTimeoutMs,
    what: 'normalisation',
  });
  emit({ stage: 'normalise', percent: 0 });
  let lastOutUs = -1;
  let lastPercent = 0;
  try {
    const result = await runTool({
      tool: 'ffmpeg',
      file: options.ffmpegPath,
      args: buildNormaliseArgs({ inputPath, outputPath }),
      signal: watchdog.signal,
      logger,
      onStdoutLine: (line) => {
        const match = /^out_time_us=(\d+)$/.exec(line);
        if (!match) return;
        const outUs = Number(match[1]);
        if (outUs <= lastOutUs) return;
        lastOutUs = outUs;
        watchdog.touch();
        const declared = probe.declaredDurationSec;
        if (declared === undefined) return;
        const percent = Math.min(100, Math.floor((outUs / 1e6 / declared) * 100));
        if (percent > lastPercent) {
          lastPercent = percent;
          emit({ stage: 'normalise', percent });
        }
      },
    });
    if (result.exitCode !== 0) {
      throw toolFailureError('ffmpeg', result, 'convert the downloaded media');
    }
    if (result.stderrTail.trim().length > 0) {
      logger.warn({ tool: 'ffmpeg', stderr: result.stderrTail.slice(0, 1000) }, 'ffmpeg reported errors but finished');
    }
    emit({ stage: 'normalise', percent: 100 });
  } finally {
    watchdog.dispose();
  }
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

function throwIfAborted(signal: AbortSignal): void {
  if (signal.aborted) throw toJobError(signal.reason, signal, 'download');
}
