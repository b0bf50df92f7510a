import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli';

describe('astra-ingest usage', () => {
  it.each([['--help'], ['mine', '--help'], ['download', '--help'], ['build', '--help']])(
    '%s exits 0 and prints help',
    async (...args) => {
      const result = await runCli(args);
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/Usage: astra-ingest/);
    },
  );

  it.each([
    [['nope']],
    [['download', 'https://example.org/a.mp3']],
    [['mine', '--input', 'x.csv', '--concurrency', '0']],
    [['mine', '--input', 'x.csv', '--transcripts', 'whisper']],
    [['mine', '--bogus']],
  ])('bad usage %j exits 2', async (args) => {
    const result = await runCli(args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr.length).toBeGreaterThan(0);
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
