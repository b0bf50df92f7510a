import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CoreDevServerError, startCoreDevServer, type CoreDevServer, type CoreDevServerOptions } from '@astra/core-dev';
import { AUDIO_URI, DEEPGRAM, NORMALIZED, SESSION_ID, WHISPER } from '../fixtures/payloads';

let dir: string;
const servers: CoreDevServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-core-dev-'));
  await writeFile(path.join(dir, `${SESSION_ID}.json`), JSON.stringify(NORMALIZED));
  await writeFile(path.join(dir, 'b2.transcript.json'), JSON.stringify(WHISPER));
  await writeFile(path.join(dir, 'deepgram-take-3.json'), JSON.stringify(DEEPGRAM));
  await writeFile(path.join(dir, 'broken.json'), '{"words": [');
  await mkdir(path.join(dir, 'indexed'));
  await writeFile(
    path.join(dir, 'indexed', 'index.json'),
    JSON.stringify({
      's3://astra-raw/mining/t1/x.wav': 'dg.json',
      's3://astra-raw/mining/t1/escape.wav': '../b2.transcript.json',
    }),
  );
  await writeFile(path.join(dir, 'indexed', 'dg.json'), JSON.stringify(DEEPGRAM));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: CoreDevServerOptions = {}): Promise<CoreDevServer> {
  const server = await startCoreDevServer({ transcriptsDir: dir, ...options });
  servers.push(server);
  return server;
}

type Answer = { status: number; body: unknown; headers: Headers };

async function submit(
  server: CoreDevServer,
  audioUri: string,
  init: { key?: string; token?: string; body?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.key !== '') headers['idempotency-key'] = init.key ?? `t1:${SESSION_ID}:deepgram`;
  if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
  const response = await fetch(`${server.url}/v1/transcriptions`, {
    method: 'POST',
    headers,
    body:
      init.body ?? JSON.stringify({ tenantId: 't1', audio: { uri: audioUri }, provider: 'deepgram', language: 'es' }),
  });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

async function get(server: CoreDevServer, pathname: string, method = 'GET'): Promise<Answer> {
  const response = await fetch(`${server.url}${pathname}`, { method });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

describe('astra-core-dev', () => {
  it('listens on 127.0.0.1 and a free port by default', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.port).toBeGreaterThan(0);
  });

  it.each([
    ['<uuid>.json', AUDIO_URI, NORMALIZED],
    ['<stem>.transcript.json', 's3://astra-raw/mining/t1/b2.wav', WHISPER],
    [
      'a signed URL, by stem',
      'https://astra-raw.s3.amazonaws.com/mining/t1/deepgram-take-3.wav?X-Amz-Signature=abc',
      DEEPGRAM,
    ],
  ])('serves %s from the folder as it is', async (_name, uri, payload) => {
    const server = await serve();
    const answer = await submit(server, uri);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ id: 'tr-000001', status: 'completed', result: payload });
    expect(answer.headers.get('x-request-id')).toBe('req-1');
  });

  it('prefers index.json and keeps its file names inside the folder', async () => {
    const server = await serve({ transcriptsDir: path.join(dir, 'indexed') });
    expect((await submit(server, 's3://astra-raw/mining/t1/x.wav')).body).toMatchObject({ result: DEEPGRAM });
    const escape = await submit(server, 's3://astra-raw/mining/t1/escape.wav', { key: 'k2' });
    expect(escape.status).toBe(500);
    expect(escape.body).toMatchObject({ error: { code: 'index_unreadable' } });
  });

  it.each([
    ['unknown audio', 's3://astra-raw/mining/t1/none.wav', 404, 'audio_not_found'],
    ['a broken transcript file', 's3://astra-raw/mining/t1/broken.wav', 500, 'transcript_unreadable'],
  ])('answers %s with an error body', async (_name, uri, status, code) => {
    const server = await serve();
    const answer = await submit(server, uri);
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ error: { code } });
    expect(server.stats().transcriptions).toBe(0);
  });

  it.each([
    ['invalid JSON', { body: '{"tenantId":' }, 'invalid_json'],
    [
      'a bad tenant',
      { body: JSON.stringify({ tenantId: 'T 1', audio: { uri: AUDIO_URI }, provider: 'deepgram', language: 'es' }) },
      'invalid_request',
    ],
    ['no Idempotency-Key', { key: '' }, 'missing_idempotency_key'],
  ])('answers 400 to %s', async (_name, init, code) => {
    const server = await serve();
    const answer = await submit(server, AUDIO_URI, init);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code } });
  });

  it('answers 413 to an oversized request body', async () => {
    const server = await serve({ maxRequestBytes: 100 });
    const answer = await submit(server, AUDIO_URI, { body: JSON.stringify({ pad: 'x'.repeat(200) }) });
    expect(answer.status).toBe(413);
  });

  it('answers 404 and 405 outside the contract', async () => {
    const server = await serve();
    expect((await get(server, '/v2/other')).status).toBe(404);
    expect((await get(server, '/v1/transcriptions')).status).toBe(405);
    expect((await get(server, '/v1/transcriptions/tr-1', 'DELETE')).status).toBe(405);
    expect((await get(server, '/v1/transcriptions/tr-404')).body).toMatchObject({
      error: { code: 'transcription_not_found' },
    });
  });

  it('dedupes by Idempotency-Key and refuses a key reused for other audio', async () => {
    const server = await serve();
    const first = await submit(server, AUDIO_URI);
    const replay = await submit(server, AUDIO_URI);
    expect(replay.body).toEqual(first.body);
    const conflict = await submit(server, 's3://astra-raw/mining/t1/b2.wav');
    expect(conflict.status).toBe(422);
    expect(conflict.body).toMatchObject({ error: { code: 'idempotency_conflict' } });
    expect(server.stats()).toEqual({ submissions: 3, transcriptions: 1, replays: 1, polls: 0 });
  });

  it('runs async jobs: 202 + Location, processing for asyncSteps polls, then completed', async () => {
    const server = await serve({ mode: 'async', asyncSteps: 2 });
    const accepted = await submit(server, AUDIO_URI);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ id: 'tr-000001', status: 'queued' });
    const location = accepted.headers.get('location') ?? '';
    expect(location).toBe('/v1/transcriptions/tr-000001');
    const states = [];
    for (let i = 0; i < 4; i += 1) states.push(((await get(server, location)).body as { status: string }).status);
    expect(states).toEqual(['processing', 'processing', 'completed', 'completed']);
    expect((await submit(server, AUDIO_URI)).status).toBe(200);
  });

  it('requires the bearer token and records requests without secrets', async () => {
    const token = 'dev-token-77';
    const server = await serve({ token });
    const missing = await submit(server, AUDIO_URI);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    expect((await submit(server, AUDIO_URI, { token: 'nope' })).status).toBe(401);
    const signed = 'https://astra-raw.s3.amazonaws.com/mining/t1/deepgram-take-3.wav?X-Amz-Signature=abc123';
    expect((await submit(server, signed, { token })).status).toBe(200);
    expect(server.requests.map((r) => r.authorization)).toEqual(['missing', 'invalid', 'valid']);
    expect(server.requests[2]?.body).toMatchObject({
      audio: { uri: 'https://astra-raw.s3.amazonaws.com/mining/t1/deepgram-take-3.wav?X-Amz-Signature=redacted' },
    });
    const recorded = JSON.stringify(server.requests);
    expect(recorded).not.toContain(token);
    expect(recorded).not.toContain('abc123');
  });

  it('applies faults in order, honouring "on", and can be reset', async () => {
    const server = await serve({
      mode: 'async',
      faults: [
        { on: 'poll', status: 503, retryAfterSec: 2 },
        { status: 429, retryAfterHeader: 'Wed, 21 Oct 2015 07:28:00 GMT' },
      ],
    });
    const throttled = await submit(server, AUDIO_URI);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(throttled.body).toEqual({ error: { code: 'injected_429', message: 'Injected HTTP 429' } });
    expect(server.pendingFaults()).toBe(1);
    const accepted = await submit(server, AUDIO_URI);
    expect(accepted.status).toBe(202);
    const unavailable = await get(server, '/v1/transcriptions/tr-000001');
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('2');
    expect(server.requests.map((r) => r.fault)).toEqual(['status_429', undefined, 'status_503']);
    server.addFaults({ malformed: true });
    const response = await fetch(`${server.url}/v1/transcriptions/tr-000001`);
    await expect(response.json()).rejects.toThrow();
    server.reset();
    expect(server.requests).toEqual([]);
    expect(server.stats()).toEqual({ submissions: 0, transcriptions: 0, replays: 0, polls: 0 });
    expect((await get(server, '/v1/transcriptions/tr-000001')).status).toBe(404);
  });

  it('streams exactly oversizedBytes of valid JSON', async () => {
    const server = await serve({ faults: [{ oversizedBytes: 300_000 }] });
    const response = await fetch(`${server.url}/v1/transcriptions`, { method: 'POST', body: '{}' });
    const text = await response.text();
    expect(text.length).toBe(300_000);
    expect(JSON.parse(text)).toMatchObject({ id: 'tr-oversized' });
    expect(response.headers.get('content-length')).toBeNull();
  });

  it('adds latency without changing answers', async () => {
    const server = await serve({ latencyMs: 20 });
    expect((await submit(server, AUDIO_URI)).status).toBe(200);
  });

  it('refuses bad options and a busy port', async () => {
    await expect(startCoreDevServer({ asyncSteps: -1 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(startCoreDevServer({ faults: [{ bogus: 1 } as never] })).rejects.toBeInstanceOf(CoreDevServerError);
    const server = await serve();
    await expect(startCoreDevServer({ port: server.port })).rejects.toMatchObject({ code: 'listen_failed' });
  });
});
