import { describe, expect, it } from 'vitest';
import { classifyToolFailure } from './classify-tool-failure';
import type { DownloadErrorCode } from './errors';

describe('classifyToolFailure(yt-dlp)', () => {
  it.each<[string, string, DownloadErrorCode, boolean]>([
    [
      'HTTP 404 on a direct link',
      "ERROR: [generic] None: Unable to download webpage: HTTP Error 404: File not found (caused by <HTTPError 404: 'File not found'>); please report this issue on  https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the appropriate issue template.",
      'not_found',
      false,
    ],
    ['HTTP 410', 'ERROR: [generic] x: Unable to download webpage: HTTP Error 410: Gone', 'not_found', false],
    [
      'connection refused',
      "ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno 111] Connection refused> (caused by URLError(ConnectionRefusedError(111, 'Connection refused')))",
      'tool_failed',
      true,
    ],
    [
      'connection reset',
      "ERROR: unable to download video data: ('Connection aborted.', ConnectionResetError(104, 'Connection reset by peer'))",
      'tool_failed',
      true,
    ],
    [
      'DNS failure',
      'ERROR: [generic] None: Unable to download webpage: <urlopen error [Errno -3] Temporary failure in name resolution>',
      'tool_failed',
      true,
    ],
    [
      'read timeout',
      'ERROR: [youtube] abc: Unable to download API page: The read operation timed out',
      'timeout',
      true,
    ],
    [
      'incomplete body',
      'ERROR: unable to download video data: IncompleteRead(1024 bytes read, 4096 more expected)',
      'tool_failed',
      true,
    ],
    [
      'unsupported URL',
      'WARNING: [generic] Falling back on generic information extractor\nERROR: Unsupported URL: http://127.0.0.1:8080/page.html',
      'not_found',
      false,
    ],
    ['HTTP 403', 'ERROR: unable to download video data: HTTP Error 403: Forbidden', 'forbidden', true],
    ['HTTP 401', 'ERROR: [generic] x: Unable to download webpage: HTTP Error 401: Unauthorized', 'forbidden', false],
    [
      'HTTP 429',
      'ERROR: [youtube] dQw4w9WgXcQ: Unable to download webpage: HTTP Error 429: Too Many Requests',
      'rate_limited',
      true,
    ],
    [
      'YouTube bot check',
      'ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm you’re not a bot. Use --cookies-from-browser or --cookies for the authentication.',
      'bot_check',
      true,
    ],
    [
      'YouTube bot check (ASCII apostrophe)',
      "ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm you're not a bot. This helps protect our community.",
      'bot_check',
      true,
    ],
    ['video unavailable', 'ERROR: [youtube] dQw4w9WgXcQ: Video unavailable', 'not_found', false],
    [
      'video removed',
      'ERROR: [youtube] dQw4w9WgXcQ: Video unavailable. This video has been removed by the uploader',
      'not_found',
      false,
    ],
    [
      'private video',
      "ERROR: [youtube] dQw4w9WgXcQ: Private video. Sign in if you've been granted access to this video",
      'not_found',
      false,
    ],
    [
      'age gate',
      'ERROR: [youtube] dQw4w9WgXcQ: Sign in to confirm your age. This video may be inappropriate for some users.',
      'forbidden',
      false,
    ],
    [
      'members only',
      'ERROR: [youtube] dQw4w9WgXcQ: Join this channel to get access to members-only content like this video, and other exclusive perks.',
      'forbidden',
      false,
    ],
    [
      'geo block',
      'ERROR: [youtube] dQw4w9WgXcQ: The uploader has not made this video available in your country',
      'forbidden',
      false,
    ],
    ['upcoming live', 'ERROR: [youtube] dQw4w9WgXcQ: This live event will begin in 3 hours.', 'unavailable', true],
    ['server error', 'ERROR: unable to download video data: HTTP Error 503: Service Unavailable', 'unavailable', true],
    [
      'no formats',
      'ERROR: [generic] x: Requested format is not available. Use --list-formats for a list of available formats',
      'no_audio',
      false,
    ],
    [
      'file:// URL',
      'ERROR: [generic] None: Unable to download webpage: <urlopen error file:// URLs are explicitly disabled in yt-dlp for security reasons.>',
      'invalid_url',
      false,
    ],
    ['anything else', 'ERROR: something unexpected happened', 'tool_failed', true],
  ])('%s → %s', (_label, stderr, code, retryable) => {
    const failure = classifyToolFailure('yt-dlp', stderr);
    expect(failure.code).toBe(code);
    expect(failure.retryable).toBe(retryable);
  });

  it('classifies by the ERROR line, not by earlier warnings', () => {
    const stderr = [
      'WARNING: [youtube] Unable to download webpage: HTTP Error 429: Too Many Requests; retrying',
      'ERROR: [youtube] abc: Video unavailable',
    ].join('\n');
    expect(classifyToolFailure('yt-dlp', stderr).code).toBe('not_found');
  });

  it('keeps the error line as detail without the bug-report boilerplate and with the URL redacted', () => {
    const failure = classifyToolFailure(
      'yt-dlp',
      'ERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found for https://cdn.example/a.webm?token=s3cr3t; please report this issue on https://github.com/yt-dlp/yt-dlp/issues?q= , filling out the template',
    );
    expect(failure.detail).toBe(
      '[generic] None: Unable to download webpage: HTTP Error 404: Not Found for https://cdn.example/a.webm?token=redacted',
    );
    expect(failure.detail).not.toContain('s3cr3t');
  });
});

describe('classifyToolFailure(ffmpeg)', () => {
  it.each<[string, string, DownloadErrorCode]>([
    [
      'no audio stream',
      "Stream map '0:a:0' matches no streams.\nTo ignore this, add a trailing '?' to the map.",
      'no_audio',
    ],
    [
      'moov missing',
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] moov atom not found\nfile:/tmp/x/source.m4a: Invalid data found when processing input',
      'invalid_media',
    ],
    ['garbage input', 'file:/tmp/x/source.webm: Invalid data found when processing input', 'invalid_media'],
    ['EBML', '[matroska,webm @ 0x5] EBML header parsing failed', 'invalid_media'],
    ['disk full', 'file:/tmp/x/audio.wav: No space left on device', 'tool_failed'],
    ['unknown', 'Conversion failed!', 'tool_failed'],
  ])('%s → %s', (_label, stderr, code) => {
    expect(classifyToolFailure('ffmpeg', stderr).code).toBe(code);
  });

  it('marks an unknown ffmpeg failure as not retryable and a full disk as retryable', () => {
    expect(classifyToolFailure('ffmpeg', 'Conversion failed!').retryable).toBe(false);
    expect(classifyToolFailure('ffmpeg', 'No space left on device').retryable).toBe(true);
  });
});
