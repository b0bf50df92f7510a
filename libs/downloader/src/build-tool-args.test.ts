import { describe, expect, it } from 'vitest';
import { buildCaptionsArgs, buildDownloadArgs, buildNormaliseArgs, checkExtraYtDlpArgs } from './build-tool-args';

describe('buildDownloadArgs', () => {
  const args = buildDownloadArgs({
    url: 'https://example.org/a.webm',
    jobDir: '/tmp/astra-dl-abc',
    socketTimeoutSec: 20,
    maxBytes: 1_000_000,
    proxyUrl: 'http://127.0.0.1:4567',
    extraArgs: ['--cookies', '/secrets/cookies.txt'],
  });

  it('puts the URL last, right after --, and the extra args just before --', () => {
    expect(args.at(-1)).toBe('https://example.org/a.webm');
    expect(args.at(-2)).toBe('--');
    expect(args.slice(-4, -2)).toEqual(['--cookies', '/secrets/cookies.txt']);
    expect(args.filter((arg) => arg === '--')).toHaveLength(1);
  });

  it('asks for audio only on stdout, through the proxy, with size bounds and temp files in the job dir', () => {
    const pairs = (flag: string) => args.flatMap((arg, i) => (arg === flag ? [args[i + 1]] : []));
    expect(pairs('-f')).toEqual(['bestaudio/best']);
    expect(pairs('--socket-timeout')).toEqual(['20']);
    expect(pairs('-P')).toEqual(['/tmp/astra-dl-abc', 'temp:/tmp/astra-dl-abc']);
    expect(pairs('-o')).toEqual(['-']);
    expect(pairs('--proxy')).toEqual(['http://127.0.0.1:4567']);
    expect(pairs('--max-filesize')).toEqual(['1000000']);
    expect(pairs('--min-filesize')).toEqual(['1']);
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
      proxyUrl: 'http://127.0.0.1:4567',
      languages: ['es', 'es-419'],
      extraArgs: [],
    });
    expect(args).toEqual(expect.arrayContaining(['--skip-download', '--write-subs', '--write-auto-subs']));
    expect(args[args.indexOf('--sub-langs') + 1]).toBe('es,es-419');
    expect(args[args.indexOf('--sub-format') + 1]).toBe('json3/vtt/best');
    expect(args[args.indexOf('--proxy') + 1]).toBe('http://127.0.0.1:4567');
    expect(args.slice(-2)).toEqual(['--', 'https://example.org/v']);
  });
});

describe('buildNormaliseArgs', () => {
  it.each([
    ['/tmp/j/source.media', 'file:/tmp/j/source.media', 'file'],
    [undefined, 'pipe:0', 'pipe'],
  ])('reads %s as %s, and only through the %s protocol', (inputPath, input, protocols) => {
    const args = buildNormaliseArgs({ inputPath, outputPath: '/tmp/j/audio.wav' });
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    expect(value('-i')).toBe(input);
    expect(value('-protocol_whitelist')).toBe(protocols);
    expect(args.indexOf('-protocol_whitelist')).toBeLessThan(args.indexOf('-i'));
  });

  it('maps the first audio stream to PCM s16le 16 kHz mono with a bitexact header and no metadata', () => {
    const args = buildNormaliseArgs({ inputPath: '/tmp/j/source.webm', outputPath: '/tmp/j/audio.wav' });
    const value = (flag: string) => args[args.indexOf(flag) + 1];
    expect(value('-i')).toBe('file:/tmp/j/source.webm');
    expect(value('-loglevel')).toBe('level+info');
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
    ['--proxy', 'http://p:3128'],
    ['--proxy='],
    ['--geo-verification-proxy', 'http://p:3128'],
    ['--downloader-args', 'ffmpeg:-http_proxy ""'],
    ['--max-filesize', '10G'],
    ['--downloader', 'aria2c'],
    ['--external-downloader=curl'],
    ['--downloader', 'm3u8:wget'],
    ['--plugin-dirs', '/tmp/plugins'],
    ['--print-to-file', 'x', '/etc/cron.d/x'],
  ])('refuses %j', (...extra) => {
    expect(() => checkExtraYtDlpArgs(extra)).toThrow(expect.objectContaining({ code: 'invalid_options' }));
  });

  it.each([
    [['--cookies', 'c.txt']],
    [['--downloader', 'ffmpeg']],
    [['--downloader=native']],
    [['--downloader', 'dash,m3u8:native', '--limit-rate', '1M']],
  ])('accepts %j', (extra) => {
    expect(() => checkExtraYtDlpArgs(extra)).not.toThrow();
  });
});
