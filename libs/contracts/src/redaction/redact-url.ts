import { isYoutubeHost } from '../session/youtube-video-id';

/** What stands where a secret was. Plain letters keep a redacted URL a valid URL. */
export const REDACTED = 'redacted';

/** YouTube query parameters that name a video or a position: safe to show, useful to a human. */
const SAFE_YOUTUBE_PARAMS: ReadonlySet<string> = new Set(['v', 'list', 'index', 't']);
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`()]+/gi;
const MAX_UNPARSABLE_CHARS = 80;

/**
 * The one redaction rule for URLs, applied to everything that is stored or printed (manifests, sidecar
 * objects, reports, status, errors, logs). Credentials (`user:password@`) become `redacted@`; every query value
 * becomes `redacted` (names stay, so a reader sees a signature was there), except the video id, playlist,
 * index and time of a YouTube URL; the fragment is dropped. Signed-URL parameters (`X-Amz-Signature`, `sig`,
 * `token`, `Expires`…) are query values, so they are covered by the same rule. The full URL lives only in
 * memory and in the job payload that needs it.
 */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return redactUnparsable(input);
  }
  const safeParams = isYoutubeHost(url.hostname) ? SAFE_YOUTUBE_PARAMS : undefined;
  const query = url.search === '' ? '' : `?${redactQuery(url.search.slice(1), safeParams)}`;
  const credentials = url.username !== '' || url.password !== '' ? `${REDACTED}@` : '';
  // `url.host` is empty for `file:` and opaque URLs; the pathname then carries everything after the scheme.
  const authority =
    url.host !== '' || input.slice(url.protocol.length).startsWith('//') ? `//${credentials}${url.host}` : '';
  return `${url.protocol}${authority}${url.pathname}${query}`;
}

/** Every URL inside a text (a tool's stderr, a remote error message) replaced by its {@link redactUrl} form. */
export function redactText(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => redactUrl(match));
}

function redactQuery(query: string, safeParams: ReadonlySet<string> | undefined): string {
  return query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      if (eq === -1) return name;
      return safeParams?.has(decodeName(name)) ? pair : `${name}=${REDACTED}`;
    })
    .join('&');
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Not a parsable URL: credentials and query values still go, control characters too, and it is shortened. */
function redactUnparsable(input: string): string {
  const clean = input
    .replace(/[\u0000-\u001f\u007f]/g, '?')
    .replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/i, `$1${REDACTED}@`)
    .replace(/([?&][^=&#\s]*)=[^&#\s]*/g, `$1=${REDACTED}`)
    .replace(/#.*$/s, '');
  return clean.length > MAX_UNPARSABLE_CHARS ? `${clean.slice(0, MAX_UNPARSABLE_CHARS)}…` : clean;
}
