/** Hosts that serve YouTube videos (after lower-casing and dropping a trailing dot). */
const YOUTUBE_HOSTS: ReadonlySet<string> = new Set([
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'music.youtube.com',
  'gaming.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
]);
const SHORT_HOSTS: ReadonlySet<string> = new Set(['youtu.be', 'www.youtu.be']);
/** Path shapes `/{kind}/{id}` that name one video. */
const ID_PATH_KINDS: ReadonlySet<string> = new Set(['shorts', 'embed', 'live', 'v', 'e']);
/** 11-character path words that look like ids but are not (`/embed/videoseries?list=…`, `/embed/live_stream?channel=…`). */
const NOT_IDS: ReadonlySet<string> = new Set(['videoseries', 'live_stream']);
const VIDEO_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/;

/** True for a host that serves YouTube pages (`youtube.com`, `m.youtube.com`, `youtu.be`, …). */
export function isYoutubeHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return YOUTUBE_HOSTS.has(host) || SHORT_HOSTS.has(host);
}

function asVideoId(candidate: string | null | undefined): string | undefined {
  if (candidate == null || NOT_IDS.has(candidate) || !VIDEO_ID_PATTERN.test(candidate)) return undefined;
  return candidate;
}

/**
 * The 11-character video id of a YouTube URL of any common shape (`watch?v=`, `youtu.be/`,
 * `/shorts/`, `/embed/`, `/live/`, `/v/`, `m.`, `music.`, `youtube-nocookie.com`, extra
 * parameters and timestamps), or `undefined` for anything else (including invalid URLs).
 */
export function youtubeVideoId(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname.replace(/\.$/, '');
  const segments = parsed.pathname.split('/').filter((segment) => segment !== '');
  if (SHORT_HOSTS.has(host)) return asVideoId(segments[0]);
  if (!YOUTUBE_HOSTS.has(host)) return undefined;
  const [first, second] = segments;
  if (first === 'watch' && second === undefined) return asVideoId(parsed.searchParams.get('v'));
  if (first !== undefined && ID_PATH_KINDS.has(first)) return asVideoId(second);
  return undefined;
}
