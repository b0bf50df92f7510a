import { z } from 'zod';
import { readVariable, type Env } from './read-variable';

/**
 * The oldest yt-dlp this pipeline is meant to run with. Sites (YouTube above all) change under yt-dlp every few
 * weeks and old releases stop downloading from them, usually with errors that look like our bugs; 2025.11.12 is
 * the release from which YouTube needs the JavaScript runtime the downloader detects. Raise it with the Docker
 * image's pin; operators can move it with `ASTRA_MIN_YTDLP_VERSION`.
 */
export const MIN_YTDLP_VERSION = '2025.11.12';

/** Minimum tool versions the CLI warns about and the worker's health reports. */
export type ToolMinimums = { ytDlp: string };

const versionText = z.string().regex(/^\d+(\.\d+)*$/, 'expected a dotted version such as 2025.11.12');

/** `ASTRA_MIN_YTDLP_VERSION` ?? {@link MIN_YTDLP_VERSION}; a malformed value is a `ConfigError` naming it. */
export function resolveToolMinimums(env: Env): ToolMinimums {
  return { ytDlp: readVariable(env, 'ASTRA_MIN_YTDLP_VERSION', versionText, MIN_YTDLP_VERSION) };
}

/** A tool older than its minimum, or one whose version could not be read. */
export type ToolVersionWarning = { tool: 'yt-dlp'; version: string; minimum: string; message: string };

/**
 * Compares a tool's reported version with its minimum. yt-dlp reports dates (`2023.03.04`, nightlies add a
 * time: `2025.01.26.034637`), compared part by part as numbers.
 */
export function checkToolVersions(versions: { ytDlp: string }, minimums: ToolMinimums): ToolVersionWarning[] {
  const version = versions.ytDlp.trim();
  const order = compareVersions(version, minimums.ytDlp);
  if (order === undefined) {
    return [
      {
        tool: 'yt-dlp',
        version,
        minimum: minimums.ytDlp,
        message: `yt-dlp reported a version that cannot be compared ("${version.slice(0, 40)}"); ${minimums.ytDlp} or newer is expected`,
      },
    ];
  }
  if (order >= 0) return [];
  return [
    {
      tool: 'yt-dlp',
      version,
      minimum: minimums.ytDlp,
      message: `yt-dlp ${version} is older than ${minimums.ytDlp}: sites such as YouTube may refuse it; update yt-dlp (or set ASTRA_MIN_YTDLP_VERSION)`,
    },
  ];
}

/** Sign of `a - b` for dotted numeric versions (missing parts count as 0); undefined when one is not numeric. */
export function compareVersions(a: string, b: string): number | undefined {
  const parse = (v: string) => (/^\d+(\.\d+)*$/.test(v) ? v.split('.').map(Number) : undefined);
  const left = parse(a);
  const right = parse(b);
  if (!left || !right) return undefined;
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}
