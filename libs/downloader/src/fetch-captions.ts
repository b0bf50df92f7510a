import { open, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildCaptionsArgs, CAPTIONS_STEM, checkExtraYtDlpArgs } from './build-tool-args';
import { DownloadError } from './errors';
import { createJobDir, removeJobDir } from './job-dir';
import { resolveEgressPolicy, type EgressPolicyOptions, type ResolvedEgressPolicy } from './egress-policy';
import { createJobSignal, toJobError } from './job-signal';
import { silentLogger, type CaptionTrack, type Logger } from './model';
import { parseYtDlpLine, type YtDlpSubtitles } from './parse-yt-dlp-line';
import { redactText, redactUrl } from '@astra/contracts';
import { requirePositive } from './require-positive';
import { runTool } from './run-tool';
import { egressRefusalError, startEgressProxy, type EgressProxy } from './start-egress-proxy';
import { missingOutputError, toolFailureError } from './tool-failure-error';
import { validateMediaUrl } from './validate-media-url';

export type FetchCaptionsOptions = EgressPolicyOptions & {
  /** yt-dlp `--sub-langs` entries: language keys or regexes (`es`, `es-419`, `es.*`). */
  languages: readonly string[];
  tmpRoot?: string;
  ytDlpPath?: string;
  socketTimeoutSec?: number;
  timeoutMs?: number;
  /** Largest caption file read (`too_large` beyond). */
  maxBytes?: number;
  signal?: AbortSignal;
  logger?: Logger;
  extraYtDlpArgs?: readonly string[];
};

export const DEFAULT_FETCH_CAPTIONS_OPTIONS = {
  ytDlpPath: 'yt-dlp',
  allowedHosts: [] as readonly string[],
  allowPrivateNetwork: false,
  socketTimeoutSec: 30,
  timeoutMs: 5 * 60 * 1000,
  maxBytes: 20 * 1024 * 1024,
  extraYtDlpArgs: [] as readonly string[],
} as const;

export type ResolvedFetchCaptionsOptions = {
  languages: readonly string[];
  tmpRoot: string;
  ytDlpPath: string;
  egress: ResolvedEgressPolicy;
  socketTimeoutSec: number;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
  logger: Logger;
  extraYtDlpArgs: readonly string[];
};

/** A `--sub-langs` entry: letters, digits and the regex characters yt-dlp users write; no commas or spaces. */
const LANGUAGE_PATTERN = /^-?[A-Za-z0-9][A-Za-z0-9_.*+?|()[\]-]{0,63}$/;

export function resolveFetchCaptionsOptions(options: FetchCaptionsOptions): ResolvedFetchCaptionsOptions {
  const d = DEFAULT_FETCH_CAPTIONS_OPTIONS;
  if (!Array.isArray(options.languages) || options.languages.length === 0) {
    throw new DownloadError('invalid_options', 'languages must list at least one language');
  }
  for (const language of options.languages) {
    if (typeof language !== 'string' || !LANGUAGE_PATTERN.test(language)) {
      throw new DownloadError('invalid_options', `"${String(language).slice(0, 70)}" is not a valid caption language`);
    }
  }
  const resolved: ResolvedFetchCaptionsOptions = {
    languages: options.languages,
    tmpRoot: path.resolve(options.tmpRoot ?? os.tmpdir()),
    ytDlpPath: options.ytDlpPath ?? d.ytDlpPath,
    egress: resolveEgressPolicy(options),
    socketTimeoutSec: requirePositive('socketTimeoutSec', options.socketTimeoutSec ?? d.socketTimeoutSec),
    timeoutMs: requirePositive('timeoutMs', options.timeoutMs ?? d.timeoutMs),
    maxBytes: requirePositive('maxBytes', options.maxBytes ?? d.maxBytes),
    logger: options.logger ?? silentLogger,
    extraYtDlpArgs: options.extraYtDlpArgs ?? d.extraYtDlpArgs,
  };
  if (options.signal) resolved.signal = options.signal;
  checkExtraYtDlpArgs(resolved.extraYtDlpArgs);
  return resolved;
}

/**
 * Fetches subtitles and automatic captions in the given languages (json3, else VTT, else the best format
 * offered) and returns their contents. An empty list means the source has none in those languages. The temp dir
 * is always removed. Throws DownloadError.
 */
export async function fetchCaptions(url: string, options: FetchCaptionsOptions): Promise<CaptionTrack[]> {
  const resolved = resolveFetchCaptionsOptions(options);
  validateMediaUrl(url, resolved.egress.allowedHosts);
  const { logger } = resolved;
  const job = createJobSignal({
    ...(resolved.signal ? { signal: resolved.signal } : {}),
    timeoutMs: resolved.timeoutMs,
    what: `caption download of ${redactUrl(url)}`,
  });
  let jobDir: string | undefined;
  let proxy: EgressProxy | undefined;
  try {
    if (job.signal.aborted) throw toJobError(job.signal.reason, job.signal, 'caption download');
    jobDir = await createJobDir(resolved.tmpRoot);
    proxy = await startEgressProxy({
      policy: resolved.egress,
      connectTimeoutMs: resolved.socketTimeoutSec * 1000,
      // Pages and player scripts come through too: the caption files themselves are bounded when read.
      maxResponseBytes: Math.max(resolved.maxBytes, 64 * 1024 * 1024),
      logger,
      onRefusal: (refusal) => job.fail(egressRefusalError(refusal)),
    });
    let subs: YtDlpSubtitles | undefined;
    const onLine = (line: string) => {
      const parsed = parseYtDlpLine(line);
      if (parsed.kind === 'subs') subs = parsed.subs;
      else if (line.trim().length > 0)
        logger.debug({ tool: 'yt-dlp', line: redactText(line).slice(0, 500) }, 'yt-dlp output');
    };
    const result = await runTool({
      tool: 'yt-dlp',
      file: resolved.ytDlpPath,
      args: buildCaptionsArgs({
        url,
        jobDir,
        socketTimeoutSec: resolved.socketTimeoutSec,
        proxyUrl: proxy.url,
        languages: resolved.languages,
        extraArgs: resolved.extraYtDlpArgs,
      }),
      signal: job.signal,
      logger,
      onStdoutLine: onLine,
      onStderrLine: onLine,
    });
    if (result.exitCode !== 0) {
      throw toolFailureError('yt-dlp', result, `fetch captions for ${redactUrl(url)}`);
    }
    if (!subs) {
      throw missingOutputError(result, 'yt-dlp finished without printing the subtitle list');
    }
    const tracks: CaptionTrack[] = [];
    const files = new Set(await readdir(jobDir));
    for (const [language, format] of Object.entries(subs.requested)) {
      const name = `${CAPTIONS_STEM}.${language}.${format}`;
      if (!files.has(name)) {
        throw new DownloadError('unavailable', `yt-dlp did not write the ${language} ${format} captions it listed`, {
          command: result.command,
          stderrTail: result.stderrTail,
        });
      }
      const text = await readBoundedText(path.join(jobDir, name), resolved.maxBytes);
      tracks.push({ language, format, automatic: !subs.humanLanguages.has(language), text });
    }
    logger.debug({ url: redactUrl(url), tracks: tracks.map((t) => `${t.language}.${t.format}`) }, 'captions fetched');
    return tracks;
  } catch (error) {
    throw toJobError(error, job.signal, 'caption download');
  } finally {
    job.dispose();
    await proxy?.close();
    if (jobDir) await removeJobDir(jobDir, logger);
  }
}

async function readBoundedText(file: string, maxBytes: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) {
      throw new DownloadError('too_large', `A caption file is ${size} bytes, more than the limit of ${maxBytes}`);
    }
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
}
