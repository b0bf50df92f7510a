import { afterAll, describe, expect, it } from 'vitest';
import {
  CoreClient,
  DEFAULT_CORE_CLIENT_OPTIONS,
  resolveCoreClientOptions,
  type TranscribeRequest,
} from './core-client';
import { CoreClientError } from './errors';

async function rejection(promise: Promise<unknown>): Promise<CoreClientError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreClientError) return error;
    throw error;
  }
  throw new Error('expected a CoreClientError');
}

function syncError(fn: () => unknown): CoreClientError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CoreClientError) return error;
    throw error;
  }
  throw new Error('expected a CoreClientError');
}

describe('resolveCoreClientOptions', () => {
  it('applies the documented defaults', () => {
    const resolved = resolveCoreClientOptions({ baseUrl: 'http://core.local:8787/' });
    expect(resolved).toMatchObject({ ...DEFAULT_CORE_CLIENT_OPTIONS, baseUrl: 'http://core.local:8787' });
    expect(resolved.maxRetries).toBe(5);
    expect(resolved.maxWaitMs).toBe(3 * 3600 * 1000);
  });

  it('keeps a base path', () => {
    expect(resolveCoreClientOptions({ baseUrl: 'https://h/astra/' }).baseUrl).toBe('https://h/astra');
  });

  it.each([
    ['not a URL', { baseUrl: 'core' }],
    ['another scheme', { baseUrl: 'ftp://h' }],
    ['credentials in the URL', { baseUrl: 'https://u:p@h' }],
    ['a query string', { baseUrl: 'https://h/?k=v' }],
    ['a token with a newline', { baseUrl: 'https://h', token: 'a\nb' }],
    ['negative retries', { baseUrl: 'https://h', maxRetries: -1 }],
    ['fractional retries', { baseUrl: 'https://h', maxRetries: 1.5 }],
    ['zero maxResponseBytes', { baseUrl: 'https://h', maxResponseBytes: 0 }],
    ['a shrinking poll factor', { baseUrl: 'https://h', pollBackoffFactor: 0.5 }],
  ])('rejects %s with invalid_request', (_name, options) => {
    const error = syncError(() => resolveCoreClientOptions(options));
    expect(error.code).toBe('invalid_request');
    expect(error.retryable).toBe(false);
    expect(error.name).toBe('CoreClientError');
  });

  it('never echoes the token', () => {
    expect(
      syncError(() => resolveCoreClientOptions({ baseUrl: 'https://h', token: 'sekrit\n' })).message,
    ).not.toContain('sekrit');
  });
});

describe('CoreClient.transcribe input validation', () => {
  const good: TranscribeRequest = {
    tenantId: 't1',
    sessionId: '3f1c7a52-2f4e-5b1a-9c53-7d2e8f6a1b0c',
    audioUri: 's3://astra-raw/mining/t1/3f1c7a52-2f4e-5b1a-9c53-7d2e8f6a1b0c.wav',
    provider: 'deepgram',
    language: 'es',
  };
  // Port 9 (discard) on a reserved address: nothing is ever sent because validation fails first.
  const client = new CoreClient({ baseUrl: 'http://192.0.2.1:9', maxRetries: 0 });
  afterAll(() => client.close());

  it.each([
    ['tenantId', { tenantId: 'Bad Tenant' }],
    ['sessionId', { sessionId: 'a/b' }],
    ['audioUri', { audioUri: 'mining/t1/x.wav' }],
    ['provider', { provider: 'Deep Gram' }],
    ['language', { language: 'spanish language' }],
  ])('rejects a bad %s before sending', async (field, patch) => {
    const error = await rejection(client.transcribe({ ...good, ...patch }));
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(field);
  });

  it('does not echo a signed audio URI', async () => {
    const error = await rejection(client.transcribe({ ...good, audioUri: 'not a uri?X-Amz-Signature=abc' }));
    expect(error.message).not.toContain('X-Amz-Signature');
  });

  it('rejects an already aborted signal with aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(client.transcribe({ ...good, signal: controller.signal }));
    expect(error.code).toBe('aborted');
  });

  it('rejects a bad transcription id in getTranscription', async () => {
    expect((await rejection(client.getTranscription('../admin'))).code).toBe('invalid_request');
  });
});
