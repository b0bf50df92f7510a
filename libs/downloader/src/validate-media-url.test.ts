import { describe, expect, it } from 'vitest';
import type { DownloadErrorCode } from './errors';
import { isHostAllowed, validateMediaUrl } from './validate-media-url';

describe('validateMediaUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', undefined],
    ['http://127.0.0.1:8080/files/a.webm', undefined],
    ['https://youtu.be/dQw4w9WgXcQ', ['youtu.be']],
    ['https://m.youtube.com/watch?v=x', ['youtube.com']],
    ['https://WWW.YouTube.com./watch?v=x', ['youtube.com']],
    ['https://media.example.org/a.mp3', ['*.example.org']],
    ['https://any.host/a.mp3', []],
    ['http://alice:url%20pass@media.example.org/s.webm?sig=1', undefined],
    ['http://[::1]:8080/a.webm', undefined],
    ['https://ayuntamiento-de-cádiz.es/pleno.mp4', undefined],
  ])('accepts %s (allowed: %j)', (url, allowed) => {
    expect(validateMediaUrl(url, allowed).href).toBe(new URL(url).href);
  });

  it.each<[string, string, string[] | undefined, DownloadErrorCode]>([
    ['empty', '', undefined, 'invalid_url'],
    ['option-like', '--exec=touch /tmp/pwned', undefined, 'invalid_url'],
    ['short option', '-o/tmp/x', undefined, 'invalid_url'],
    ['file scheme', 'file:///etc/passwd', undefined, 'invalid_url'],
    ['ftp scheme', 'ftp://example.org/a.mp3', undefined, 'invalid_url'],
    ['javascript scheme', 'javascript:alert(1)', undefined, 'invalid_url'],
    ['not a URL', 'youtube.com/watch?v=x', undefined, 'invalid_url'],
    ['whitespace', 'https://example.org/a b.mp3', undefined, 'invalid_url'],
    ['newline', 'https://example.org/a.mp3\n--exec=x', undefined, 'invalid_url'],
    ['too long', `https://example.org/${'a'.repeat(5000)}`, undefined, 'invalid_url'],
    ['host not allowed', 'https://evil.example/a.mp3', ['youtube.com'], 'host_not_allowed'],
    ['suffix trick', 'https://notyoutube.com/watch?v=x', ['youtube.com'], 'host_not_allowed'],
    ['allowed host as subdomain of another', 'https://youtube.com.evil.example/x', ['youtube.com'], 'host_not_allowed'],
    ['backslash userinfo trick', 'http://youtube.com\\@127.0.0.1:8080/s.webm', ['youtube.com'], 'invalid_url'],
    ['backslash in the path', 'http://example.org/a\\b.webm', undefined, 'invalid_url'],
    ['two @', 'http://a@youtube.com@127.0.0.1/s.webm', undefined, 'invalid_url'],
    ['odd userinfo', 'http://you tube@127.0.0.1/', undefined, 'invalid_url'],
    ['decimal IPv4', 'http://2130706433:8080/s.webm', undefined, 'invalid_url'],
    ['hex IPv4', 'http://0x7f000001/s.webm', undefined, 'invalid_url'],
    ['octal IPv4', 'http://0177.0.0.1/s.webm', undefined, 'invalid_url'],
    ['short IPv4', 'http://127.1/s.webm', undefined, 'invalid_url'],
    ['percent-encoded host', 'http://%31%32%37.0.0.1/s.webm', undefined, 'invalid_url'],
  ])('rejects %s with %s', (_label, url, allowed, code) => {
    expect(() => validateMediaUrl(url, allowed)).toThrow(
      expect.objectContaining({ name: 'DownloadError', code, retryable: false }),
    );
  });

  it('does not echo query secrets in its message', () => {
    expect(() => validateMediaUrl('ftp://example.org/a.mp3?sig=TOPSECRET')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('TOPSECRET') }),
    );
  });
});

describe('isHostAllowed', () => {
  it.each([
    ['youtube.com', ['youtube.com'], true],
    ['www.youtube.com', ['youtube.com'], true],
    ['youtube.com', ['www.youtube.com'], false],
    ['evilyoutube.com', ['youtube.com'], false],
    ['a.b.example.org', ['*.example.org'], true],
    ['example.org', [''], false],
  ])('%s in %j → %s', (host, allowed, expected) => {
    expect(isHostAllowed(host, allowed)).toBe(expected);
  });
});
