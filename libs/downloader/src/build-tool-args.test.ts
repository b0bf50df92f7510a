import { describe, expect, it } from 'vitest';
import { buildCaptionsArgs, buildDownloadArgs, buildNormaliseArgs, checkExtraYtDlpArgs } from './build-tool-args';

describe('buildDownloadArgs', () => {
  const args = buildDownloadArgs({
    url: 'https://example.org/a.webm',
    jobDir: '/tmp/astra-dl-abc',
    socketTimeoutSec: 20,
    extraArgs: ['--cookies', '/secrets/cookies.txt'],
  });

  it('puts the URL last, right after --, and the extra args just before --', () => {
    expect(args.at(-1)).toBe('https://example.org/a.webm');
    expect(args.at(-2)).toBe('--');
    expect(args.slice(-4, -2)).toEqual(['--cookies', '/secrets/cookies.txt']);
    expect(args.filter((arg) => arg === '--')).toHaveLength(1);
  });

  it('asks for audio only, no playlist, the socket timeout and a file in the job dir', () => {
    const pairs = (flag: string) => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
    expect(pairs('-f')).toEqual(['bestaudio/best']);
    expect(pairs('--socket-timeout')).toEqual(['20']);
    expect(pairs('-P')).toEqual(['/tmp/astra-dl-abc', 'temp:/tmp/astra-dl-abc']);
    expect(pairs('-o')).toEqual(['source.%(ext)s']);
    expect(args).toEqual(
      expect.arrayContaining(['--no-playlist', '--ignore-config', '--newline', '--progress', '--no-simulate']),
    );
    expect(args).not.toContain('-x');
  });
});

describe('buildCaptionsArgs', () => {
  it('skips the media, writes subtitles and automatic captions in the given languages', () => {
    const args = buildCaptionsArgs({
      url: 'https://example.org/v',
      jobDir: '/tmp/astra-dl-c',
      socketTimeoutSec: 30,
      languages: ['es', 'es-419'],
      extraArgs: [],
    });
    expect(args).toEqual(expect.arrayContaining(['--skip-download', '--write-subs', '--write-auto-subs']));
    expect(args[args.indexOf('--sub-langs') + 1]).toBe('es,es-419');
    expect(args[args.indexOf('--sub-format') + 1]).toBe('json3/vtt/best');
    expect(args.slice(-2)).toEqual(['--', 'https://example.org/v']);
  });
});

describe('buildNormaliseArgs', () => {
  it('maps the first audio stream to PCM s16le 16 kHz mono with a bitexact header and no metadata', () => {
    const args = buildNormaliseArgs({ inputPath: '/tmp/j/source.webm', outputPath: '/tmp/j/audio.wav' });
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    expect(value('-i')).toBe('file:/tmp/j/source.webm');
    expect(value('-map')).toBe('0:a:0');
    expect(value('-ac')).toBe('1');
    expect(value('-ar')).toBe('16000');
    expect(value('-c:a')).toBe('pcm_s16le');
    expect(value('-fflags')).toBe('+bitexact');
    expect(value('-map_metadata')).toBe('-1');
    expect(args).toContain('-vn');
    expect(args.at(-1)).toBe('file:/tmp/j/audio.wav');
  });
});

describe('checkExtraYtDlpArgs', () => {
  it.each([
    ['--exec', 'rm -rf /'],
    ['--exec=id'],
    ['--'],
    ['-o', '/etc/x'],
    ['--paths=/'],
    ['--batch-file', 'urls.txt'],
    ['--enable-file-urls'],
  ])('refuses %j', (...extra) => {
    expect(() => checkExtraYtDlpArgs(extra)).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });

  it('accepts cookies, a proxy and a downloader choice', () => {
    expect(() =>
      checkExtraYtDlpArgs(['--cookies', 'c.txt', '--proxy', 'http://p:3128', '--downloader', 'ffmpeg']),
    ).not.toThrow();
  });
});
