/** Query parameters that identify a video and are safe to show (everything else may be a token or signature). */
const SAFE_QUERY_PARAMS = new Set(['v', 'list', 'index', 't']);

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

const URL_IN_TEXT = /\bhttps?:\/\/[^\s'"<>()]+/gi;
const MAX_UNPARSABLE_CHARS = 80;

/** A URL safe for logs and messages: credentials dropped, query values other than ids and the fragment hidden. */
export function redactUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return redactUnparsable(input);
  }
  if (url.username || url.password) {
    url.username = '***';
    url.password = '';
  }
  const kept: string[] = [];
  let hidden = false;
  for (const [name, value] of url.searchParams) {
    if (SAFE_QUERY_PARAMS.has(name)) kept.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    else hidden = true;
  }
  if (hidden) kept.push('***');
  const base = `${url.protocol}//${url.username ? `${url.username}@` : ''}${url.host}${url.pathname}`;
  return kept.length > 0 ? `${base}?${kept.join('&')}` : base;
}

/** Every http(s) URL inside a text (e.g. yt-dlp's stderr) replaced by its redacted form. */
export function redactText(text: string): string {
  return text.replace(URL_IN_TEXT, (match) => redactUrl(match));
}

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

function redactUnparsable(input: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = input.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > MAX_UNPARSABLE_CHARS ? `${clean.slice(0, MAX_UNPARSABLE_CHARS)}…` : clean;
}
