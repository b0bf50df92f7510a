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
