/**
 * Usage as a person meets it (issue 13 item 6, issue 14 item 7): help with defaults, `--version`, one-line usage
 * errors that name the mistake and point to `--help`, exit code 2 for every kind of bad usage, file errors that
 * name the path and the OS reason. The real CLI as a child process.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

let dir: string;
let csv: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-cli-usage-'));
  csv = path.join(dir, 'sessions.csv');
  await writeFile(csv, 'video_url,acta_path,tenant_id\n');
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('astra-ingest usage', () => {
  it.each([['--help'], ['mine', '--help'], ['download', '--help'], ['build', '--help']])(
    '%s exits 0 and prints help',
    async (...args) => {
      const result = await runCli(args);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/Usage: astra-ingest/);
    },
  );

  it('shows the defaults in help', async () => {
    const result = await runCli(['mine', '--help']);
    // Help is wrapped to the terminal's width: compare with the line breaks folded.
    const help = result.stdout.replace(/\s+/g, ' ');
    expect(help).toMatch(/--max-cer <ratio> [^-]*\(default: 0\.3\)/);
    expect(help).toMatch(/--min-duration <sec> [^-]*\(default: 1\)/);
    expect(help).toMatch(/--concurrency <n> [^-]*\(default: 2\)/);
    expect(help).toContain('(default: ASTRA_STORAGE, else file://./.astra-data)');
  });

  it('--version prints the version', async () => {
    const result = await runCli(['--version']);
    expect(result.exitCode).toBe(0);
    const { version } = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(result.stdout.trim()).toBe(version);
  });

  it.each<[string, () => string[], RegExp]>([
    ['an unknown command', () => ['nope'], /^astra-ingest: unknown command 'nope' \(see 'astra-ingest --help'\)$/],
    [
      'an unknown option, named before the missing required one',
      () => ['mine', '--inptu', 'x.csv'],
      /^astra-ingest mine: unknown option '--inptu' \(Did you mean --input\?\) \(see 'astra-ingest mine --help'\)$/,
    ],
    [
      'a missing required option',
      () => ['mine'],
      /^astra-ingest mine: required option '--input <csv>' not specified \(see 'astra-ingest mine --help'\)$/,
    ],
    [
      'a bad flag value',
      () => ['mine', '--input', csv, '--concurrency', '0'],
      /^astra-ingest mine: option '--concurrency <n>' argument '0' is invalid\. expected a whole number above 0/,
    ],
    ['a --max-cer above 1', () => ['mine', '--input', csv, '--max-cer', '1.5'], /--max-cer <ratio>.*from 0 to 1/],
    [
      'bounds that cross',
      () => ['mine', '--input', csv, '--min-duration', '40'],
      /^astra-ingest mine: --max-duration must be above --min-duration \(see/,
    ],
    ['an unknown transcript source', () => ['mine', '--input', csv, '--transcripts', 'whisper'], /whisper/],
    ['a bad tenant for build', () => ['build', '--tenant', 'Bad_Tenant', '--name', 'x'], /--tenant "Bad_Tenant"/],
    ['a bad tenant for mine', () => ['mine', '--input', csv, '--tenant', '../x'], /--tenant "\.\.\/x"/],
    ['a dataset name with a path', () => ['mine', '--input', csv, '--name', '../../etc', '--dry-run'], /--name/],
    ['a download URL that is not a URL', () => ['download', 'notaurl', '--tenant', 't'], /notaurl/],
    ['a directory as --input', () => ['mine', '--input', dir, '--dry-run'], /--input .* is a directory, not a file/],
    [
      'a missing --input',
      () => ['mine', '--input', path.join(dir, 'none.csv')],
      /--input .*none\.csv: no such file or directory \(ENOENT\)/,
    ],
    [
      'a missing acta for extract',
      () => ['extract', path.join(dir, 'missing.docx')],
      /^astra-ingest extract: acta .*missing\.docx: no such file or directory \(ENOENT\)/,
    ],
    ['an --out that is a file', () => ['mine', '--input', csv, '--out', csv], /--out .*sessions\.csv.* is a file/],
    ['a bad variable', () => ['status'], /^astra-ingest status: REDIS_URL: /],
  ])('%s: one line on stderr, exit 2', async (_label, args, message) => {
    const argv = args();
    // Only `status` gets the bad variable: every command reads REDIS_URL's value through the same config.
    const result = await runCli(argv, { env: argv[0] === 'status' ? { REDIS_URL: 'http://not-redis' } : {} });
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('an unsafe tenant is refused before anything runs, with a one-line reason', async () => {
    const result = await runCli([
      'download',
      'https://example.org/a.mp3',
      '--tenant',
      '../etc',
      '--json',
      '--storage',
      'file:///nonexistent-astra',
    ]);
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { code: 'invalid_tenant' } });
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
