import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.wav': 'audio/wav' };

/**
 * A static server on 127.0.0.1 for the report's browser test: files under `root` (sub-folders included, nothing
 * outside it), HEAD and single byte ranges, which a browser uses to seek in audio. Logs every request.
 */
export async function serveDir(root: string): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.method ?? 'GET'} ${pathname}${req.headers.range ? ` ${req.headers.range}` : ''}`);
    const file = path.resolve(root, `.${pathname}`);
    if (!file.startsWith(`${path.resolve(root)}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) {
          res.writeHead(404).end();
          return;
        }
        const headers = {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'accept-ranges': 'bytes',
        };
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
        if (req.method === 'HEAD') res.end();
        else createReadStream(file, { start, end }).pipe(res);
      },
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
