import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type MediaServerOptions = {
  /** Throttle: bytes sent per 100 ms tick (0: as fast as possible). Makes "mid-download" last long enough to act on. */
  bytesPerTick?: number;
};

export type MediaServer = {
  url: string;
  /** GET/HEAD requests per file name. */
  requests: Map<string, number>;
  /** The next `count` requests for `name` get `status` (e.g. a flaky CDN: 500 once). */
  failNext(name: string, status: number, count?: number): void;
  setBytesPerTick(bytes: number): void;
  close(): Promise<void>;
};

/**
 * A static media server on 127.0.0.1 for the worker's end-to-end tests: like @astra/demo's serveFiles, plus
 * throttling and injected HTTP errors. Serves only files directly inside `root`.
 */
export async function startMediaServer(root: string, options: MediaServerOptions = {}): Promise<MediaServer> {
  const requests = new Map<string, number>();
  const failures = new Map<string, Array<number>>();
  let bytesPerTick = options.bytesPerTick ?? 0;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
    requests.set(name, (requests.get(name) ?? 0) + 1);
    const injected = failures.get(name)?.shift();
    if (injected !== undefined) {
      res.writeHead(injected, { 'content-type': 'text/plain' }).end(`injected ${injected}`);
      return;
    }
    if (!name || name.includes('/') || name.includes('\\') || name.startsWith('.')) {
      res.writeHead(404).end('not found');
      return;
    }
    const file = path.join(root, name);
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const type = name.endsWith('.webm') ? 'audio/webm' : name.endsWith('.mp3') ? 'audio/mpeg' : 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = info.size - 1;
    const headers = { 'content-type': type, 'accept-ranges': 'bytes' };
    if (range && (range[1] || range[2])) {
      start = range[1] ? Number(range[1]) : info.size - Number(range[2]);
      end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start > end || start >= info.size) {
        res.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
        return;
      }
      res.writeHead(206, { ...headers, 'content-length': end - start + 1, 'content-range': `bytes ${start}-${end}/${info.size}` });
    } else {
      res.writeHead(200, { ...headers, 'content-length': info.size });
    }
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (bytesPerTick <= 0) {
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    const stream = createReadStream(file, { start, end, highWaterMark: bytesPerTick });
    for await (const chunk of stream) {
      if (res.destroyed) {
        stream.destroy();
        return;
      }
      res.write(chunk);
      await sleep(100);
    }
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (name, status, count = 1) => failures.set(name, [...(failures.get(name) ?? []), ...Array.from({ length: count }, () => status)]),
    setBytesPerTick: (bytes) => {
      bytesPerTick = bytes;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
