import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@astra/contracts';

/** `degraded`: works, but an operator should act (answered 200 with `status: "degraded"`). */
export type HealthCheckResult = { ok: boolean; degraded?: boolean } & Record<string, unknown>;

export type HealthServerOptions = {
  host: string;
  port: number;
  /** Liveness: each check runs on every /healthz request; the answer is 503 when one is not ok. */
  checks: Record<string, () => Promise<HealthCheckResult>>;
  /** Readiness (/readyz): the worker is running and not shutting down. */
  isReady: () => boolean;
  /** Prometheus text for /metrics. */
  metrics: () => Promise<{ contentType: string; body: string }>;
  logger: Logger;
};

export type HealthServer = { url: string; port: number; close(): Promise<void> };

/** The worker's small HTTP surface: /healthz, /readyz and /metrics, GET/HEAD only, no framework. */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    route(req, res, options).catch((error: unknown) => {
      options.logger.warn({ err: error, path: req.url }, 'health endpoint failed');
      if (!res.headersSent) send(res, 500, 'application/json', JSON.stringify({ error: 'internal error' }));
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await listen(server, options.port, options.host);
  const { port } = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, options: HealthServerOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    send(res, 405, 'application/json', JSON.stringify({ error: 'method not allowed' }));
    return;
  }
  const pathname = new URL(req.url ?? '/', 'http://worker').pathname;
  if (pathname === '/healthz') {
    const names = Object.keys(options.checks);
    const results = await Promise.all(names.map((name) => runCheck(options.checks[name])));
    const body = Object.fromEntries(names.map((name, i) => [name, results[i]]));
    const ok = results.every((result) => result?.ok === true);
    const status = !ok ? 'fail' : results.some((result) => result?.degraded === true) ? 'degraded' : 'ok';
    send(res, ok ? 200 : 503, 'application/json', JSON.stringify({ status, ...body }));
    return;
  }
  if (pathname === '/readyz') {
    const ready = options.isReady();
    send(res, ready ? 200 : 503, 'application/json', JSON.stringify({ ready }));
    return;
  }
  if (pathname === '/metrics') {
    const { contentType, body } = await options.metrics();
    send(res, 200, contentType, body);
    return;
  }
  send(res, 404, 'application/json', JSON.stringify({ error: 'not found' }));
}

async function runCheck(check: (() => Promise<HealthCheckResult>) | undefined): Promise<HealthCheckResult> {
  if (!check) return { ok: false, error: 'no check' };
  try {
    return await check();
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0] ?? 'failed' };
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
