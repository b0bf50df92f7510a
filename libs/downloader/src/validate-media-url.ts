import { DownloadError } from './errors';
import { redactUrl } from '@astra/contracts';

export const MAX_MEDIA_URL_LENGTH = 4096;

/**
 * Checks a media URL before anything is spawned: http(s) only, no option-like or whitespace-laden input,
 * and, when `allowedHosts` is not empty, a host equal to one of them or a subdomain of one.
 * Returns the parsed URL; throws DownloadError `invalid_url` or `host_not_allowed`.
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
  if (allowedHosts && allowedHosts.length > 0 && !isHostAllowed(parsed.hostname, allowedHosts)) {
    throw new DownloadError('host_not_allowed', `The host ${parsed.hostname} is not in the allowed hosts list`);
  }
  return parsed;
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
