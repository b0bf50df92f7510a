import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error';
import { checkToolVersions, compareVersions, MIN_YTDLP_VERSION, resolveToolMinimums } from './tool-minimums';

describe('compareVersions', () => {
  it.each([
    ['2023.03.04', '2025.11.12', -1],
    ['2025.11.12', '2025.11.12', 0],
    ['2025.11.12.101500', '2025.11.12', 1],
    ['2026.1.2', '2025.12.31', 1],
    ['2025.11', '2025.11.0', 0],
    ['2025.11.12-nightly', '2025.11.12', undefined],
    ['', '1', undefined],
  ])('%s vs %s → %s', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('checkToolVersions', () => {
  it.each([
    ['2023.03.04', 1, /yt-dlp 2023\.03\.04 is older than 2025\.11\.12/],
    ['2025.11.12', 0, undefined],
    ['2026.02.01', 0, undefined],
    ['nightly build', 1, /cannot be compared/],
  ])('yt-dlp %s → %i warning(s)', (version, count, message) => {
    const warnings = checkToolVersions({ ytDlp: version }, { ytDlp: MIN_YTDLP_VERSION });
    expect(warnings).toHaveLength(count);
    if (message) expect(warnings[0]?.message).toMatch(message);
  });
});

describe('resolveToolMinimums', () => {
  it('defaults to the constant and takes ASTRA_MIN_YTDLP_VERSION over it', () => {
    expect(resolveToolMinimums({})).toEqual({ ytDlp: MIN_YTDLP_VERSION });
    expect(resolveToolMinimums({ ASTRA_MIN_YTDLP_VERSION: ' 2023.01.01 ' })).toEqual({ ytDlp: '2023.01.01' });
  });

  it('refuses a value that is not a dotted version, naming the variable', () => {
    expect(() => resolveToolMinimums({ ASTRA_MIN_YTDLP_VERSION: 'latest' })).toThrow(ConfigError);
    expect(() => resolveToolMinimums({ ASTRA_MIN_YTDLP_VERSION: 'latest' })).toThrow(/^ASTRA_MIN_YTDLP_VERSION: /);
  });
});
