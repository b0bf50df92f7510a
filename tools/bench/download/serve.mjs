// Serves the files of one directory on 127.0.0.1 (GET/HEAD, Range) for the download benchmarks; prints the base
// URL on stdout. Runs in its own process so its memory and CPU stay out of the measured processes.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node serve.mjs <dir>');
  process.exit(2);
}
const TYPES = { '.webm': 'audio/webm', '.m4a': 'audio/mp4', '.mp4': 'video/mp4', '.mp3': 'audio/mpeg' };

const server = http.createServer((req, res) => {
  const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1));
  let size;
  try {
    if (!/^[\w.-]+$/.test(name)) throw new Error('bad name');
    size = statSync(path.join(dir, name)).size;
  } catch {
    res.writeHead(404).end();
    return;
  }
  const file = path.join(dir, name);
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    } else {
      start = Math.max(0, size - Number(range[2]));
    }
    if (start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` }).end();
      return;
    }
    status = 206;
  }
  const headers = {
    'content-type': TYPES[path.extname(name)] ?? 'application/octet-stream',
    'content-length': end - start + 1,
    'accept-ranges': 'bytes',
  };
  if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file, { start, end, highWaterMark: 1024 * 1024 }).pipe(res);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
