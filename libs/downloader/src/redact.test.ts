import { describe, expect, it } from 'vitest';
import { formatCommand, redactArgs, redactText, redactUrl } from './redact';

describe('redactUrl', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abc123&si=TRACKING', 'https://www.youtube.com/watch?v=abc123&***'],
    ['https://cdn.example/a.webm?X-Amz-Signature=SECRET&X-Amz-Credential=K', 'https://cdn.example/a.webm?***'],
    ['https://user:pass@host.example/a.mp3', 'https://***@host.example/a.mp3'],
    ['http://127.0.0.1:8080/files/a.webm', 'http://127.0.0.1:8080/files/a.webm'],
    ['https://example.org/a.mp3#frag', 'https://example.org/a.mp3'],
  ])('%s → %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it('shortens and cleans what is not a URL', () => {
    const out = redactUrl(`--exec=${'x'.repeat(200)}\u0000`);
    expect(out.length).toBeLessThanOrEqual(81);
    expect(out).not.toContain('\u0000');
  });
});

describe('redactText and redactArgs', () => {
  it('redacts every URL in a text', () => {
    expect(redactText('ERROR: got https://a.example/x?token=T1 then http://b.example/y?sig=T2.')).toBe(
      'ERROR: got https://a.example/x?*** then http://b.example/y?***',
    );
  });

  it('hides secret option values in both forms and redacts URL arguments', () => {
    expect(
      redactArgs([
        '--username',
        'me',
        '--password=hunter2',
        '--add-header',
        'Authorization:Bearer X',
        '--',
        'https://h.example/a?k=1',
      ]),
    ).toEqual(['--username', '***', '--password=***', '--add-header', '***', '--', 'https://h.example/a?***']);
  });

  it('formats a command for display with quoting', () => {
    expect(
      formatCommand('yt-dlp', ['-f', 'bestaudio/best', '-o', 'source.%(ext)s', '--', 'https://h.example/a?k=1']),
    ).toBe("yt-dlp -f bestaudio/best -o 'source.%(ext)s' -- 'https://h.example/a?***'");
  });
});
