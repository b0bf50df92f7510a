// Serves one file on 127.0.0.1 (GET/HEAD, Range) for the download benchmark; prints the URL on stdout.
// Runs in its own process so its memory and CPU stay out of the measured process.
import { createReadStream, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const file = process.argv[2];
if (!file) {
  console.error('usage: node serve.mjs <file>');
  process.exit(2);
}
const size = statSync(file).size;
const name = path.basename(file);

const server = http.createServer((req, res) => {
  if (new URL(req.url ?? '/', 'http://x').pathname !== `/${name}`) {
    res.writeHead(404).end();
    return;
  }
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
  const headers = { 'content-type': 'audio/webm', 'content-length': end - start + 1, 'accept-ranges': 'bytes' };
  if (status === 206) headers['content-range'] = `bytes ${start}-${end}/${size}`;
  res.writeHead(status, headers);
  if (req.method === 'HEAD') res.end();
  else createReadStream(file, { start, end, highWaterMark: 1024 * 1024 }).pipe(res);
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`http://127.0.0.1:${port}/${name}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
