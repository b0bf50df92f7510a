import { describe, expect, it } from 'vitest';
import { missingOutputError, toolFailureError } from './tool-failure-error';

const result = {
  exitCode: 1,
  command: 'yt-dlp --newline -- https://example.test/a',
  stderrTail: 'WARNING: x\nERROR: [generic] None: Unable to download webpage: HTTP Error 404: Not Found\n',
};

describe('toolFailureError', () => {
  it('names the tool and the action, and takes code and reason from classifyToolFailure', () => {
    const error = toolFailureError('yt-dlp', result, 'download https://example.test/a');
    expect(error).toMatchObject({
      name: 'DownloadError',
      code: 'not_found',
      retryable: false,
      command: result.command,
      exitCode: 1,
      stderrTail: result.stderrTail,
    });
    expect(error.message).toBe(
      'yt-dlp could not download https://example.test/a: the media was not found (HTTP 404/410) ' +
        '([generic] None: Unable to download webpage: HTTP Error 404: Not Found)',
    );
  });

  it('leaves out the detail when stderr has no error line', () => {
    const error = toolFailureError('ffmpeg', { ...result, stderrTail: '' }, 'convert the downloaded media');
    expect(error.code).toBe('tool_failed');
    expect(error.message).toBe('ffmpeg could not convert the downloaded media: ffmpeg failed');
  });
});

describe('missingOutputError', () => {
  it('is a non-retryable tool_failed error carrying the command and stderr', () => {
    const error = missingOutputError(result, 'yt-dlp finished without printing the subtitle list');
    expect(error).toMatchObject({
      code: 'tool_failed',
      retryable: false,
      message: 'yt-dlp finished without printing the subtitle list',
      command: result.command,
      stderrTail: result.stderrTail,
    });
    expect(error.exitCode).toBeUndefined();
  });
});
