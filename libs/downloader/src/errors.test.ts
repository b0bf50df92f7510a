import { describe, expect, it } from 'vitest';
import { DownloadError, isDownloadError, RETRYABLE_BY_CODE } from './errors';

describe('DownloadError', () => {
  it('carries name, code, default retryable, cause and subprocess fields', () => {
    const cause = new Error('boom');
    const error = new DownloadError('rate_limited', 'Too many requests', {
      cause,
      command: 'yt-dlp -- https://h/a',
      exitCode: 1,
      stderrTail: 'ERROR: x',
    });
    expect(error).toMatchObject({
      name: 'DownloadError',
      code: 'rate_limited',
      retryable: true,
      cause,
      exitCode: 1,
      stderrTail: 'ERROR: x',
    });
    expect(error).toBeInstanceOf(Error);
    expect(isDownloadError(error)).toBe(true);
    expect(isDownloadError(new Error('x'))).toBe(false);
  });

  it('lets the thrower override retryable', () => {
    expect(new DownloadError('forbidden', 'age gate', { retryable: false }).retryable).toBe(false);
  });

  it.each([
    ['rate_limited', true],
    ['bot_check', true],
    ['forbidden', true],
    ['timeout', true],
    ['stalled', true],
    ['unavailable', true],
    ['invalid_url', false],
    ['host_not_allowed', false],
    ['not_found', false],
    ['no_audio', false],
    ['invalid_media', false],
    ['tool_missing', false],
    ['aborted', false],
  ] as const)('%s is retryable: %s', (code, retryable) => {
    expect(RETRYABLE_BY_CODE[code]).toBe(retryable);
  });
});
