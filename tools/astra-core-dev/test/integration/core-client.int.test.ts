import { afterEach, describe, expect, it } from 'vitest';
import {
  CoreClient,
  CoreClientError,
  type CoreClientOptions,
  type SleepFn,
  type TranscribeProgress,
  type TranscribeRequest,
} from '@astra/core-client';
import type { Logger } from '@astra/contracts';
import { startCoreDevServer, type CoreDevServer, type CoreDevServerOptions } from '@astra/core-dev';
import { AUDIO_URI, DEEPGRAM, NORMALIZED, SESSION_ID, WHISPER } from '../fixtures/payloads';

/**
 * @astra/core-client against the real dev server over HTTP on 127.0.0.1 (no mocks of undici).
 * Waits go through an injected sleep that records the delays and returns at once.
 */

const TOKEN = 's3cr3t-token-4f9a';
const SIGNATURE = 'X-Amz-Signature=deadbeefcafe';

const servers: CoreDevServer[] = [];
const clients: CoreClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: CoreDevServerOptions = {}): Promise<CoreDevServer> {
  const server = await startCoreDevServer({
    transcripts: new Map<string, unknown>([
      [AUDIO_URI, NORMALIZED],
      ['s3://astra-raw/mining/t1/deepgram.wav', DEEPGRAM],
      ['s3://astra-raw/mining/t1/whisper.wav', WHISPER],
      ['https://astra-raw.s3.eu-west-1.amazonaws.com/mining/t1/signed.wav', NORMALIZED],
    ]),
    ...options,
  });
  servers.push(server);
  return server;
}

function recordingSleep(): { delays: number[]; sleep: SleepFn } {
  const delays: number[] = [];
  const sleep: SleepFn = async (ms, signal) => {
    delays.push(ms);
    signal?.throwIfAborted();
    await new Promise((resolve) => setImmediate(resolve));
    signal?.throwIfAborted();
  };
  return { delays, sleep };
}

function makeClient(
  server: CoreDevServer,
  options: Partial<CoreClientOptions> = {},
): { client: CoreClient; delays: number[] } {
  const { delays, sleep } = recordingSleep();
  const client = new CoreClient({ baseUrl: server.url, sleep, random: () => 0.5, pollIntervalMs: 1000, ...options });
  clients.push(client);
  return { client, delays };
}

function request(overrides: Partial<TranscribeRequest> = {}): TranscribeRequest {
  return {
    tenantId: 't1',
    sessionId: SESSION_ID,
    audioUri: AUDIO_URI,
    provider: 'deepgram',
    language: 'es',
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<CoreClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreClientError) return error;
    throw error;
  }
  throw new Error('expected a CoreClientError');
}

function recordingLogger(): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  const log = (level: string) => (fields: object, message?: string) => {
    lines.push(
      `${level} ${message ?? ''} ${JSON.stringify(fields, (_key, value: unknown) => (value instanceof Error ? value.message : value))}`,
    );
  };
  return { lines, logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') } };
}

describe('CoreClient against astra-core-dev', () => {
  it('transcribes synchronously with an Idempotency-Key', async () => {
    const server = await serve({ mode: 'sync' });
    const { client, delays } = makeClient(server);
    const events: TranscribeProgress[] = [];
    const result = await client.transcribe(
      request({ options: { diarize: true, punctuate: true }, onProgress: (e) => events.push(e) }),
    );
    expect(result.payload).toEqual(NORMALIZED);
    expect(result.id).toMatch(/^tr-/);
    expect(events).toEqual([{ status: 'completed', id: result.id }]);
    expect(delays).toEqual([]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/transcriptions',
      idempotencyKey: `t1:${SESSION_ID}:deepgram`,
      status: 200,
      body: {
        tenantId: 't1',
        audio: { uri: AUDIO_URI },
        provider: 'deepgram',
        language: 'es',
        options: { diarize: true, punctuate: true },
      },
    });
  });

  it.each([
    ['Deepgram', 's3://astra-raw/mining/t1/deepgram.wav', DEEPGRAM],
    ['Whisper', 's3://astra-raw/mining/t1/whisper.wav', WHISPER],
  ])(
    'returns a %s payload as astra-core sent it (the transcript stage normalises it)',
    async (_name, audioUri, payload) => {
      const server = await serve();
      const { client } = makeClient(server);
      expect((await client.transcribe(request({ audioUri }))).payload).toEqual(payload);
    },
  );

  it('puts the audio sha256 in the Idempotency-Key and the body; the same audio stored elsewhere is a replay', async () => {
    const server = await serve();
    const { client } = makeClient(server);
    const audioSha256 = 'ab'.repeat(32);
    const first = await client.transcribe(request({ audioSha256 }));
    const moved = await client.transcribe(
      request({ audioSha256, audioUri: 'https://astra-raw.s3.eu-west-1.amazonaws.com/mining/t1/signed.wav' }),
    );
    expect(moved.id).toBe(first.id);
    expect(server.stats()).toMatchObject({ transcriptions: 1, replays: 1 });
    expect(server.requests[0]).toMatchObject({
      idempotencyKey: `t1:${SESSION_ID}:deepgram:${'ab'.repeat(8)}`,
      body: { audio: { uri: AUDIO_URI, sha256: audioSha256 } },
    });
    // Same 16-digit key prefix, other bytes: astra-core compares the whole sha256 and refuses.
    const changed = await rejection(client.transcribe(request({ audioSha256: 'ab'.repeat(31) + 'cd' })));
    expect(changed).toMatchObject({ code: 'http_status', status: 422, remoteCode: 'idempotency_conflict' });
    expect(server.stats().transcriptions).toBe(1);
  });

  it('refuses a reused key for other audio when no sha256 is known', async () => {
    const server = await serve();
    const { client } = makeClient(server);
    await client.transcribe(request());
    const error = await rejection(
      client.transcribe(request({ audioUri: 'https://astra-raw.s3.eu-west-1.amazonaws.com/mining/t1/signed.wav' })),
    );
    expect(error).toMatchObject({ code: 'http_status', status: 422, remoteCode: 'idempotency_conflict' });
  });

  it('polls an asynchronous transcription with growing intervals', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 2 });
    const { client, delays } = makeClient(server);
    const events: TranscribeProgress[] = [];
    const result = await client.transcribe(request({ onProgress: (e) => events.push(e) }));
    expect(result.payload).toEqual(NORMALIZED);
    expect(events.map((e) => [e.status, e.attempt])).toEqual([
      ['queued', 0],
      ['processing', 1],
      ['processing', 2],
      ['completed', 3],
    ]);
    expect(delays).toEqual([1000, 1500, 2250]);
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual([
      'POST 202',
      'GET 200',
      'GET 200',
      'GET 200',
    ]);
    expect(server.requests[1]?.path).toBe(`/v1/transcriptions/${result.id}`);
  });

  it('caps the poll interval at pollMaxIntervalMs', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 4 });
    const { client, delays } = makeClient(server, { pollIntervalMs: 1000, pollMaxIntervalMs: 2000 });
    await client.transcribe(request());
    expect(delays).toEqual([1000, 1500, 2000, 2000, 2000]);
  });

  it.each(['sync', 'async'] as const)('does not transcribe again on a re-run (%s)', async (mode) => {
    const server = await serve({ mode, asyncSteps: 1 });
    const { client } = makeClient(server);
    const first = await client.transcribe(request());
    const second = await client.transcribe(request());
    expect(second.id).toBe(first.id);
    expect(second.payload).toEqual(first.payload);
    expect(server.stats()).toMatchObject({ transcriptions: 1, replays: 1 });
  });

  it('waits Retry-After (seconds) after a 429, then succeeds', async () => {
    const server = await serve({ faults: [{ status: 429, retryAfterSec: 1 }] });
    const { client, delays } = makeClient(server);
    const result = await client.transcribe(request());
    expect(result.payload).toEqual(NORMALIZED);
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(1000);
    expect(server.requests.map((r) => r.status)).toEqual([429, 200]);
    expect(new Set(server.requests.map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it('waits Retry-After given as an HTTP date', async () => {
    const now = Date.parse('2025-03-11T10:00:00Z');
    const server = await serve({ faults: [{ status: 503, retryAfterHeader: new Date(now + 3000).toUTCString() }] });
    const { client, delays } = makeClient(server, { now: () => now });
    await client.transcribe(request());
    expect(delays).toEqual([3000]);
  });

  it('clamps a long Retry-After to retryAfterMaxMs', async () => {
    const server = await serve({ faults: [{ status: 429, retryAfterSec: 3600 }] });
    const { client, delays } = makeClient(server, { retryAfterMaxMs: 5000 });
    await client.transcribe(request());
    expect(delays).toEqual([5000]);
  });

  it('retries 503 twice with jittered exponential backoff, then succeeds', async () => {
    const server = await serve({ faults: [{ status: 503 }, { status: 503 }] });
    const { client, delays } = makeClient(server, { retryBaseDelayMs: 500 });
    const result = await client.transcribe(request());
    expect(result.payload).toEqual(NORMALIZED);
    expect(delays).toEqual([250, 500]);
    expect(server.requests.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(server.stats().transcriptions).toBe(1);
  });

  it('retries a poll answered 503', async () => {
    const server = await serve({
      mode: 'async',
      asyncSteps: 0,
      faults: [{ on: 'poll', status: 503, retryAfterSec: 2 }],
    });
    const { client, delays } = makeClient(server);
    await client.transcribe(request());
    expect(delays).toEqual([1000, 2000]);
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 202', 'GET 503', 'GET 200']);
  });

  it('gives up after maxRetries with the last error', async () => {
    const server = await serve({ faults: [{ status: 500 }, { status: 500 }, { status: 500 }] });
    const { client } = makeClient(server, { maxRetries: 2 });
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({
      code: 'http_status',
      status: 500,
      retryable: true,
      attempts: 3,
      remoteCode: 'injected_500',
    });
    expect(error.message).toContain('after 3 attempts');
    expect(server.requests).toHaveLength(3);
  });

  it('does not retry a permanent 400', async () => {
    const server = await serve({
      faults: [{ status: 400, body: { error: { code: 'unsupported_language', message: 'xx is not supported' } } }],
    });
    const { client, delays } = makeClient(server);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({
      code: 'http_status',
      status: 400,
      retryable: false,
      attempts: 1,
      remoteCode: 'unsupported_language',
    });
    expect(error.message).toContain('xx is not supported');
    expect(error.requestId).toMatch(/^req-/);
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it('reports unknown audio as a permanent 404', async () => {
    const server = await serve();
    const { client } = makeClient(server);
    const error = await rejection(client.transcribe(request({ audioUri: 's3://astra-raw/mining/t1/nope.wav' })));
    expect(error).toMatchObject({ code: 'http_status', status: 404, retryable: false, remoteCode: 'audio_not_found' });
  });

  it('throws transcription_failed for a failed synchronous job, keeping its retryable', async () => {
    const server = await serve({
      faults: [{ failJob: { code: 'provider_unavailable', message: 'Deepgram is down', retryable: true } }],
    });
    const { client } = makeClient(server);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'transcription_failed', retryable: true, remoteCode: 'provider_unavailable' });
    expect(error.message).toContain('Deepgram is down');
    expect(error.transcriptionId).toMatch(/^tr-/);
    expect(server.requests).toHaveLength(1);
  });

  it('throws transcription_failed when a polled job fails, and a re-run starts a new job', async () => {
    const server = await serve({
      mode: 'async',
      asyncSteps: 3,
      faults: [{ on: 'poll', failJob: { code: 'audio_corrupt', message: 'cannot decode audio', retryable: false } }],
    });
    const { client } = makeClient(server);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'transcription_failed', retryable: false, remoteCode: 'audio_corrupt' });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET']);
    const retried = await client.transcribe(request());
    expect(retried.id).not.toBe(error.transcriptionId);
    expect(server.stats().transcriptions).toBe(2);
  });

  it('rejects malformed JSON without retrying', async () => {
    const server = await serve({ faults: [{ malformed: true }] });
    const { client } = makeClient(server);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'invalid_response', retryable: false, status: 200 });
    expect(error.message).toContain('not valid JSON');
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['an unknown status', { id: 'tr-9', status: 'done' }, 'status'],
    ['completed without result', { id: 'tr-9', status: 'completed' }, 'result'],
    ['a bad id', { id: '../x', status: 'queued' }, 'id'],
  ])('rejects a body with %s naming the field', async (_name, body, field) => {
    const server = await serve({ faults: [{ status: 200, body }] });
    const { client } = makeClient(server);
    const error = await rejection(client.transcribe(request()));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(new RegExp(`invalid body: ${field}: `));
  });

  it.each([
    ['streamed without Content-Length', false],
    ['declared by Content-Length', true],
  ])('cuts off an oversized body %s', async (_name, declareLength) => {
    const server = await serve({ faults: [{ oversizedBytes: 8 * 1024 * 1024, declareLength }] });
    const { client } = makeClient(server, { maxResponseBytes: 1024 * 1024 });
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'too_large', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('times out waiting for headers', async () => {
    const server = await serve({ faults: [{ hangMs: 30_000 }] });
    const { client } = makeClient(server, { headersTimeoutMs: 200, maxRetries: 0 });
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'timeout', retryable: true, attempts: 1 });
  });

  it('retries after a timeout and succeeds', async () => {
    const server = await serve({ faults: [{ hangMs: 30_000 }] });
    const { client, delays } = makeClient(server, { headersTimeoutMs: 200 });
    const result = await client.transcribe(request());
    expect(result.payload).toEqual(NORMALIZED);
    expect(delays).toHaveLength(1);
    expect(server.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('retries a dropped connection as a network error', async () => {
    const server = await serve({ faults: [{ dropConnection: true }] });
    const { client, delays } = makeClient(server);
    await client.transcribe(request());
    expect(delays).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
  });

  it('reports a refused connection as network once retries run out', async () => {
    const server = await serve();
    const url = server.url;
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    const { delays, sleep } = recordingSleep();
    const client = new CoreClient({ baseUrl: url, sleep, maxRetries: 1 });
    clients.push(client);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'network', retryable: true, attempts: 2 });
    expect(delays).toHaveLength(1);
  });

  it('cancels between polls', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 10 });
    const { client } = makeClient(server);
    const controller = new AbortController();
    const error = await rejection(
      client.transcribe(
        request({
          signal: controller.signal,
          onProgress: (e) => {
            if (e.status === 'processing' && e.attempt === 2) controller.abort();
          },
        }),
      ),
    );
    expect(error).toMatchObject({ code: 'aborted', retryable: false });
    expect(server.requests.map((r) => r.method)).toEqual(['POST', 'GET', 'GET']);
  });

  it('cancels an in-flight poll', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 10, faults: [{ on: 'poll', hangMs: 30_000 }] });
    const { client } = makeClient(server);
    const controller = new AbortController();
    const pending = rejection(client.transcribe(request({ signal: controller.signal })));
    while (!server.requests.some((r) => r.method === 'GET')) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const error = await pending;
    expect(error.code).toBe('aborted');
    expect(server.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 202', 'GET 0']);
  });

  it('cancels a Retry-After wait with the default sleep', async () => {
    const server = await serve({ faults: [{ status: 429, retryAfterSec: 60 }] });
    const client = new CoreClient({ baseUrl: server.url });
    clients.push(client);
    const controller = new AbortController();
    const pending = rejection(client.transcribe(request({ signal: controller.signal })));
    while (server.requests.length === 0 || server.requests[0]?.status === 0)
      await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await pending).code).toBe('aborted');
    expect(server.requests).toHaveLength(1);
  });

  it('gives up when maxWaitMs runs out while polling', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 1000 });
    let clock = 0;
    const client = new CoreClient({
      baseUrl: server.url,
      pollIntervalMs: 1000,
      pollMaxIntervalMs: 1000,
      maxWaitMs: 5500,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    clients.push(client);
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'gave_up', retryable: true });
    expect(server.stats().polls).toBe(5);
  });

  it('sends the bearer token and never leaks it or a signed URL', async () => {
    const server = await serve({ token: TOKEN });
    const { lines, logger } = recordingLogger();
    const signedUri = `https://astra-raw.s3.eu-west-1.amazonaws.com/mining/t1/signed.wav?X-Amz-Credential=AKIA&${SIGNATURE}`;
    const { client } = makeClient(server, { token: TOKEN, logger });
    server.addFaults({ status: 503 });
    const result = await client.transcribe(request({ audioUri: signedUri }));
    expect(result.payload).toEqual(NORMALIZED);
    expect(server.requests.map((r) => r.authorization)).toEqual(['valid', 'valid']);
    expect(lines.length).toBeGreaterThan(0);
    const recorded = JSON.stringify(server.requests);
    for (const text of [lines.join('\n'), recorded]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SIGNATURE);
    }
    expect(lines.join('\n')).toContain('signed.wav?X-Amz-Credential=redacted&X-Amz-Signature=redacted');

    const echo = `token=${TOKEN} (Bearer ${TOKEN}) may not read ${signedUri}`;
    server.addFaults({ status: 403, body: { error: { code: 'forbidden', message: echo } } });
    const echoed = await rejection(client.transcribe(request({ audioUri: signedUri, sessionId: 'other' })));
    expect(echoed.status).toBe(403);
    expect(echoed.message).not.toContain(TOKEN);
    expect(echoed.message).not.toContain(SIGNATURE);
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });

  it('is refused with a wrong token, without echoing it', async () => {
    const server = await serve({ token: TOKEN });
    const wrong = 'wrong-token-1234';
    const { client } = makeClient(server, { token: wrong });
    const error = await rejection(client.transcribe(request()));
    expect(error).toMatchObject({ code: 'http_status', status: 401, retryable: false, remoteCode: 'unauthorized' });
    expect(error.message).not.toContain(wrong);
    expect(server.requests[0]?.authorization).toBe('invalid');
  });

  it('reads one job with getTranscription', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 1 });
    const { client } = makeClient(server);
    const controller = new AbortController();
    let id = '';
    const submitted = await rejection(
      client.transcribe(
        request({
          signal: controller.signal,
          onProgress: (event) => {
            id = event.id;
            controller.abort();
          },
        }),
      ),
    );
    expect(submitted.code).toBe('aborted');
    expect(await client.getTranscription(id)).toEqual({ id, status: 'processing' });
    expect(await client.getTranscription(id)).toEqual({ id, status: 'completed', payload: NORMALIZED });
    const missing = await rejection(client.getTranscription('tr-999999'));
    expect(missing).toMatchObject({ code: 'http_status', status: 404, remoteCode: 'transcription_not_found' });
  });

  it('returns a failed job from getTranscription instead of throwing', async () => {
    const server = await serve({
      mode: 'async',
      faults: [{ on: 'poll', failJob: { code: 'quota', message: 'quota exceeded', retryable: true } }],
    });
    const { client } = makeClient(server);
    const controller = new AbortController();
    let id = '';
    await rejection(
      client.transcribe(
        request({
          signal: controller.signal,
          onProgress: (event) => {
            id = event.id;
            controller.abort();
          },
        }),
      ),
    );
    expect(await client.getTranscription(id)).toEqual({
      id,
      status: 'failed',
      error: { code: 'quota', message: 'quota exceeded', retryable: true },
    });
  });
});
