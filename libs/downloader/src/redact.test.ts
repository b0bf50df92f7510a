import { describe, expect, it } from 'vitest';
import { redactText } from '@astra/contracts';
import { formatCommand, redactArgs } from './redact';

describe('redactText and redactArgs', () => {
  it('redacts every URL in a text', () => {
    expect(redactText('ERROR: got https://a.example/x?token=T1 then http://b.example/y?sig=T2.')).toBe(
      'ERROR: got https://a.example/x?token=redacted then http://b.example/y?sig=redacted',
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
    ).toEqual(['--username', '***', '--password=***', '--add-header', '***', '--', 'https://h.example/a?k=redacted']);
  });

  it('formats a command for display with quoting', () => {
    expect(
      formatCommand('yt-dlp', ['-f', 'bestaudio/best', '-o', 'source.%(ext)s', '--', 'https://h.example/a?k=1']),
    ).toBe("yt-dlp -f bestaudio/best -o 'source.%(ext)s' -- 'https://h.example/a?k=redacted'");
  });
});
