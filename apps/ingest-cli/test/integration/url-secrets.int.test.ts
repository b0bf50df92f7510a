/**
 * URL secrets are never persisted or printed (issue 14 item 1): a media URL with a password and a signed query
 * string is mined for real (yt-dlp, ffmpeg, s3rver, astra-core dev server), then every object in storage, every
 * file of the local dataset copy and everything the CLI printed is searched for the secrets.
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '@astra/storage';
import { createMineFixture, type MineFixture } from '../support/mine-fixture';
import { runCli } from '../support/run-cli';

const SECRETS = { user: 'alice', password: 'urlpass-7Q2x', signature: 'SIGNED-k3Jd9-TOKEN' };
let dir: string;
let fixture: MineFixture;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-url-secrets-'));
  fixture = await createMineFixture(dir, { count: 1, tenant: 'villa', urlSecrets: SECRETS });
}, 180_000);

afterAll(async () => {
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function leaks(text: string): string[] {
  return [SECRETS.password, SECRETS.signature].filter((secret) => text.includes(secret));
}

describe('a media URL with credentials and a signature', () => {
  it('is mined, and no stored object, dataset file or printed line holds its secrets', async () => {
    const out = path.join(dir, 'out');
    const storageFlags = ['--storage', 's3://astra-raw'];
    const mined = await runCli(['mine', '--input', fixture.csvPath, ...storageFlags, '--name', 'v1', '--out', out], {
      env: { ...fixture.env, LOG_LEVEL: 'debug' },
    });
    expect(mined.exitCode, mined.stderr).toBe(0);
    // Again, with --json: the session is already mined; its stored record is what is printed.
    const json = await runCli(
      ['mine', '--input', fixture.csvPath, ...storageFlags, '--name', 'v1', '--out', out, '--json'],
      {
        env: fixture.env,
      },
    );
    expect(json.exitCode, json.stderr).toBe(0);

    const printed = [mined.stdout, mined.stderr, json.stdout, json.stderr].join('\n');
    expect(printed).toContain('redacted');
    expect(leaks(printed)).toEqual([]);

    const storage = openStorage('s3://astra-raw', { s3: s3Options(fixture.env) });
    try {
      const keys: string[] = [];
      for await (const object of storage.list('mining/villa/')) keys.push(object.key);
      expect(keys.some((key) => key.endsWith('.source.json'))).toBe(true);
      expect(keys.some((key) => key.endsWith('.segments.jsonl'))).toBe(true);
      for (const key of keys.filter((k) => !k.endsWith('.wav'))) {
        const text = (await storage.getBytes(key, { maxBytes: 64 * 1024 * 1024 })).toString('utf8');
        expect({ key, leaks: leaks(text) }).toEqual({ key, leaks: [] });
      }
      const source = keys.find((key) => key.endsWith('.source.json')) ?? '';
      const record = JSON.parse((await storage.getBytes(source, { maxBytes: 1 << 20 })).toString('utf8')) as {
        sourceUrl: string;
      };
      expect(record.sourceUrl).toMatch(/^http:\/\/redacted@127\.0\.0\.1:\d+\/s01\.webm\?/);
    } finally {
      await storage.close();
    }

    const files = (await readdir(out, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.some((file) => file.name === 'train.jsonl' || file.name === 'report.html')).toBe(true);
    for (const file of files.filter((f) => !f.name.endsWith('.wav'))) {
      const text = await readFile(path.join(file.parentPath, file.name), 'utf8');
      expect({ file: file.name, leaks: leaks(text) }).toEqual({ file: file.name, leaks: [] });
    }
  }, 600_000);
});

function s3Options(env: Record<string, string>) {
  return {
    endpoint: env['AWS_ENDPOINT_URL_S3'] ?? '',
    region: env['AWS_REGION'] ?? 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: env['AWS_ACCESS_KEY_ID'] ?? '', secretAccessKey: env['AWS_SECRET_ACCESS_KEY'] ?? '' },
  };
}
