import { describeValue } from '../describe-value';
import { ContractError } from '../errors';
import { youtubeVideoId } from './youtube-video-id';

/** Query parameters that only track the click and never change the media. */
const TRACKING_PARAM = /^(utm_.*|fbclid|gclid|msclkid)$/i;

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * The canonical form of a video URL, the input of the session id:
 * - YouTube URLs of every shape → `https://www.youtube.com/watch?v=<id>`;
 * - other http(s) URLs: WHATWG-normalised (lower-case scheme and host, default port dropped),
 *   fragment dropped, tracking parameters (`utm_*`, `fbclid`, `gclid`, `msclkid`) dropped,
 *   everything else unchanged (path, other parameters and their order).
 * Throws `ContractError('invalid_video_url')` for anything that is not an absolute http(s) URL.
 */
export function canonicalVideoUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new ContractError('invalid_video_url', `Invalid video URL ${describeValue(url)}: not an absolute URL.`, {
      cause: error,
    });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ContractError(
      'invalid_video_url',
      `Invalid video URL ${describeValue(url)}: only http and https are supported.`,
    );
  }
  const videoId = youtubeVideoId(url);
  if (videoId !== undefined) return `https://www.youtube.com/watch?v=${videoId}`;
  parsed.hash = '';
  const pairs = parsed.search === '' ? [] : parsed.search.slice(1).split('&');
  const kept = pairs.filter((pair) => pair !== '' && !TRACKING_PARAM.test(paramName(pair)));
  // Rewrite the query only when something goes (a bare '?' goes too); otherwise keep it byte for byte.
  if (kept.length !== pairs.length || pairs.length === 0) parsed.search = kept.join('&');
  return parsed.href;
}
