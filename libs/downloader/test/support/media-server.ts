import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * A loopback HTTP server for the integration tests. Routes (`<name>` is a file in `root`):
 *   /files/<name>  GET/HEAD with Range support (206/416), like a CDN
 *   /slow/<name>   the same bytes, `slowChunkBytes` every `slowIntervalMs`
 *   /stall/<name>  headers and the first `stallAfterBytes`, then nothing until the client goes away
 *   /redirect?to=URL          302 to URL (any string, sent as is)
 *   /endless?declare=N        zeros until the client goes away, `Content-Length: N` when given (else chunked)
 *   /empty                    200 with an empty body (`Content-Length: 0`)
 *   anything else  404
 */
export type MediaServer = {
  baseUrl: string;
  url(route: 'files' | 'slow' | 'stall', name: string): string;
  /** Requests seen, in order (`GET /files/a.webm bytes=0-`). */
  requests: string[];
  /** URLs (path and query) of /slow/ responses that were sent to the end; a cancelled download never gets here. */
  finishedSlow: string[];
  /** Bytes of body written per /endless request URL, so far. */
  endlessBytes: Map<string, number>;
  /** Host header of each request, in order. */
  hosts: string[];
  close(): Promise<void>;
};

export type MediaServerOptions = {
  root: string;
  slowChunkBytes?: number;
  slowIntervalMs?: number;
  stallAfterBytes?: number;
};

const CONTENT_TYPES: Record<string, string> = {
  '.webm': 'audio/webm',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.vtt': 'text/vtt; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export async function startMediaServer(options: MediaServerOptions): Promise<MediaServer> {
  const requests: string[] = [];
  const finishedSlow: string[] = [];
  const endlessBytes = new Map<string, number>();
  const hosts: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.range ?? ''}`.trim());
    hosts.push(req.headers.host ?? '');
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
      return;
    }
    if (url.pathname === '/empty') {
      res.writeHead(200, { 'content-type': 'audio/webm', 'content-length': 0 }).end();
      return;
    }
    if (url.pathname === '/endless') {
      const declared = url.searchParams.get('declare');
      res.writeHead(200, { 'content-type': 'audio/webm', ...(declared ? { 'content-length': declared } : {}) });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      // Zeros for as long as the client reads (no known container: the downloader keeps them to decode later).
      const zeros = Buffer.alloc(64 * 1024);
      const key = req.url ?? '';
      const pump = () => {
        while (!res.destroyed) {
          endlessBytes.set(key, (endlessBytes.get(key) ?? 0) + zeros.length);
          if (!res.write(zeros)) {
            res.once('drain', pump);
            return;
          }
        }
      };
      pump();
      return;
    }
    const match = /^\/(files|slow|stall)\/([\w.-]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const file = match?.[2] ? path.join(options.root, match[2]) : undefined;
    const stats = file ? await stat(file).catch(() => undefined) : undefined;
    if (!match || !file || !stats?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const route = match[1];
    const size = stats.size;
    let start = 0;
    let end = size - 1;
    let status = 200;
    const range = req.headers.range;
    if (range) {
      const parsed = /^bytes=(\d*)-(\d*)$/.exec(range);
      const from = parsed?.[1] ? Number(parsed[1]) : undefined;
      const to = parsed?.[2] ? Number(parsed[2]) : undefined;
      if (!parsed || (from === undefined && to === undefined) || (from !== undefined && from >= size)) {
        res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
        return;
      }
      if (from === undefined) start = Math.max(0, size - (to ?? 0));
      else {
        start = from;
        end = Math.min(to ?? size - 1, size - 1);
      }
      status = 206;
    }
    const headers: http.OutgoingHttpHeaders = {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': end - start + 1,
      'accept-ranges': 'bytes',
      'last-modified': new Date('2024-03-01T10:00:00Z').toUTCString(),
    };
    if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${size}`;
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (route === 'files') {
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    const bytes = await readRange(file, start, end);
    if (route === 'stall') {
      res.write(bytes.subarray(0, options.stallAfterBytes ?? 8192));
      return; // never ends; closed by the client or by close()
    }
    const chunk = options.slowChunkBytes ?? 4096;
    let offset = 0;
    const timer = setInterval(() => {
      if (res.destroyed || offset >= bytes.length) {
        clearInterval(timer);
        timers.delete(timer);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(bytes.subarray(offset, offset + chunk));
      offset += chunk;
      if (offset >= bytes.length) finishedSlow.push(req.url ?? '');
    }, options.slowIntervalMs ?? 100);
    timers.add(timer);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    url: (route, name) => `${baseUrl}/${route}/${name}`,
    requests,
    finishedSlow,
    endlessBytes,
    hosts,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readRange(file: string, start: number, end: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file, { start, end })) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A loopback port nothing listens on (bound, then released), for connection-refused cases. */
export async function findClosedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
