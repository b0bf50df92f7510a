import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { formatNumber } from './format-figures';

/** What an `<audio>` element of the report can play for one segment, or why it cannot. */
export type AudioSource =
  { kind: 'playable'; src: string } | { kind: 'unplayable'; reason: 's3' | 'unsupported'; location: string };

/**
 * The `src` of a segment's player: the audio file with a media fragment (`#t=start,end`) so the browser plays
 * only the span (harmless on a cut WAV, whose span is the whole file). A local file is addressed relative to
 * the report when the report is a local file too, so the page keeps working over HTTP and when its folder is
 * moved with the audio. `s3://` cannot be played by a browser: the page says so instead of showing a dead
 * player.
 */
export function resolveAudioSource(
  audioFilepath: string,
  offset: number,
  duration: number,
  reportUrl?: string,
): AudioSource {
  const fragment = `#t=${formatNumber(offset)},${formatNumber(offset + duration)}`;
  if (/^s3:\/\//i.test(audioFilepath)) return { kind: 'unplayable', reason: 's3', location: audioFilepath };
  if (/^https?:\/\//i.test(audioFilepath))
    return { kind: 'playable', src: `${audioFilepath.split('#')[0]}${fragment}` };
  const localPath = localPathOf(audioFilepath);
  if (localPath === undefined) return { kind: 'unplayable', reason: 'unsupported', location: audioFilepath };
  const reportPath = reportUrl === undefined ? undefined : localPathOf(reportUrl);
  if (reportPath === undefined) return { kind: 'playable', src: `${pathToFileURL(localPath).href}${fragment}` };
  const relative = path.posix.relative(path.posix.dirname(reportPath), localPath);
  return { kind: 'playable', src: `${relative.split('/').map(encodeURIComponent).join('/')}${fragment}` };
}

function localPathOf(location: string): string | undefined {
  if (/^file:/i.test(location)) {
    // Only local file URLs (no host, no encoded '/': fileURLToPath refuses those) address a file here.
    if (!URL.canParse(location) || /%2f/i.test(location)) return undefined;
    const url = new URL(location);
    return url.host === '' || url.host === 'localhost' ? fileURLToPath(url) : undefined;
  }
  return path.posix.isAbsolute(location) ? path.posix.normalize(location) : undefined;
}
