import { DownloadError } from './errors';
import { redactUrl } from '@astra/contracts';
import { canonicalHostname } from './parse-proxy-request';

export const MAX_MEDIA_URL_LENGTH = 4096;

/** RFC 3986 userinfo: unreserved, percent-encoded, sub-delims and `:`. */
const USERINFO = /^(?:[A-Za-z0-9._~!$&'()*+,;=:-]|%[0-9A-Fa-f]{2})*$/;

/**
 * Checks a media URL before anything is spawned: http(s) only, no option-like or whitespace-laden input, no
 * form that URL parsers read differently (backslashes, several `@`, unusual userinfo, IP addresses written in
 * decimal, octal, hex or short form, percent-encoded hosts), and, when `allowedHosts` is not empty, a host equal
 * to one of them or a subdomain of one. This is a fast first check on the string; the egress proxy enforces the
 * policy on the connections actually made. Returns the parsed URL; throws `invalid_url` or `host_not_allowed`.
 */
export function validateMediaUrl(url: string, allowedHosts?: readonly string[]): URL {
  if (typeof url !== 'string' || url.length === 0) throw new DownloadError('invalid_url', 'The media URL is empty');
  if (url.length > MAX_MEDIA_URL_LENGTH) {
    throw new DownloadError('invalid_url', `The media URL is longer than ${MAX_MEDIA_URL_LENGTH} characters`);
  }
  if (url.startsWith('-')) {
    throw new DownloadError('invalid_url', `The media URL "${redactUrl(url)}" looks like a command-line option`);
  }
  if (/[\s\u0000-\u001f\u007f]/.test(url)) {
    throw new DownloadError(
      'invalid_url',
      `The media URL "${redactUrl(url)}" contains whitespace or control characters`,
    );
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new DownloadError('invalid_url', `The media URL "${redactUrl(url)}" is not a valid URL`, { cause: error });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new DownloadError(
      'invalid_url',
      `The media URL "${redactUrl(url)}" uses ${parsed.protocol.replace(/:$/, '')}: only http and https are accepted`,
    );
  }
  if (!parsed.hostname) throw new DownloadError('invalid_url', `The media URL "${redactUrl(url)}" has no host`);
  checkAuthority(url, parsed);
  if (allowedHosts && allowedHosts.length > 0 && !isHostAllowed(parsed.hostname, allowedHosts)) {
    throw new DownloadError('host_not_allowed', `The host ${parsed.hostname} is not in the allowed hosts list`);
  }
  return parsed;
}

/** Refuses authorities that another parser (yt-dlp's Python, a resolver) could read as a different host. */
function checkAuthority(url: string, parsed: URL): void {
  const refuse = (why: string): never => {
    throw new DownloadError('invalid_url', `The media URL "${redactUrl(url)}" ${why}`);
  };
  if (url.includes('\\')) refuse('contains a backslash');
  const authority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(url)?.[1];
  if (authority === undefined) return refuse('has no authority (scheme://host)');
  const at = authority.lastIndexOf('@');
  if (at !== -1) {
    const userinfo = authority.slice(0, at);
    if (userinfo.includes('@') || !USERINFO.test(userinfo)) refuse('has an ambiguous user name or password part');
  }
  const hostAndPort = authority.slice(at + 1);
  if (hostAndPort.startsWith('[')) return; // IPv6 literal: the proxy checks the address itself
  const rawHost = hostAndPort.replace(/:\d*$/, '');
  if (rawHost.includes('%')) refuse('has a percent-encoded host');
  // ASCII hosts must already be canonical; IDN hosts are judged by their punycode form.
  const candidate = /^[\x21-\x7e]*$/.test(rawHost) ? rawHost : parsed.hostname;
  const canonical = canonicalHostname(candidate);
  if (canonical === undefined || canonical !== parsed.hostname.replace(/\.$/, '')) {
    refuse('has a host in a non-canonical form (write IP addresses as four decimal numbers)');
  }
}

/** Exact host or a subdomain of an allowed host (`youtube.com` allows `www.youtube.com`), case-insensitive. */
export function isHostAllowed(hostname: string, allowedHosts: readonly string[]): boolean {
  const host = normaliseHost(hostname);
  return allowedHosts.some((entry) => {
    const allowed = normaliseHost(entry.startsWith('*.') ? entry.slice(2) : entry);
    return allowed.length > 0 && (host === allowed || host.endsWith(`.${allowed}`));
  });
}

function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}
