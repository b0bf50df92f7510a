import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOWNLOAD_AUDIO_OPTIONS, resolveDownloadAudioOptions } from './download-audio';

describe('resolveDownloadAudioOptions', () => {
  it('applies the defaults and resolves paths', () => {
    const resolved = resolveDownloadAudioOptions({ outputPath: 'out/a.wav' });
    expect(resolved).toMatchObject({
      outputPath: path.resolve('out/a.wav'),
      tmpRoot: path.resolve(os.tmpdir()),
      ytDlpPath: 'yt-dlp',
      ffmpegPath: 'ffmpeg',
      ffprobePath: 'ffprobe',
      socketTimeoutSec: DEFAULT_DOWNLOAD_AUDIO_OPTIONS.socketTimeoutSec,
      timeoutMs: DEFAULT_DOWNLOAD_AUDIO_OPTIONS.timeoutMs,
      stallTimeoutMs: DEFAULT_DOWNLOAD_AUDIO_OPTIONS.stallTimeoutMs,
      extraYtDlpArgs: [],
    });
  });

  it('caps maxDurationSec at what a 16 kHz mono WAV can hold', () => {
    expect(resolveDownloadAudioOptions({ outputPath: 'a.wav', maxDurationSec: 1e9 }).maxDurationSec).toBe(134_217);
  });

  it.each([
    [{ outputPath: '' }],
    [{ outputPath: 'a.wav', timeoutMs: 0 }],
    [{ outputPath: 'a.wav', stallTimeoutMs: -1 }],
    [{ outputPath: 'a.wav', socketTimeoutSec: Number.NaN }],
    [{ outputPath: 'a.wav', maxBytes: Number.POSITIVE_INFINITY }],
    [{ outputPath: 'a.wav', extraYtDlpArgs: ['--exec', 'id'] }],
  ])('rejects %j with invalid_options', (options) => {
    expect(() => resolveDownloadAudioOptions(options)).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });
});
