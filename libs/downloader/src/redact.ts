import { redactText } from '@astra/contracts';

/** yt-dlp options whose value is a secret; `--opt value` and `--opt=value` forms are both redacted. */
const SECRET_OPTIONS = new Set([
  '-u',
  '--username',
  '-p',
  '--password',
  '-2',
  '--twofactor',
  '--video-password',
  '--ap-username',
  '--ap-password',
  '--client-certificate-password',
  '--add-header',
  '--cookies-from-browser',
]);

/** Arguments safe to log: secret option values hidden, URLs redacted. */
export function redactArgs(args: readonly string[]): string[] {
  const out: string[] = [];
  let hideNext = false;
  for (const arg of args) {
    if (hideNext) {
      out.push('***');
      hideNext = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('-') && eq > 0 ? arg.slice(0, eq) : arg;
    if (SECRET_OPTIONS.has(name)) {
      if (name === arg) hideNext = true;
      out.push(name === arg ? arg : `${name}=***`);
      continue;
    }
    out.push(redactText(arg));
  }
  return out;
}

/** A one-line, redacted rendering of a command for logs and errors (never executed). */
export function formatCommand(file: string, args: readonly string[]): string {
  return [file, ...redactArgs(args)].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
