/**
 * A static file server on 127.0.0.1 for the demo and end-to-end tests: what yt-dlp's generic extractor
 * downloads from. Supports HEAD and single byte ranges, logs every request (so tests can assert that a
 * re-run downloads nothing), and serves only files directly inside its folder. For fault tests it can
 * throttle bodies (so "mid-download" lasts long enough to act on) and answer chosen requests with an
 * HTTP error (a flaky CDN).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type ServeFilesOptions = {
  /** Default 0: a free port. */
  port?: number;
  /** Bytes of body sent per second, in 100 ms ticks (0: as fast as possible). Default 0. */
  throttleBytesPerSec?: number;
  /** Also serve files in sub-folders (never outside `root`). Default false: only files directly inside it. */
  nested?: boolean;
};

export type FileServer = {
  url: string;
  /** Every request, in order: method and raw path (`/s1.webm`). */
  requests: Array<{ method: string; path: string }>;
  /** The next `count` requests (default 1) for file `name` get `status` instead of the file. */
  failNext(name: string, status: number, count?: number): void;
  /** Changes the throttle for the bodies sent from now on (0: as fast as possible). */
  setThrottle(bytesPerSec: number): void;
  close(): Promise<void>;
};

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.webm': 'audio/webm',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.mp4': 'video/mp4',
  '.wav': 'audio/wav',
  '.vtt': 'text/vtt',
  '.html': 'text/html; charset=utf-8',
};

const TICK_MS = 100;

type ServeState = {
  root: string;
  nested: boolean;
  /** Pending injected statuses per file name. */
  failures: Map<string, number[]>;
  throttleBytesPerSec: number;
};

export async function serveFiles(root: string, options: ServeFilesOptions = {}): Promise<FileServer> {
  const requests: FileServer['requests'] = [];
  const state: ServeState = {
    root,
    nested: options.nested === true,
    failures: new Map(),
    throttleBytesPerSec: options.throttleBytesPerSec ?? 0,
  };
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? 'GET', path: req.url ?? '/' });
    handle(state, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port: boundPort } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${boundPort}`,
    requests,
    failNext: (name, status, count = 1) =>
      state.failures.set(name, [...(state.failures.get(name) ?? []), ...Array.from({ length: count }, () => status)]),
    setThrottle: (bytesPerSec) => {
      state.throttleBytesPerSec = bytesPerSec;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(state: ServeState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
  const injected = state.failures.get(name)?.shift();
  if (injected !== undefined) {
    res.writeHead(injected, { 'content-type': 'text/plain' }).end(`injected ${injected}`);
    return;
  }
  const file = path.resolve(state.root, name);
  const inside = file.startsWith(`${path.resolve(state.root)}${path.sep}`);
  const flat = !name.includes('/') && !name.includes('\\');
  if (!name || name.startsWith('.') || !inside || (!state.nested && !flat)) {
    res.writeHead(404).end('not found');
    return;
  }
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) {
    res.writeHead(404).end('not found');
    return;
  }
  const headers = { 'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream', 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  let start = 0;
  let end = info.size - 1;
  if (range && (range[1] || range[2])) {
    start = range[1] ? Number(range[1]) : info.size - Number(range[2]);
    end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
    if (start > end || start >= info.size) {
      res.writeHead(416, { 'content-range': `bytes */${info.size}` }).end();
      return;
    }
    res.writeHead(206, {
      ...headers,
      'content-length': end - start + 1,
      'content-range': `bytes ${start}-${end}/${info.size}`,
    });
  } else {
    res.writeHead(200, { ...headers, 'content-length': info.size });
  }
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const bytesPerTick = Math.round((state.throttleBytesPerSec * TICK_MS) / 1000);
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
    await sleep(TICK_MS);
  }
  res.end();
}
