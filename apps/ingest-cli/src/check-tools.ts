import type { Logger } from 'pino';
import { probeTools, type ToolVersions } from '@astra/downloader';
import { checkToolVersions, type ToolVersionWarning } from '@astra/mining/config';
import type { CliConfig } from './config';

export type ToolCheck =
  { ok: true; versions: ToolVersions; warnings: ToolVersionWarning[] } | { ok: false; error: Error; warnings: [] };

/**
 * Runs yt-dlp/ffmpeg/ffprobe `--version` (or reads them from the per-user cache for the same binaries: starting
 * Python only for `yt-dlp --version` costs about a second of CPU) and compares yt-dlp with the configured minimum
 * (`ASTRA_MIN_YTDLP_VERSION`).
 */
export async function checkTools(config: CliConfig): Promise<ToolCheck> {
  const { toolVersionsCacheFile, ...paths } = config.tools;
  try {
    const versions = await probeTools({
      ...paths,
      ...(toolVersionsCacheFile ? { cacheFile: toolVersionsCacheFile } : {}),
      timeoutMs: 15_000,
    });
    return { ok: true, versions, warnings: checkToolVersions(versions, config.toolMinimums) };
  } catch (error) {
    return { ok: false, error: error as Error, warnings: [] };
  }
}

/** Before a run: a warning per old or missing tool (the sessions that need it fail with their own error). */
export async function warnAboutTools(config: CliConfig, logger: Logger): Promise<void> {
  const tools = await checkTools(config);
  if (!tools.ok) {
    logger.warn({ err: tools.error }, tools.error.message);
    return;
  }
  for (const warning of tools.warnings) {
    logger.warn({ tool: warning.tool, version: warning.version, minimum: warning.minimum }, warning.message);
  }
}
