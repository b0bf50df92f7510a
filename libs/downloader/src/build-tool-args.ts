import { DownloadError } from './errors';

/** Prefixes of the lines this lib asks yt-dlp to print, so they cannot be confused with anything else. */
export const LINE_PREFIX = {
  meta: 'ASTRA-META ',
  progress: 'ASTRA-PROGRESS ',
  subs: 'ASTRA-SUBS ',
} as const;

const META_FIELDS = [
  'id',
  'title',
  'fulltitle',
  'duration',
  'uploader',
  'upload_date',
  'webpage_url',
  'extractor',
  'extractor_key',
  'ext',
  'filesize',
  'filesize_approx',
  'is_live',
].join(',');
const PROGRESS_FIELDS = ['status', 'downloaded_bytes', 'total_bytes', 'total_bytes_estimate', 'eta', 'speed'].join(',');

export const CAPTIONS_STEM = 'captions';

/**
 * Options that would run commands, read other inputs, move outputs out of the job dir, or send traffic around
 * the egress proxy (another proxy, or a downloader given its own arguments): refused in extra args.
 */
const FORBIDDEN_EXTRA_ARGS = new Set([
  '--',
  '--exec',
  '--exec-before-download',
  '-a',
  '--batch-file',
  '--load-info-json',
  '--enable-file-urls',
  '--config-location',
  '--config-locations',
  '--plugin-dirs',
  '--netrc-cmd',
  '--print-to-file',
  '-o',
  '--output',
  '-P',
  '--paths',
  '--proxy',
  '--geo-verification-proxy',
  '--cn-verification-proxy',
  '--downloader-args',
  '--external-downloader-args',
  '--max-filesize',
  '--min-filesize',
]);

/** Downloaders that send their traffic through yt-dlp's `--proxy` (yt-dlp's own, and ffmpeg via -http_proxy). */
const PROXIED_DOWNLOADERS = new Set(['native', 'ffmpeg', 'avconv']);

/** Throws `invalid_options` for extra yt-dlp arguments that could escape the job (commands, paths, file URLs, egress). */
export function checkExtraYtDlpArgs(extraArgs: readonly string[]): void {
  extraArgs.forEach((arg, index) => {
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FORBIDDEN_EXTRA_ARGS.has(name)) {
      throw new DownloadError('invalid_options', `The extra yt-dlp argument ${name} is not allowed`);
    }
    if (name === '--downloader' || name === '--external-downloader') {
      const value = name === arg ? extraArgs[index + 1] : arg.slice(name.length + 1);
      // `[PROTO:]NAME`, e.g. `m3u8:native` or `dash,m3u8:ffmpeg`.
      const downloader = (value ?? '').split(':').at(-1) ?? '';
      if (!PROXIED_DOWNLOADERS.has(downloader)) {
        throw new DownloadError(
          'invalid_options',
          `The extra yt-dlp argument ${name} ${JSON.stringify((value ?? '').slice(0, 40))} is not allowed: only native and ffmpeg downloads go through the egress policy`,
        );
      }
    }
  });
}

const COMMON_ARGS = ['--ignore-config', '--no-playlist', '--no-colors', '--no-mtime', '--no-simulate'];

/**
 * Network timeout, and every file yt-dlp writes (final and temporary) inside the job dir; `output` is the `-o`
 * template (`<stem>.%(ext)s`) or `-` for standard output.
 */
function jobDirArgs(input: { jobDir: string; socketTimeoutSec: number }, output: string): string[] {
  return [
    '--socket-timeout',
    String(input.socketTimeoutSec),
    '-P',
    input.jobDir,
    '-P',
    `temp:${input.jobDir}`,
    '-o',
    output,
  ];
}

export type DownloadArgsInput = {
  url: string;
  jobDir: string;
  socketTimeoutSec: number;
  /** yt-dlp skips a format whose size (metadata or Content-Length) is over this, before downloading it. */
  maxBytes: number;
  /** `http://127.0.0.1:PORT` of the egress policy proxy every connection goes through. */
  proxyUrl: string;
  extraArgs: readonly string[];
};

/**
 * yt-dlp downloading the best audio (or the best format, for direct links and single-file videos) to its
 * standard output, so that it can be decoded while it downloads; metadata and JSON progress go to stderr (yt-dlp
 * logs there when the output is `-`). Formats declared larger than `maxBytes` and empty files are refused before
 * their body is read. The URL comes last, after `--`.
 */
export function buildDownloadArgs(input: DownloadArgsInput): string[] {
  return [
    ...COMMON_ARGS,
    '-f',
    'bestaudio/best',
    '--proxy',
    input.proxyUrl,
    '--max-filesize',
    String(Math.floor(input.maxBytes)),
    '--min-filesize',
    '1',
    ...jobDirArgs(input, '-'),
    '--progress',
    '--newline',
    '--progress-template',
    `download:${LINE_PREFIX.progress}%(progress.{${PROGRESS_FIELDS}})j`,
    '-O',
    `video:${LINE_PREFIX.meta}%(.{${META_FIELDS}})j`,
    ...input.extraArgs,
    '--',
    input.url,
  ];
}

export type CaptionsArgsInput = {
  url: string;
  jobDir: string;
  socketTimeoutSec: number;
  /** `http://127.0.0.1:PORT` of the egress policy proxy. */
  proxyUrl: string;
  languages: readonly string[];
  extraArgs: readonly string[];
};

/** yt-dlp writing subtitles and automatic captions (json3, else VTT, else the best offered) into the job dir. */
export function buildCaptionsArgs(input: CaptionsArgsInput): string[] {
  return [
    ...COMMON_ARGS,
    '--skip-download',
    '--write-subs',
    '--write-auto-subs',
    '--sub-langs',
    input.languages.join(','),
    '--sub-format',
    'json3/vtt/best',
    '--proxy',
    input.proxyUrl,
    ...jobDirArgs(input, `${CAPTIONS_STEM}.%(ext)s`),
    '-O',
    `video:${LINE_PREFIX.subs}%(.{requested_subtitles,subtitles})j`,
    ...input.extraArgs,
    '--',
    input.url,
  ];
}

export type NormaliseArgsInput = {
  /** A complete file, or `undefined` to read the media from standard input while it downloads. */
  inputPath: string | undefined;
  outputPath: string;
};

/**
 * ffmpeg decoding the first audio stream to WAV PCM s16le 16 kHz mono with a bare 44-byte header (bitexact, no
 * metadata, no chapters), reporting progress as `key=value` lines on stdout. Its stderr, at `level+info`, carries
 * the banner and the input description (format, duration, streams) that replace a separate ffprobe run, each
 * line tagged with its level. The input may only be read from the pipe or the file given (no network, no other
 * files, even if the media is a playlist).
 */
export function buildNormaliseArgs(input: NormaliseArgsInput): string[] {
  return [
    '-nostdin',
    '-nostats',
    '-loglevel',
    'level+info',
    '-progress',
    'pipe:1',
    '-y',
    '-protocol_whitelist',
    input.inputPath === undefined ? 'pipe' : 'file',
    '-i',
    input.inputPath === undefined ? 'pipe:0' : `file:${input.inputPath}`,
    '-map',
    '0:a:0',
    '-vn',
    '-sn',
    '-dn',
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-ac',
    '1',
    '-ar',
    '16000',
    '-c:a',
    'pcm_s16le',
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-f',
    'wav',
    `file:${input.outputPath}`,
  ];
}

/** ffprobe describing streams and container of a downloaded file as JSON (local file only). */
export function buildProbeArgs(inputPath: string): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'warning',
    '-protocol_whitelist',
    'file',
    '-show_streams',
    '-show_format',
    '-of',
    'json',
    `file:${inputPath}`,
  ];
}
