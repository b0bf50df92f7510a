/**
 * A real redis-server for the end-to-end tests: a child process on a free port of 127.0.0.1, owned by the
 * caller, data in a temp folder removed by `close()`. With `persistent`, an append-only file (fsync always)
 * keeps the data across `restart()`, so a test can take Redis away mid-run and bring the same data back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

export type RedisServerOptions = {
  /** Append-only file with fsync on every write: the data survives `restart()`. Default false (no persistence). */
  persistent?: boolean;
};

export type RedisServer = {
  /** `redis://127.0.0.1:<port>`. */
  url: string;
  port: number;
  /**
   * Stops the server (SIGTERM), waits `downtimeMs` (running `whileDown` meanwhile), and starts it again on the
   * same port. Default downtime 500 ms.
   */
  restart(downtimeMs?: number, whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

const START_TIMEOUT_MS = 10_000;

export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'astra-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--dir',
    dir,
    '--daemonize',
    'no',
    '--loglevel',
    'warning',
    ...(options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']),
  ];
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitForPing(port);
  };
  const stopChild = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    restart: async (downtimeMs = 500, whileDown) => {
      await stopChild();
      await Promise.all([sleep(downtimeMs), whileDown?.()]);
      await start();
    },
    close: async () => {
      await stopChild();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function waitForPing(port: number): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const client = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`, { cause: error });
    } finally {
      client.disconnect();
    }
    await sleep(50);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
