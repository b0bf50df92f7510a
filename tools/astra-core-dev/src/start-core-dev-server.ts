import { timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { redactUrl, silentLogger, type Logger } from '@astra/contracts';
import { transcriptionRequestSchema, type TranscriptionJobError, type TranscriptionState } from '@astra/core-client';
import { CoreDevServerError } from './errors';
import {
  coreDevFaultSchema,
  type CoreDevFault,
  type CoreDevMode,
  type CoreDevServer,
  type CoreDevServerOptions,
  type CoreDevStats,
  type RecordedRequest,
} from './model';
import { createTranscriptStore, type TranscriptStore } from './transcript-store';

export const DEFAULT_CORE_DEV_SERVER_OPTIONS = {
  port: 0,
  host: '127.0.0.1',
  mode: 'sync' as CoreDevMode,
  asyncSteps: 2,
  latencyMs: 0,
  maxRequestBytes: 1024 * 1024,
  maxTranscriptBytes: 256 * 1024 * 1024,
} as const;

export type ResolvedCoreDevServerOptions = {
  port: number;
  host: string;
  mode: CoreDevMode;
  asyncSteps: number;
  latencyMs: number;
  maxRequestBytes: number;
  maxTranscriptBytes: number;
  token: string | undefined;
  transcriptsDir: string | undefined;
  transcripts: ReadonlyMap<string, unknown> | undefined;
  faults: CoreDevFault[];
  logger: Logger;
};

function nonNegativeInt(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new CoreDevServerError('invalid_options', `astra-core-dev option ${name} must be a non-negative integer`);
  }
  return value;
}

export function parseFaults(faults: readonly unknown[]): CoreDevFault[] {
  return faults.map((fault, index) => {
    const parsed = coreDevFaultSchema.safeParse(fault);
    if (!parsed.success) {
      throw new CoreDevServerError(
        'invalid_options',
        `astra-core-dev fault #${index} is not a known fault: ${JSON.stringify(fault)}`,
        {
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  });
}

/** Applies defaults and checks the options; throws CoreDevServerError `invalid_options`. */
export function resolveCoreDevServerOptions(options: CoreDevServerOptions = {}): ResolvedCoreDevServerOptions {
  const d = DEFAULT_CORE_DEV_SERVER_OPTIONS;
  const mode = options.mode ?? d.mode;
  if (mode !== 'sync' && mode !== 'async')
    throw new CoreDevServerError('invalid_options', 'astra-core-dev mode must be "sync" or "async"');
  if (options.token !== undefined && options.token === '')
    throw new CoreDevServerError('invalid_options', 'astra-core-dev token must not be empty');
  const port = nonNegativeInt('port', options.port ?? d.port);
  if (port > 65_535) throw new CoreDevServerError('invalid_options', 'astra-core-dev port must be at most 65535');
  return {
    port,
    host: options.host ?? d.host,
    mode,
    asyncSteps: nonNegativeInt('asyncSteps', options.asyncSteps ?? d.asyncSteps),
    latencyMs: nonNegativeInt('latencyMs', options.latencyMs ?? d.latencyMs),
    maxRequestBytes: nonNegativeInt('maxRequestBytes', options.maxRequestBytes ?? d.maxRequestBytes),
    maxTranscriptBytes: nonNegativeInt('maxTranscriptBytes', options.maxTranscriptBytes ?? d.maxTranscriptBytes),
    token: options.token,
    transcriptsDir: options.transcriptsDir,
    transcripts: options.transcripts,
    faults: parseFaults(options.faults ?? []),
    logger: options.logger ?? silentLogger,
  };
}

type Job = {
  id: string;
  key: string;
  audioUri: string;
  audioSha256: string | undefined;
  payload: unknown;
  status: TranscriptionState;
  polls: number;
  error: TranscriptionJobError | undefined;
  /** Async: the failure the first poll reports. */
  failOnPoll: TranscriptionJobError | undefined;
};

type Exchange = {
  req: IncomingMessage;
  res: ServerResponse;
  record: RecordedRequest;
  signal: AbortSignal;
  requestId: string;
};

function faultKind(fault: CoreDevFault): string {
  if ('status' in fault) return `status_${fault.status}`;
  if ('malformed' in fault) return 'malformed';
  if ('oversizedBytes' in fault) return 'oversized';
  if ('hangMs' in fault) return 'hang';
  if ('dropConnection' in fault) return 'drop_connection';
  return 'fail_job';
}

function redactBody(body: unknown): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
  const record = body as Record<string, unknown>;
  const audio = record['audio'];
  if (typeof audio !== 'object' || audio === null) return body;
  const uri = (audio as Record<string, unknown>)['uri'];
  return { ...record, audio: { ...audio, ...(typeof uri === 'string' ? { uri: redactUrl(uri) } : {}) } };
}

/** Resolves on `drain` or `close`, whichever comes first, leaving no listener behind. */
function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Starts a local implementation of the astra-core transcription API (architecture §4) for tests, the demo
 * and offline development. See the package README for the behaviour of each option and fault.
 * @throws CoreDevServerError `invalid_options`, `listen_failed`.
 */
export async function startCoreDevServer(options: CoreDevServerOptions = {}): Promise<CoreDevServer> {
  const o = resolveCoreDevServerOptions(options);
  const store: TranscriptStore = createTranscriptStore({
    maxTranscriptBytes: o.maxTranscriptBytes,
    ...(o.transcripts ? { transcripts: o.transcripts } : {}),
    ...(o.transcriptsDir === undefined ? {} : { transcriptsDir: o.transcriptsDir }),
  });
  const requests: RecordedRequest[] = [];
  const faults: CoreDevFault[] = [...o.faults];
  const jobs = new Map<string, Job>();
  const keys = new Map<string, string>();
  const stats: CoreDevStats = { submissions: 0, transcriptions: 0, replays: 0, polls: 0 };
  const shutdown = new AbortController();
  let jobCounter = 0;
  let requestCounter = 0;

  const takeFault = (kind: 'submit' | 'poll'): CoreDevFault | undefined => {
    const index = faults.findIndex((fault) => fault.on === undefined || fault.on === kind);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };

  const send = (ex: Exchange, status: number, body: unknown, headers: Record<string, string> = {}): void => {
    if (ex.res.destroyed || ex.res.headersSent) return;
    const text = JSON.stringify(body);
    ex.res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      'x-request-id': ex.requestId,
      ...headers,
    });
    ex.res.end(text);
    ex.record.status = status;
    o.logger.info({ method: ex.record.method, path: ex.record.path, status }, 'astra-core-dev: answered');
  };

  const sendError = (
    ex: Exchange,
    status: number,
    code: string,
    message: string,
    headers: Record<string, string> = {},
  ): void => {
    send(ex, status, { error: { code, message } }, headers);
  };

  const readBody = async (ex: Exchange): Promise<{ ok: true; text: string } | { ok: false }> => {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of ex.req) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > o.maxRequestBytes) {
        sendError(ex, 413, 'request_too_large', `Request body exceeds ${o.maxRequestBytes} bytes`, {
          connection: 'close',
        });
        return { ok: false };
      }
      chunks.push(buffer);
    }
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  };

  const jobBody = (job: Job): Record<string, unknown> => {
    if (job.status === 'completed') return { id: job.id, status: job.status, result: job.payload };
    if (job.status === 'failed') return { id: job.id, status: job.status, error: job.error };
    return { id: job.id, status: job.status };
  };

  const submit = async (ex: Exchange, failure: TranscriptionJobError | undefined): Promise<void> => {
    const body = await readBody(ex);
    if (!body.ok) return;
    let json: unknown;
    try {
      json = JSON.parse(body.text);
    } catch {
      sendError(ex, 400, 'invalid_json', 'Request body is not valid JSON');
      return;
    }
    ex.record.body = redactBody(json);
    stats.submissions += 1;
    const parsed = transcriptionRequestSchema.safeParse(json);
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
        .join('; ');
      sendError(ex, 400, 'invalid_request', `Invalid transcription request: ${detail}`);
      return;
    }
    const key = ex.record.idempotencyKey;
    if (key === undefined || key === '') {
      sendError(ex, 400, 'missing_idempotency_key', 'The Idempotency-Key header is required');
      return;
    }
    const request = parsed.data;
    const existingId = keys.get(key);
    const existing = existingId === undefined ? undefined : jobs.get(existingId);
    if (existing && existing.status !== 'failed') {
      // The same audio (by sha256) stored under another URI is the same job; without sha256 the URI decides.
      const sameAudio =
        existing.audioSha256 !== undefined && request.audio.sha256 !== undefined
          ? existing.audioSha256 === request.audio.sha256
          : existing.audioUri === request.audio.uri;
      if (!sameAudio) {
        sendError(ex, 422, 'idempotency_conflict', 'This Idempotency-Key was used with other audio');
        return;
      }
      stats.replays += 1;
      send(ex, existing.status === 'completed' ? 200 : 202, jobBody(existing));
      return;
    }
    const found = await store.lookup(request.audio.uri);
    if (!found.ok) {
      sendError(ex, found.status, found.code, found.message);
      return;
    }
    jobCounter += 1;
    stats.transcriptions += 1;
    const job: Job = {
      id: `tr-${String(jobCounter).padStart(6, '0')}`,
      key,
      audioUri: request.audio.uri,
      audioSha256: request.audio.sha256,
      payload: found.payload,
      status: 'queued',
      polls: 0,
      error: undefined,
      failOnPoll: undefined,
    };
    jobs.set(job.id, job);
    keys.set(key, job.id);
    if (o.mode === 'sync') {
      if (failure) {
        job.status = 'failed';
        job.error = failure;
      } else {
        job.status = 'completed';
      }
      send(ex, 200, jobBody(job));
      return;
    }
    job.failOnPoll = failure;
    send(ex, 202, jobBody(job), { location: `/v1/transcriptions/${job.id}` });
  };

  const poll = (ex: Exchange, id: string, failure: TranscriptionJobError | undefined): void => {
    const job = jobs.get(id);
    if (!job) {
      sendError(ex, 404, 'transcription_not_found', `No transcription ${id}`);
      return;
    }
    job.polls += 1;
    stats.polls += 1;
    const fail = failure ?? job.failOnPoll;
    if (fail && job.status !== 'completed' && job.status !== 'failed') {
      job.status = 'failed';
      job.error = fail;
      job.failOnPoll = undefined;
    } else if (job.status === 'queued' || job.status === 'processing') {
      job.status = job.polls > o.asyncSteps ? 'completed' : 'processing';
    }
    send(ex, 200, jobBody(job));
  };

  const streamOversized = async (ex: Exchange, bytes: number, declareLength: boolean): Promise<void> => {
    const head = '{"id":"tr-oversized","status":"processing","padding":"';
    const tail = '"}';
    const padding = Math.max(0, bytes - head.length - tail.length);
    ex.res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      ...(declareLength ? { 'content-length': String(head.length + padding + tail.length) } : {}),
    });
    ex.record.status = 200;
    const chunk = 'x'.repeat(64 * 1024);
    ex.res.write(head);
    let left = padding;
    while (left > 0 && !ex.res.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.slice(0, left);
      left -= piece.length;
      if (!ex.res.write(piece)) await drainOrClose(ex.res);
    }
    if (!ex.res.destroyed) ex.res.end(tail);
  };

  const applyFault = async (ex: Exchange, fault: CoreDevFault): Promise<'handled' | 'continue'> => {
    ex.record.fault = faultKind(fault);
    if ('status' in fault) {
      ex.req.resume();
      const headers: Record<string, string> = {};
      if (fault.retryAfterSec !== undefined) headers['retry-after'] = String(fault.retryAfterSec);
      if (fault.retryAfterHeader !== undefined) headers['retry-after'] = fault.retryAfterHeader;
      send(
        ex,
        fault.status,
        fault.body ?? { error: { code: `injected_${fault.status}`, message: `Injected HTTP ${fault.status}` } },
        headers,
      );
      return 'handled';
    }
    if ('malformed' in fault) {
      ex.req.resume();
      const text = '{"id":"tr-malformed","status":"compl';
      ex.res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': String(text.length),
      });
      ex.res.end(text);
      ex.record.status = 200;
      return 'handled';
    }
    if ('oversizedBytes' in fault) {
      ex.req.resume();
      await streamOversized(ex, fault.oversizedBytes, fault.declareLength ?? false);
      return 'handled';
    }
    if ('dropConnection' in fault) {
      ex.req.socket.destroy();
      return 'handled';
    }
    if ('hangMs' in fault) {
      try {
        await delay(fault.hangMs, undefined, { signal: ex.signal });
      } catch {
        return 'handled';
      }
      return ex.res.destroyed ? 'handled' : 'continue';
    }
    return 'continue';
  };

  const handle = async (ex: Exchange): Promise<void> => {
    if (o.latencyMs > 0) {
      try {
        await delay(o.latencyMs, undefined, { signal: ex.signal });
      } catch {
        return;
      }
    }
    const url = new URL(ex.req.url ?? '/', 'http://astra-core-dev');
    const isSubmit = url.pathname === '/v1/transcriptions';
    const pollMatch = /^\/v1\/transcriptions\/([^/]+)$/.exec(url.pathname);
    const kind = isSubmit ? 'submit' : pollMatch ? 'poll' : undefined;
    const fault = kind === undefined ? undefined : takeFault(kind);
    if (fault && (await applyFault(ex, fault)) === 'handled') return;
    const failure = fault && 'failJob' in fault ? fault.failJob : undefined;
    if (o.token !== undefined && ex.record.authorization !== 'valid') {
      ex.req.resume();
      sendError(ex, 401, 'unauthorized', 'Missing or invalid bearer token', { 'www-authenticate': 'Bearer' });
      return;
    }
    if (isSubmit) {
      if (ex.req.method !== 'POST') {
        sendError(ex, 405, 'method_not_allowed', 'Use POST', { allow: 'POST' });
        return;
      }
      await submit(ex, failure);
      return;
    }
    if (pollMatch) {
      if (ex.req.method !== 'GET') {
        sendError(ex, 405, 'method_not_allowed', 'Use GET', { allow: 'GET' });
        return;
      }
      poll(ex, decodeURIComponent(pollMatch[1] ?? ''), failure);
      return;
    }
    ex.req.resume();
    sendError(ex, 404, 'not_found', `No route for ${ex.req.method ?? 'GET'} ${url.pathname}`);
  };

  const server = createServer((req, res) => {
    requestCounter += 1;
    const requestId = `req-${requestCounter}`;
    const authorization = req.headers.authorization;
    const idempotencyKey = req.headers['idempotency-key'];
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: new URL(req.url ?? '/', 'http://astra-core-dev').pathname,
      idempotencyKey: Array.isArray(idempotencyKey) ? idempotencyKey[0] : idempotencyKey,
      authorization:
        authorization === undefined
          ? 'missing'
          : o.token !== undefined && sameSecret(authorization, `Bearer ${o.token}`)
            ? 'valid'
            : 'invalid',
      body: undefined,
      status: 0,
      fault: undefined,
    };
    requests.push(record);
    const left = new AbortController();
    res.on('close', () => left.abort());
    const signal = AbortSignal.any([left.signal, shutdown.signal]);
    handle({ req, res, record, signal, requestId }).catch((error: unknown) => {
      o.logger.error({ err: error, path: record.path }, 'astra-core-dev: handler failed');
      if (!res.headersSent && !res.destroyed)
        sendError({ req, res, record, signal, requestId }, 500, 'internal', 'astra-core-dev handler failed');
      else res.destroy();
    });
  });

  try {
    server.listen(o.port, o.host);
    await Promise.race([
      once(server, 'listening'),
      once(server, 'error').then(([error]) => {
        throw error;
      }),
    ]);
  } catch (error) {
    throw new CoreDevServerError('listen_failed', `astra-core-dev cannot listen on ${o.host}:${o.port}`, {
      cause: error,
    });
  }
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(':') ? `[${o.host}]` : o.host;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    stats: () => ({ ...stats }),
    addFaults: (...more) => {
      faults.push(...parseFaults(more));
    },
    pendingFaults: () => faults.length,
    reset: () => {
      requests.length = 0;
      faults.length = 0;
      jobs.clear();
      keys.clear();
      Object.assign(stats, { submissions: 0, transcriptions: 0, replays: 0, polls: 0 });
    },
    close: async () => {
      shutdown.abort();
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
}
