import { DownloadError } from './errors';

/** Prefixes of the lines this lib asks yt-dlp to print, so they cannot be confused with anything else. */
export const LINE_PREFIX = {
  meta: 'ASTRA-META ',
  progress: 'ASTRA-PROGRESS ',
  file: 'ASTRA-FILE ',
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

/** Stem of the downloaded file inside the job dir (the extension is the source's). */
export const SOURCE_STEM = 'source';
export const CAPTIONS_STEM = 'captions';

/** Options that would run commands, read other inputs or move outputs out of the job dir: refused in extra args. */
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
  '-o',
  '--output',
  '-P',
  '--paths',
]);

/** Throws `invalid_options` for extra yt-dlp arguments that could escape the job (commands, paths, file URLs). */
export function checkExtraYtDlpArgs(extraArgs: readonly string[]): void {
  for (const arg of extraArgs) {
    const name = arg.startsWith('--') && arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (FORBIDDEN_EXTRA_ARGS.has(name)) {
      throw new DownloadError('invalid_options', `The extra yt-dlp argument ${name} is not allowed`);
    }
  }
}

const COMMON_ARGS = ['--ignore-config', '--no-playlist', '--no-colors', '--no-mtime', '--no-simulate'];

/** Network timeout, and every file yt-dlp writes (final and temporary) as `<stem>.<ext>` inside the job dir. */
function jobDirArgs(input: { jobDir: string; socketTimeoutSec: number }, stem: string): string[] {
  return [
    '--socket-timeout',
    String(input.socketTimeoutSec),
    '-P',
    input.jobDir,
    '-P',
    `temp:${input.jobDir}`,
    '-o',
    `${stem}.%(ext)s`,
  ];
}

export type DownloadArgsInput = {
  url: string;
  jobDir: string;
  socketTimeoutSec: number;
  extraArgs: readonly string[];
};

/**
 * yt-dlp downloading the best audio (or the best format, for direct links and single-file videos) to
 * `<jobDir>/source.<ext>`, printing metadata, JSON progress and the final path on stdout. The URL comes last,
 * after `--`.
 */
export function buildDownloadArgs(input: DownloadArgsInput): string[] {
  return [
    ...COMMON_ARGS,
    '-f',
    'bestaudio/best',
    ...jobDirArgs(input, SOURCE_STEM),
    '--progress',
    '--newline',
    '--progress-template',
    `download:${LINE_PREFIX.progress}%(progress.{${PROGRESS_FIELDS}})j`,
    '-O',
    `video:${LINE_PREFIX.meta}%(.{${META_FIELDS}})j`,
    '-O',
    `after_move:${LINE_PREFIX.file}%(filepath)s`,
    ...input.extraArgs,
    '--',
    input.url,
  ];
}

export type CaptionsArgsInput = {
  url: string;
  jobDir: string;
  socketTimeoutSec: number;
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
    ...jobDirArgs(input, CAPTIONS_STEM),
    '-O',
    `video:${LINE_PREFIX.subs}%(.{requested_subtitles,subtitles})j`,
    ...input.extraArgs,
    '--',
    input.url,
  ];
}

export type NormaliseArgsInput = {
  inputPath: string;
  outputPath: string;
};

/**
 * ffmpeg decoding the first audio stream to WAV PCM s16le 16 kHz mono with a bare 44-byte header (bitexact, no
 * metadata, no chapters), reporting progress as `key=value` lines on stdout.
 */
export function buildNormaliseArgs(input: NormaliseArgsInput): string[] {
  return [
    '-nostdin',
    '-hide_banner',
    '-nostats',
    '-loglevel',
    'error',
    '-progress',
    'pipe:1',
    '-y',
    '-i',
    `file:${input.inputPath}`,
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

/** ffprobe describing streams and container of a downloaded file as JSON. */
export function buildProbeArgs(inputPath: string): string[] {
  return ['-hide_banner', '-loglevel', 'warning', '-show_streams', '-show_format', '-of', 'json', `file:${inputPath}`];
}
