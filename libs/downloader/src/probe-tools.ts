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
 * Runs `yt-dlp --version`, `ffmpeg -version` and `ffprobe -version` (or reads them from `cacheFile` for the
 * same binaries); throws `tool_missing` when one is absent.
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
    const identity = cache === undefined ? undefined : await identifyExecutable(tool, file);
    const cached = identity === undefined ? undefined : cache?.get(identity);
    if (cached !== undefined) return cached;
    const probed = await readVersion(tool, file, args, job.signal, logger);
    if (identity !== undefined && cache !== undefined) {
      cache.set(identity, probed);
      learned = true;
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
