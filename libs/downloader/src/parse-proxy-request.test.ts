import { describe, expect, it } from 'vitest';
import { canonicalHostname, parseProxyRequest } from './parse-proxy-request';

const head = (...lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

describe('parseProxyRequest', () => {
  it.each([
    ['CONNECT www.youtube.com:443 HTTP/1.1', { kind: 'connect', host: 'www.youtube.com', port: 443 }],
    ['CONNECT WWW.YouTube.COM.:443 HTTP/1.1', { kind: 'connect', host: 'www.youtube.com', port: 443 }],
    ['CONNECT [2001:db8::1]:8443 HTTP/1.1', { kind: 'connect', host: '2001:db8::1', port: 8443 }],
    ['CONNECT 93.184.216.34:443 HTTP/1.0', { kind: 'connect', host: '93.184.216.34', port: 443 }],
  ])('reads %s', (line, expected) => {
    expect(parseProxyRequest(head(line, 'Host: x'))).toEqual(expected);
  });

  it('rewrites a forwarded request to origin form, with the target as Host and Connection: close', () => {
    const parsed = parseProxyRequest(
      head(
        'GET http://media.example.org:8080/files/a.webm?sig=1 HTTP/1.1',
        'Host: media.example.org:8080',
        'Range: bytes=0-',
        'Proxy-Connection: keep-alive',
        'Proxy-Authorization: Basic eA==',
        'Connection: keep-alive',
        'User-Agent: yt-dlp',
      ),
    );
    expect(parsed).toEqual({
      kind: 'forward',
      host: 'media.example.org',
      port: 8080,
      head: head(
        'GET /files/a.webm?sig=1 HTTP/1.1',
        'Host: media.example.org:8080',
        'Range: bytes=0-',
        'User-Agent: yt-dlp',
        'Connection: close',
      ),
    });
  });

  it('defaults to port 80 and path /', () => {
    expect(parseProxyRequest(head('HEAD http://example.org HTTP/1.1'))).toMatchObject({
      kind: 'forward',
      host: 'example.org',
      port: 80,
      head: expect.stringMatching(/^HEAD \/ HTTP\/1\.1\r\nHost: example\.org\r\n/),
    });
  });

  it.each([
    ['userinfo trick', 'GET http://youtube.com\\@127.0.0.1:8080/s.webm HTTP/1.1'],
    ['userinfo', 'GET http://user:pw@example.org/ HTTP/1.1'],
    ['decimal IPv4', 'GET http://2130706433:8080/ HTTP/1.1'],
    ['hex IPv4', 'GET http://0x7f.0.0.1/ HTTP/1.1'],
    ['octal IPv4', 'CONNECT 0177.0.0.1:443 HTTP/1.1'],
    ['short IPv4', 'CONNECT 127.1:443 HTTP/1.1'],
    ['percent-encoded host', 'GET http://%31%32%37.0.0.1/ HTTP/1.1'],
    ['https absolute form', 'GET https://example.org/ HTTP/1.1'],
    ['origin form', 'GET /etc/passwd HTTP/1.1'],
    ['CONNECT without port', 'CONNECT example.org HTTP/1.1'],
    ['port 0', 'CONNECT example.org:0 HTTP/1.1'],
    ['port too big', 'CONNECT example.org:70000 HTTP/1.1'],
    ['bad IPv6', 'CONNECT [::g]:443 HTTP/1.1'],
    ['backslash in path', 'GET http://example.org/a\\b HTTP/1.1'],
    ['garbage', 'hello'],
    ['HTTP/2 line', 'GET http://example.org/ HTTP/2'],
  ])('refuses %s', (_label, line) => {
    expect(parseProxyRequest(head(line))).toMatchObject({ kind: 'invalid' });
  });

  it('refuses folded or malformed header lines', () => {
    expect(parseProxyRequest(head('GET http://example.org/ HTTP/1.1', 'X-A: 1', ' folded'))).toMatchObject({
      kind: 'invalid',
    });
  });
});

describe('canonicalHostname', () => {
  it.each([
    ['Example.ORG', 'example.org'],
    ['example.org.', 'example.org'],
    ['r3---sn-h5q7knes.googlevideo.com', 'r3---sn-h5q7knes.googlevideo.com'],
    ['_dmarc.example.org', '_dmarc.example.org'],
    ['10.0.0.1', '10.0.0.1'],
    ['xn--cdiz-0na.es', 'xn--cdiz-0na.es'],
    ['2130706433', undefined],
    ['0x7f000001', undefined],
    ['127.1', undefined],
    ['127.000.000.001', undefined],
    ['1.2.3.4.5', undefined],
    ['-bad.example', undefined],
    ['a..b', undefined],
    ['', undefined],
    ['exa mple.org', undefined],
  ])('%s → %s', (raw, expected) => {
    expect(canonicalHostname(raw)).toBe(expected);
  });
});
