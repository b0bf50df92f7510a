/**
 * A real S3 server for the demo and end-to-end tests: s3rver in-process on 127.0.0.1, bucket `astra-raw`,
 * behind a tiny logging proxy so tests can assert which keys a run read or wrote (tenant isolation,
 * "a re-run writes nothing"). See docs/tooling-notes.md: the SDK must use WHEN_REQUIRED checksums with s3rver.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
// @ts-expect-error s3rver ships no type declarations
import S3rver from 's3rver';

export type S3Server = {
  /** Endpoint to give the SDK (the logging proxy). */
  endpoint: string;
  bucket: string;
  /** Env for the CLI/worker: AWS_* variables pointing at this server. */
  env: Record<string, string>;
  /** Every request through the proxy: method, decoded path (`/astra-raw/mining/t/…`) and raw query. */
  requests: Array<{ method: string; path: string; query: string }>;
  close(): Promise<void>;
};

export async function startS3Server(options: { bucket?: string } = {}): Promise<S3Server> {
  const bucket = options.bucket ?? 'astra-raw';
  const directory = await mkdtemp(path.join(os.tmpdir(), 'astra-s3rver-'));
  const s3rver = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port: s3Port } = (await s3rver.run()) as AddressInfo;

  const requests: S3Server['requests'] = [];
  const proxy = createServer((req, res) => {
    const [rawPath = '/', query = ''] = (req.url ?? '/').split('?', 2);
    requests.push({ method: req.method ?? 'GET', path: decodeURIComponent(rawPath), query });
    // The proxy has already answered any `Expect: 100-continue`; upstream gets the body straight away.
    const { expect: _expect, ...headers } = req.headers;
    const upstream = httpRequest(
      { host: '127.0.0.1', port: s3Port, method: req.method, path: req.url, headers },
      (upstreamRes) => {
        res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
        upstreamRes.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    env: {
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
    },
    requests,
    async close() {
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await s3rver.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
