import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '@astra/core-client';
import { AUDIO_URI, NORMALIZED, SESSION_ID } from '../fixtures/payloads';

/** The `astra-core-dev` bin, run from source with tsx (no build needed). */
const packageDir = fileURLToPath(new URL('../..', import.meta.url));

function runCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=@astra/source', '--import', 'tsx', 'src/main.ts', ...args], {
    cwd: packageDir,
    stdio: 'pipe',
  });
}

async function collect(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-core-dev-cli-'));
  await writeFile(path.join(dir, `${SESSION_ID}.json`), JSON.stringify(NORMALIZED));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('astra-core-dev CLI', () => {
  it('prints its URL, serves the folder, and stops on SIGTERM', async () => {
    const child = runCli(['--port', '0', '--dir', dir, '--mode', 'async', '--async-steps', '1']);
    const exited = collect(child);
    const lines = createInterface({ input: child.stdout });
    const [url] = (await Promise.race([once(lines, 'line'), exited.then(() => [''])])) as [string];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new CoreClient({ baseUrl: url, pollIntervalMs: 10 });
    try {
      const result = await client.transcribe({
        tenantId: 't1',
        sessionId: SESSION_ID,
        audioUri: AUDIO_URI,
        provider: 'deepgram',
        language: 'es',
      });
      expect(result.payload).toEqual(NORMALIZED);
    } finally {
      await client.close();
      child.kill('SIGTERM');
    }
    const { code, stderr } = await exited;
    expect(code).toBe(0);
    expect(stderr).toContain('"status":202');
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await collect(runCli(['--help']));
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: astra-core-dev');
  });

  it('exits 2 on bad usage', async () => {
    const { code, stderr } = await collect(runCli(['--mode', 'batch']));
    expect(code).toBe(2);
    expect(stderr).toContain('--mode must be sync or async');
  });
});
