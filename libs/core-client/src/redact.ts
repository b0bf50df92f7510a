const URL_PATTERN = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi;
const BEARER_PATTERN = /\bBearer\s+[^\s"',;]+/gi;
const MAX_REMOTE_TEXT_CHARS = 300;

/**
 * A URI safe to log: scheme, host and path only. The query string and fragment (where signed URLs carry
 * their signature) and any user:password are replaced by `[redacted]` markers.
 */
export function redactUri(uri: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)(?:[^@/?#]*@)?([^?#]*)([?#].*)?$/i.exec(uri);
  if (!match) return uri.replace(/[?#].*$/s, '?[redacted]');
  const [, scheme = '', rest = '', tail] = match;
  const hadCredentials = /^[a-z][a-z0-9+.-]*:\/\/[^@/?#]*@/i.test(uri);
  return `${scheme}${hadCredentials ? '[redacted]@' : ''}${rest}${tail ? '?[redacted]' : ''}`;
}

/**
 * Server-provided text made safe for an error message: one line, at most 300 characters, URLs redacted
 * with {@link redactUri}, `Bearer …` values and every listed secret replaced by `[redacted]`.
 */
export function sanitizeRemoteText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  out = out
    .replace(URL_PATTERN, (url) => redactUri(url))
    .replace(BEARER_PATTERN, 'Bearer [redacted]')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return out.length > MAX_REMOTE_TEXT_CHARS ? `${out.slice(0, MAX_REMOTE_TEXT_CHARS)}…` : out;
}
