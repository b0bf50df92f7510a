import { createServer, connect, isIP, type AddressInfo, type Socket } from 'node:net';
import { classifyAddress, isAddressAllowed, type AddressCategory, type ResolvedEgressPolicy } from './egress-policy';
import { DownloadError } from './errors';
import type { Logger } from './model';
import { parseProxyRequest } from './parse-proxy-request';
import { isHostAllowed } from './validate-media-url';

/** A connection the egress proxy refused, and why. */
export type EgressRefusal =
  | { reason: 'host_not_allowed'; host: string; port: number }
  | { reason: 'address_not_allowed'; host: string; port: number; address: string; category: AddressCategory }
  | { reason: 'invalid_target'; detail: string }
  | { reason: 'too_large'; host: string; port: number; bytes: number };

export type EgressProxyOptions = {
  policy: ResolvedEgressPolicy;
  /** DNS lookup and TCP connect, each; also how long a client may take to send its request head. */
  connectTimeoutMs: number;
  /**
   * A plain-http response declaring more (Content-Length, or the total of Content-Range) is refused before its
   * body; all responses together may relay at most twice this plus 64 MiB (pages, manifests, the media).
   */
  maxResponseBytes?: number;
  /** Concurrent client connections (more are closed at once). */
  maxConnections?: number;
  onRefusal?: (refusal: EgressRefusal) => void;
  logger: Logger;
};

export type EgressProxy = {
  /** `http://127.0.0.1:PORT`, for yt-dlp's `--proxy` (and the ffmpeg it runs). */
  url: string;
  /** Refusals so far, in order. */
  refusals: readonly EgressRefusal[];
  /** Upstream connection failures so far (`connect ECONNREFUSED 203.0.113.7:443`), for error messages. */
  upstreamErrors: readonly string[];
  /** Stops listening and destroys every open connection. */
  close(): Promise<void>;
};

const MAX_HEAD_BYTES = 64 * 1024;
const DEFAULT_MAX_CONNECTIONS = 64;
const RELAY_SLACK_BYTES = 64 * 1024 * 1024;

/**
 * A small HTTP proxy on 127.0.0.1 that enforces the egress policy on what is actually connected to: every
 * request (so every redirect yt-dlp follows) names its host; the host must be allowed, its name canonical, and
 * every address it resolves to allowed (see `isAddressAllowed`); the connection then goes to the address that
 * was checked, so a second DNS answer cannot change it. https goes through `CONNECT` tunnels (the TLS stays
 * end to end); plain http is forwarded one request per connection, its response size checked first.
 */
export async function startEgressProxy(options: EgressProxyOptions): Promise<EgressProxy> {
  const { policy, logger } = options;
  const refusals: EgressRefusal[] = [];
  const upstreamErrors: string[] = [];
  const sockets = new Set<Socket>();
  const maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const relayLimit =
    options.maxResponseBytes === undefined
      ? Number.POSITIVE_INFINITY
      : options.maxResponseBytes * 2 + RELAY_SLACK_BYTES;
  let relayed = 0;
  let closed = false;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const refuse = (client: Socket, refusal: EgressRefusal) => {
    refusals.push(refusal);
    logger.warn({ ...refusal }, 'egress refused');
    const body = `Refused by the egress policy: ${refusal.reason}\n`;
    client.end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
    );
    options.onRefusal?.(refusal);
  };
  const countRelayed = (bytes: number, host: string, port: number, client: Socket) => {
    relayed += bytes;
    if (relayed <= relayLimit) return true;
    const refusal: EgressRefusal = { reason: 'too_large', host, port, bytes: relayed };
    refusals.push(refusal);
    client.destroy();
    options.onRefusal?.(refusal);
    return false;
  };

  /** Resolves and checks `host`; the addresses that may be connected to, or undefined after a refusal. */
  const checkTarget = async (client: Socket, host: string, port: number): Promise<string[] | undefined> => {
    if (policy.allowedHosts.length > 0 && !isHostAllowed(host, policy.allowedHosts)) {
      refuse(client, { reason: 'host_not_allowed', host, port });
      return undefined;
    }
    let addresses: readonly string[];
    try {
      addresses = isIP(host)
        ? [host]
        : await withTimeout(policy.resolveHost(host), options.connectTimeoutMs, 'DNS lookup');
    } catch (error) {
      upstreamErrors.push(`resolve ${host}: ${errorCode(error)}`);
      client.destroy();
      return undefined;
    }
    if (addresses.length === 0) {
      upstreamErrors.push(`resolve ${host}: no addresses`);
      client.destroy();
      return undefined;
    }
    for (const address of addresses) {
      if (!isAddressAllowed(address, policy.allowPrivateNetwork)) {
        refuse(client, { reason: 'address_not_allowed', host, port, address, category: classifyAddress(address) });
        return undefined;
      }
    }
    return [...addresses];
  };

  const openUpstream = async (addresses: string[], port: number): Promise<Socket | undefined> => {
    for (const address of addresses) {
      const upstream = await new Promise<Socket | undefined>((resolve) => {
        const socket = connect({ host: address, port, noDelay: true });
        const timer = setTimeout(() => {
          upstreamErrors.push(`connect ${address}:${port}: timed out`);
          socket.destroy();
          resolve(undefined);
        }, options.connectTimeoutMs);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve(socket);
        });
        socket.once('error', (error) => {
          clearTimeout(timer);
          upstreamErrors.push(`connect ${address}:${port}: ${errorCode(error)}`);
          resolve(undefined);
        });
      });
      if (upstream) return upstream;
    }
    return undefined;
  };

  const handle = async (client: Socket, head: Buffer, rest: Buffer) => {
    const request = parseProxyRequest(head.toString('latin1'));
    if (request.kind === 'invalid') {
      refuse(client, { reason: 'invalid_target', detail: request.reason });
      return;
    }
    const addresses = await checkTarget(client, request.host, request.port);
    if (!addresses || client.destroyed) return;
    const upstream = await openUpstream(addresses, request.port);
    if (!upstream || client.destroyed || closed) {
      upstream?.destroy();
      client.destroy();
      return;
    }
    track(upstream);
    upstream.once('close', () => client.destroy());
    client.once('close', () => upstream.destroy());
    logger.debug({ host: request.host, port: request.port, kind: request.kind }, 'egress allowed');
    if (request.kind === 'connect') {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (rest.length > 0) upstream.write(rest);
      upstream.on('data', (chunk: Buffer) => {
        if (countRelayed(chunk.length, request.host, request.port, client)) return;
        upstream.destroy();
      });
      upstream.pipe(client);
      client.pipe(upstream);
      return;
    }
    upstream.write(request.head);
    if (rest.length > 0) upstream.write(rest);
    client.pipe(upstream);
    relayResponse(upstream, client, request.host, request.port);
  };

  /** Reads the response head, refuses a declared size over the limit, then pipes the rest as it comes. */
  const relayResponse = (upstream: Socket, client: Socket, host: string, port: number) => {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const onHead = (chunk: Buffer) => {
      if (!countRelayed(chunk.length, host, port, client)) {
        upstream.destroy();
        return;
      }
      pending.push(chunk);
      pendingBytes += chunk.length;
      const buffered = Buffer.concat(pending, pendingBytes);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (pendingBytes > MAX_HEAD_BYTES) client.destroy();
        return;
      }
      pending = [];
      upstream.off('data', onHead);
      const declared = declaredResponseBytes(buffered.subarray(0, end).toString('latin1'));
      if (options.maxResponseBytes !== undefined && declared !== undefined && declared > options.maxResponseBytes) {
        upstream.destroy();
        const refusal: EgressRefusal = { reason: 'too_large', host, port, bytes: declared };
        refusals.push(refusal);
        client.destroy();
        options.onRefusal?.(refusal);
        return;
      }
      client.write(buffered);
      // The body: a native pipe (backpressure included), counted on the side.
      upstream.on('data', (body: Buffer) => {
        if (!countRelayed(body.length, host, port, client)) upstream.destroy();
      });
      upstream.pipe(client);
    };
    upstream.on('data', onHead);
  };

  const server = createServer((client) => {
    if (sockets.size >= maxConnections || closed) {
      client.destroy();
      return;
    }
    track(client);
    client.setNoDelay(true);
    const headTimer = setTimeout(() => client.destroy(), options.connectTimeoutMs);
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) {
        if (buffered.length > MAX_HEAD_BYTES) {
          clearTimeout(headTimer);
          refuse(client, { reason: 'invalid_target', detail: 'request head too large' });
        }
        return;
      }
      clearTimeout(headTimer);
      client.off('data', onData);
      client.pause();
      handle(client, buffered.subarray(0, end + 4), buffered.subarray(end + 4)).catch((error: unknown) => {
        logger.warn({ err: error }, 'egress proxy connection failed');
        client.destroy();
      });
    };
    client.on('data', onData);
    client.once('close', () => clearTimeout(headTimer));
  });
  server.maxConnections = maxConnections * 2;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refusals,
    upstreamErrors,
    close: async () => {
      closed = true;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The error a job ends with when the egress proxy refused one of its connections (never retryable). */
export function egressRefusalError(refusal: EgressRefusal): DownloadError {
  switch (refusal.reason) {
    case 'host_not_allowed':
      return new DownloadError('host_not_allowed', `The host ${refusal.host} is not in the allowed hosts list`);
    case 'address_not_allowed':
      return new DownloadError(
        'address_not_allowed',
        `The host ${refusal.host} resolves to ${refusal.address} (${refusal.category} address), which the egress policy refuses`,
      );
    case 'too_large':
      return new DownloadError('too_large', `The response from ${refusal.host} is too large (${refusal.bytes} bytes)`);
    case 'invalid_target':
      return new DownloadError('invalid_url', `A connection was refused by the egress policy: ${refusal.detail}`);
  }
}

/** Content-Length of a 200, or the complete length of a 206's Content-Range; undefined when not declared. */
function declaredResponseBytes(head: string): number | undefined {
  const range = /\r\ncontent-range:\s*bytes\s+\d+-\d+\/(\d+)/i.exec(head);
  if (range?.[1]) return Number(range[1]);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  return length?.[1] ? Number(length[1]) : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.message : String(error);
}
