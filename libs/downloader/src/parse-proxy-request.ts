import { isIP } from 'node:net';

/** A request to the egress proxy: a tunnel (`CONNECT host:port`, for https) or a plain-http request to forward. */
export type ProxyRequest =
  | { kind: 'connect'; host: string; port: number }
  /** `head` is the request rewritten for the origin server (origin-form target, `Connection: close`). */
  | { kind: 'forward'; host: string; port: number; head: string }
  | { kind: 'invalid'; reason: string };

/** Hop-by-hop and proxy headers that must not reach the origin server; `Host` is set from the target. */
const DROPPED_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'host', 'te']);

const HOST_LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;

/**
 * Parses the head of a proxy request (request line and headers, up to the blank line, as latin1 text). Targets
 * that different URL parsers read differently are refused rather than guessed: userinfo, backslashes, and IP
 * addresses in any form but the canonical one (`2130706433`, `0x7f.1`, `0177.0.0.1`, `127.1`).
 */
export function parseProxyRequest(head: string): ProxyRequest {
  const lines = head.split('\r\n');
  const requestLine = lines[0] ?? '';
  const match = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(requestLine);
  if (!match?.[1] || !match[2]) return { kind: 'invalid', reason: 'malformed request line' };
  const method = match[1];
  const target = match[2];
  if (method === 'CONNECT') {
    const authority = parseAuthority(target, undefined);
    return 'reason' in authority ? { kind: 'invalid', reason: authority.reason } : { kind: 'connect', ...authority };
  }
  const absolute = /^http:\/\/([^/?#]*)([^#]*)$/i.exec(target);
  if (!absolute) return { kind: 'invalid', reason: 'only absolute http:// targets and CONNECT are proxied' };
  const authority = parseAuthority(absolute[1] ?? '', 80);
  if ('reason' in authority) return { kind: 'invalid', reason: authority.reason };
  const pathAndQuery = absolute[2] || '/';
  if (!pathAndQuery.startsWith('/') || pathAndQuery.includes('\\')) {
    return { kind: 'invalid', reason: 'the request path is not a plain absolute path' };
  }
  const headers: string[] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0 || /[\s]/.test(line.slice(0, colon))) return { kind: 'invalid', reason: 'malformed header line' };
    if (!DROPPED_HEADERS.has(line.slice(0, colon).toLowerCase())) headers.push(line);
  }
  const hostHeader =
    authority.port === 80 ? formatHost(authority.host) : `${formatHost(authority.host)}:${authority.port}`;
  const rewritten = [
    `${method} ${pathAndQuery} HTTP/1.1`,
    `Host: ${hostHeader}`,
    ...headers,
    'Connection: close',
    '',
    '',
  ];
  return { kind: 'forward', host: authority.host, port: authority.port, head: rewritten.join('\r\n') };
}

type Authority = { host: string; port: number };

/** `host[:port]` or `[v6][:port]` → canonical lower-case host (no brackets, no trailing dot) and port. */
function parseAuthority(authority: string, defaultPort: number | undefined): Authority | { reason: string } {
  if (authority.includes('@')) return { reason: 'userinfo in the proxy target' };
  if (authority.includes('\\') || authority.includes('%')) return { reason: 'escapes or backslashes in the host' };
  const bracketed = /^\[([0-9A-Fa-f:.]+)\](?::(\d{1,5}))?$/.exec(authority);
  const plain = /^([^:[\]]+)(?::(\d{1,5}))?$/.exec(authority);
  const rawHost = bracketed?.[1] ?? plain?.[1];
  const rawPort = bracketed ? bracketed[2] : plain?.[2];
  if (rawHost === undefined) return { reason: 'malformed host' };
  const port = rawPort === undefined ? defaultPort : Number(rawPort);
  if (port === undefined || !Number.isInteger(port) || port < 1 || port > 65535)
    return { reason: 'missing or bad port' };
  if (bracketed) {
    if (isIP(rawHost) !== 6) return { reason: 'malformed IPv6 address' };
    return { host: new URL(`http://[${rawHost}]/`).hostname.slice(1, -1), port };
  }
  const host = canonicalHostname(rawHost);
  return host === undefined ? { reason: 'non-canonical or malformed host name' } : { host, port };
}

/**
 * A host name as every parser reads it, or `undefined`: a dotted-quad IPv4 address exactly as written, or
 * DNS labels (letters, digits, `-`, `_`). Numeric forms that resolvers expand (`2130706433`, `0x7f.1`, `127.1`,
 * `0177.0.0.1`) are refused: a check on the string would not see the address they reach.
 */
export function canonicalHostname(raw: string): string | undefined {
  const host = raw.toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return undefined;
  if (isIP(host) === 4) return /^(0|[1-9]\d{0,2})(\.(0|[1-9]\d{0,2})){3}$/.test(host) ? host : undefined;
  const labels = host.split('.');
  if (!labels.every((label) => HOST_LABEL.test(label))) return undefined;
  // All-numeric or hex-looking last label: resolvers may read the whole name as an IPv4 address.
  const last = labels.at(-1) ?? '';
  if (/^(0x[0-9a-f]*|\d+)$/.test(last)) return undefined;
  return host;
}

function formatHost(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host;
}
