/**
 * The egress proxy at the socket level (real TCP, real loopback servers): what it forwards, what it refuses,
 * and that it connects to the address it checked.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@astra/contracts';
import {
  resolveEgressPolicy,
  startEgressProxy,
  type EgressPolicyOptions,
  type EgressProxyOptions,
  type EgressRefusal,
} from '@astra/downloader';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders };
let origin: http.Server;
let originPort: number;
const seen: Seen[] = [];
let echo: net.Server;
let echoPort: number;

beforeAll(async () => {
  origin = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (req.url === '/big') {
      res.writeHead(200, { 'content-length': String(50 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
      return; // never ends: the proxy must refuse on the header alone
    }
    const body = `hello ${req.url}`;
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  originPort = (origin.address() as AddressInfo).port;
  echo = net.createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  echoPort = (echo.address() as AddressInfo).port;
});

afterAll(async () => {
  origin?.closeAllConnections();
  await new Promise((resolve) => origin?.close(resolve));
  await new Promise((resolve) => echo?.close(resolve));
});

async function withProxy(
  policy: EgressPolicyOptions,
  body: (proxy: { port: number; refusals: EgressRefusal[]; upstreamErrors: readonly string[] }) => Promise<void>,
  extra: Partial<EgressProxyOptions> = {},
) {
  const refusals: EgressRefusal[] = [];
  const proxy = await startEgressProxy({
    policy: resolveEgressPolicy(policy),
    connectTimeoutMs: 2000,
    logger: silentLogger,
    onRefusal: (refusal) => refusals.push(refusal),
    ...extra,
  });
  try {
    await body({ port: Number(new URL(proxy.url).port), refusals, upstreamErrors: proxy.upstreamErrors });
  } finally {
    await proxy.close();
  }
}

/** Sends raw bytes to the proxy and returns everything it sends back until it closes the connection. */
function exchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk: Buffer) => (data += chunk.toString('latin1')));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
    socket.write(request);
  });
}

const get = (target: string, ...headers: string[]) =>
  [`GET ${target} HTTP/1.1`, ...headers, 'Proxy-Connection: keep-alive', '', ''].join('\r\n');

describe('startEgressProxy', () => {
  it('forwards a plain-http request in origin form, Host from the target, proxy headers dropped', async () => {
    await withProxy({ allowPrivateNetwork: true }, async ({ port }) => {
      const before = seen.length;
      const response = await exchange(
        port,
        get(`http://127.0.0.1:${originPort}/a?b=1`, 'Host: evil.example', 'Proxy-Authorization: Basic eA=='),
      );
      expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
      expect(response.endsWith('hello /a?b=1')).toBe(true);
      expect(seen.slice(before)).toEqual([
        {
          method: 'GET',
          url: '/a?b=1',
          headers: { host: `127.0.0.1:${originPort}`, connection: 'close' },
        },
      ]);
    });
  });

  it.each<[string, EgressPolicyOptions, () => string, EgressRefusal['reason']]>([
    ['a loopback address by default', {}, () => `http://127.0.0.1:${originPort}/x`, 'address_not_allowed'],
    [
      'a decimal IPv4 address',
      { allowPrivateNetwork: true },
      () => `http://2130706433:${originPort}/x`,
      'invalid_target',
    ],
    [
      'userinfo in the target',
      { allowPrivateNetwork: true },
      () => `http://a@127.0.0.1:${originPort}/x`,
      'invalid_target',
    ],
    [
      'a host not in the allowlist',
      { allowPrivateNetwork: true, allowedHosts: ['example.org'] },
      () => `http://127.0.0.1:${originPort}/x`,
      'host_not_allowed',
    ],
    [
      'a name resolving to the metadata address',
      { allowPrivateNetwork: true, resolveHost: async () => ['169.254.169.254'] },
      () => `http://meta.example:${originPort}/x`,
      'address_not_allowed',
    ],
  ])('refuses %s with 403, reaching nothing', async (_label, policy, target, reason) => {
    await withProxy(policy, async ({ port, refusals }) => {
      const before = seen.length;
      const response = await exchange(port, get(target()));
      expect(response).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n/);
      expect(refusals.map((refusal) => refusal.reason)).toEqual([reason]);
      expect(seen.length).toBe(before);
    });
  });

  it('connects to the address it checked: one DNS answer per request, never a second lookup', async () => {
    const lookups: string[] = [];
    const policy: EgressPolicyOptions = {
      allowPrivateNetwork: true,
      resolveHost: async (host) => {
        lookups.push(host);
        return ['127.0.0.1'];
      },
    };
    await withProxy(policy, async ({ port }) => {
      const response = await exchange(port, get(`http://media.example:${originPort}/dns`));
      expect(response.endsWith('hello /dns')).toBe(true);
      expect(lookups).toEqual(['media.example']);
    });
  });

  it('refuses a response that declares more than maxResponseBytes before relaying its body', async () => {
    await withProxy(
      { allowPrivateNetwork: true },
      async ({ port, refusals }) => {
        const response = await exchange(port, get(`http://127.0.0.1:${originPort}/big`));
        expect(response).toBe('');
        expect(refusals).toEqual([
          { reason: 'too_large', host: '127.0.0.1', port: originPort, bytes: 50 * 1024 * 1024 },
        ]);
      },
      { maxResponseBytes: 1024 * 1024 },
    );
  });

  it('tunnels CONNECT to an allowed address, byte for byte, and refuses one that is not', async () => {
    await withProxy({ allowPrivateNetwork: true }, async ({ port }) => {
      const socket = net.connect(port, '127.0.0.1');
      const received: Buffer[] = [];
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.write(`CONNECT 127.0.0.1:${echoPort} HTTP/1.1\r\nHost: 127.0.0.1:${echoPort}\r\n\r\n`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const payload = Buffer.from([0, 1, 2, 255, 13, 10, 13, 10, 42]);
      socket.write(payload);
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      const all = Buffer.concat(received);
      const established = Buffer.from('HTTP/1.1 200 Connection Established\r\n\r\n');
      expect(all.subarray(0, established.length).equals(established)).toBe(true);
      expect(all.subarray(established.length).equals(payload)).toBe(true);
    });
    await withProxy({}, async ({ port, refusals }) => {
      const response = await exchange(port, `CONNECT 127.0.0.1:${echoPort} HTTP/1.1\r\n\r\n`);
      expect(response).toMatch(/^HTTP\/1\.1 403 Forbidden/);
      expect(refusals).toMatchObject([{ reason: 'address_not_allowed', address: '127.0.0.1', category: 'private' }]);
    });
  });

  it('closes the client connection when the upstream refuses it, and records why', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await withProxy({ allowPrivateNetwork: true }, async ({ port, upstreamErrors, refusals }) => {
      expect(await exchange(port, get(`http://127.0.0.1:${closedPort}/`))).toBe('');
      expect(upstreamErrors).toEqual([`connect 127.0.0.1:${closedPort}: ECONNREFUSED`]);
      expect(refusals).toEqual([]);
    });
  });

  it('refuses a request head larger than 64 KiB', async () => {
    await withProxy({ allowPrivateNetwork: true }, async ({ port, refusals }) => {
      const response = await exchange(port, `GET http://127.0.0.1:${originPort}/ HTTP/1.1\r\nX: ${'a'.repeat(70_000)}`);
      expect(response).toMatch(/^HTTP\/1\.1 403 Forbidden/);
      expect(refusals).toEqual([{ reason: 'invalid_target', detail: 'request head too large' }]);
    });
  });
});
