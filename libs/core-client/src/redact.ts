import { redactText } from '@astra/contracts';

const BEARER_PATTERN = /\bBearer\s+[^\s"',;]+/gi;
const MAX_REMOTE_TEXT_CHARS = 300;

/**
 * Server-provided text made safe for an error message: one line, at most 300 characters, URLs redacted
 * (the shared URL rule), `Bearer …` values and every listed secret replaced by `[redacted]`.
 */
export function sanitizeRemoteText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]');
  }
  out = redactText(out)
    .replace(BEARER_PATTERN, 'Bearer [redacted]')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return out.length > MAX_REMOTE_TEXT_CHARS ? `${out.slice(0, MAX_REMOTE_TEXT_CHARS)}…` : out;
}
