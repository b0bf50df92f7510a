import { DownloadError } from './errors';
import { createJobSignal } from './job-signal';
import { silentLogger, type Logger, type ToolVersions } from './model';
import { runTool } from './run-tool';
import type { ToolName } from './classify-tool-failure';
import { identifyExecutable, readVersionCache, writeVersionCache } from './tool-version-cache';

export type ProbeToolsOptions = {
  ytDlpPath?: string;
  ffmpegPath?: string;
  ffprobePath?: string;
  timeoutMs?: number;
  /**
   * A JSON file remembering each binary's version by its identity (real path, inode, size, mtime), so that a
   * CLI run does not start Python just for `yt-dlp --version`. Only trusted when owned by this user.
   */
  cacheFile?: string;
  signal?: AbortSignal;
  logger?: Logger;
};

export const DEFAULT_PROBE_TOOLS_OPTIONS = {
  ytDlpPath: 'yt-dlp',
  ffmpegPath: 'ffmpeg',
  ffprobePath: 'ffprobe',
  timeoutMs: 30_000,
} as const;

const MAX_VERSION_CHARS = 200;

/**
 * Versions already probed by this process, by binary identity (real path, inode, size, mtime: a replaced binary
 * is probed again). A worker downloads session after session with the same tools; without this, every job would
 * start Python once more just for `yt-dlp --version`.
 */
const PROBED_THIS_PROCESS = new Map<string, string>();

/**
 * Runs `yt-dlp --version`, `ffmpeg -version` and `ffprobe -version` (or reuses what this process or `cacheFile`
 * already knows of the same binaries); throws `tool_missing` when one is absent.
 */
export async function probeTools(options: ProbeToolsOptions = {}): Promise<ToolVersions> {
  const ytDlpPath = options.ytDlpPath ?? DEFAULT_PROBE_TOOLS_OPTIONS.ytDlpPath;
  const ffmpegPath = options.ffmpegPath ?? DEFAULT_PROBE_TOOLS_OPTIONS.ffmpegPath;
  const ffprobePath = options.ffprobePath ?? DEFAULT_PROBE_TOOLS_OPTIONS.ffprobePath;
  const logger = options.logger ?? silentLogger;
  const job = createJobSignal({
    ...(options.signal ? { signal: options.signal } : {}),
    timeoutMs: options.timeoutMs ?? DEFAULT_PROBE_TOOLS_OPTIONS.timeoutMs,
    what: 'tool version check',
  });
  const cache = options.cacheFile === undefined ? undefined : await readVersionCache(options.cacheFile);
  let learned = false;
  const version = async (tool: ToolName, file: string, args: string[]): Promise<string> => {
    const identity = await identifyExecutable(tool, file);
    const known = identity === undefined ? undefined : (PROBED_THIS_PROCESS.get(identity) ?? cache?.get(identity));
    if (known !== undefined) return known;
    const probed = await readVersion(tool, file, args, job.signal, logger);
    if (identity !== undefined) {
      PROBED_THIS_PROCESS.set(identity, probed);
      if (cache !== undefined) {
        cache.set(identity, probed);
        learned = true;
      }
    }
    return probed;
  };
  try {
    const [ytDlp, ffmpeg, ffprobe] = await Promise.all([
      version('yt-dlp', ytDlpPath, ['--version']),
      version('ffmpeg', ffmpegPath, ['-version']),
      version('ffprobe', ffprobePath, ['-version']),
    ]);
    if (learned && cache !== undefined && options.cacheFile !== undefined) {
      await writeVersionCache(options.cacheFile, cache);
    }
    return { ytDlp, ffmpeg, ffprobe };
  } finally {
    job.dispose();
  }
}

/** `ffmpeg version 5.1.6-0+deb12u1 Copyright ...` → `5.1.6-0+deb12u1`; yt-dlp's line is the version itself. */
export function parseToolVersion(tool: ToolName, firstLine: string): string {
  const line = firstLine.trim();
  const match = tool === 'yt-dlp' ? null : /^ff(?:mpeg|probe) version (\S+)/.exec(line);
  return (match?.[1] ?? line).slice(0, MAX_VERSION_CHARS);
}

async function readVersion(
  tool: ToolName,
  file: string,
  args: string[],
  signal: AbortSignal,
  logger: Logger,
): Promise<string> {
  let firstLine: string | undefined;
  const result = await runTool({
    tool,
    file,
    args,
    signal,
    logger,
    maxLineChars: 1024,
    onStdoutLine: (line) => {
      if (firstLine === undefined && line.trim().length > 0) firstLine = line;
    },
  });
  if (result.exitCode !== 0 || firstLine === undefined) {
    throw new DownloadError('tool_missing', `${tool} at ${file} did not report a version (exit ${result.exitCode})`, {
      command: result.command,
      exitCode: result.exitCode,
      stderrTail: result.stderrTail,
    });
  }
  return parseToolVersion(tool, firstLine);
}
