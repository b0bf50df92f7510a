import { setTimeout as delay } from 'node:timers/promises';
import { Agent, request, type Dispatcher } from 'undici';
import { z } from 'zod';
import {
  formatZodError,
  languageSchema,
  redactUrl,
  providerSchema,
  silentLogger,
  tenantIdSchema,
  type Logger,
} from '@astra/contracts';
import {
  SESSION_ID_PATTERN,
  SHA256_PATTERN,
  TRANSCRIPTION_ID_PATTERN,
  errorResponseSchema,
  transcriptionOptionsSchema,
  transcriptionResponseSchema,
  type TranscriptionJobError,
  type TranscriptionOptions,
  type TranscriptionRequest,
  type TranscriptionResponse,
  type TranscriptionState,
} from './api-model';
import { CoreClientError, type CoreClientErrorCode } from './errors';
import { readBoundedBody } from './read-bounded-body';
import { sanitizeRemoteText } from './redact';
import { computeBackoffDelay, isRetryableStatus, parseRetryAfter } from './retry-policy';

/** Waits `ms`, rejecting early when `signal` aborts. */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;

export type CoreClientOptions = {
  /** astra-core base URL (`ASTRA_CORE_URL`), http(s), no query string or credentials. */
  baseUrl: string;
  /** Bearer token (`ASTRA_CORE_TOKEN`). Never logged, never put in an error message. */
  token?: string;
  /** undici dispatcher. Default: a private Agent with the connect/headers/body timeouts below (closed by `close()`). */
  dispatcher?: Dispatcher;
  /** TCP+TLS connect timeout of the default Agent. Default 10 s. */
  connectTimeoutMs?: number;
  /** Time to wait for response headers, per request. Default 60 s. */
  headersTimeoutMs?: number;
  /** Longest idle gap while a body is being received, per request. Default 120 s. */
  bodyTimeoutMs?: number;
  /** Retries per HTTP call (network errors, timeouts, 408, 429, 5xx). Default 5. */
  maxRetries?: number;
  /** Backoff base: the n-th retry waits a uniform draw in [0, min(max, base·2ⁿ)) (full jitter). Default 500 ms. */
  retryBaseDelayMs?: number;
  /** Backoff ceiling. Default 30 s. */
  retryMaxDelayMs?: number;
  /** `Retry-After` values above this are clamped to it. Default 120 s. */
  retryAfterMaxMs?: number;
  /** First wait between polls of an asynchronous transcription. Default 2 s. */
  pollIntervalMs?: number;
  /** Each poll waits `pollBackoffFactor` times longer than the previous one, up to this. Default 15 s. */
  pollMaxIntervalMs?: number;
  /** Default 1.5. */
  pollBackoffFactor?: number;
  /** Overall budget of one `transcribe()`/`getTranscription()` call, retries and polling included. Default 3 h. */
  maxWaitMs?: number;
  /** Larger response bodies are cut off while streaming (`too_large`). Default 64 MiB. */
  maxResponseBytes?: number;
  logger?: Logger;
  /** Source of jitter in [0, 1). Default Math.random. */
  random?: () => number;
  /** Default: node:timers/promises setTimeout with the signal. */
  sleep?: SleepFn;
  /** Clock in ms (deadlines, HTTP-date Retry-After). Default Date.now. */
  now?: () => number;
  /** Default `astra-core-client/0.1`. */
  userAgent?: string;
};

export type ResolvedCoreClientOptions = Required<Omit<CoreClientOptions, 'token' | 'dispatcher'>> & {
  token: string | undefined;
  dispatcher: Dispatcher | undefined;
};

export const DEFAULT_CORE_CLIENT_OPTIONS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 60_000,
  bodyTimeoutMs: 120_000,
  maxRetries: 5,
  retryBaseDelayMs: 500,
  retryMaxDelayMs: 30_000,
  retryAfterMaxMs: 120_000,
  pollIntervalMs: 2_000,
  pollMaxIntervalMs: 15_000,
  pollBackoffFactor: 1.5,
  maxWaitMs: 3 * 60 * 60 * 1000,
  maxResponseBytes: 64 * 1024 * 1024,
  userAgent: 'astra-core-client/0.1',
} as const;

const ERROR_BODY_MAX_BYTES = 64 * 1024;
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const PERMANENT_TRANSPORT_CODES = new Set([
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
  'UND_ERR_INVALID_RETURN_VALUE',
  'ERR_INVALID_URL',
]);

const defaultSleep: SleepFn = async (ms, signal) => {
  await delay(ms, undefined, signal ? { signal } : undefined);
};

function assertDuration(name: string, value: number, allowZero = true): void {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new CoreClientError(
      'invalid_request',
      `CoreClient option ${name} must be a ${allowZero ? 'non-negative' : 'positive'} finite number`,
      {
        retryable: false,
      },
    );
  }
}

/** Applies defaults and checks the options once; throws CoreClientError `invalid_request` on bad values. */
export function resolveCoreClientOptions(options: CoreClientOptions): ResolvedCoreClientOptions {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch (error) {
    throw new CoreClientError('invalid_request', 'CoreClient baseUrl is not a valid URL', {
      retryable: false,
      cause: error,
    });
  }
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw new CoreClientError(
      'invalid_request',
      'CoreClient baseUrl must be an http(s) URL without credentials, query or fragment',
      {
        retryable: false,
      },
    );
  }
  if (options.token !== undefined && (options.token === '' || /[\r\n]/.test(options.token))) {
    throw new CoreClientError('invalid_request', 'CoreClient token must be non-empty and on one line', {
      retryable: false,
    });
  }
  const d = DEFAULT_CORE_CLIENT_OPTIONS;
  const resolved: ResolvedCoreClientOptions = {
    baseUrl: url.href.replace(/\/+$/, ''),
    token: options.token,
    dispatcher: options.dispatcher,
    connectTimeoutMs: options.connectTimeoutMs ?? d.connectTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? d.headersTimeoutMs,
    bodyTimeoutMs: options.bodyTimeoutMs ?? d.bodyTimeoutMs,
    maxRetries: options.maxRetries ?? d.maxRetries,
    retryBaseDelayMs: options.retryBaseDelayMs ?? d.retryBaseDelayMs,
    retryMaxDelayMs: options.retryMaxDelayMs ?? d.retryMaxDelayMs,
    retryAfterMaxMs: options.retryAfterMaxMs ?? d.retryAfterMaxMs,
    pollIntervalMs: options.pollIntervalMs ?? d.pollIntervalMs,
    pollMaxIntervalMs: options.pollMaxIntervalMs ?? d.pollMaxIntervalMs,
    pollBackoffFactor: options.pollBackoffFactor ?? d.pollBackoffFactor,
    maxWaitMs: options.maxWaitMs ?? d.maxWaitMs,
    maxResponseBytes: options.maxResponseBytes ?? d.maxResponseBytes,
    userAgent: options.userAgent ?? d.userAgent,
    logger: options.logger ?? silentLogger,
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
    now: options.now ?? Date.now,
  };
  for (const name of [
    'connectTimeoutMs',
    'headersTimeoutMs',
    'bodyTimeoutMs',
    'maxWaitMs',
    'maxResponseBytes',
  ] as const) {
    assertDuration(name, resolved[name], false);
  }
  for (const name of [
    'maxRetries',
    'retryBaseDelayMs',
    'retryMaxDelayMs',
    'retryAfterMaxMs',
    'pollIntervalMs',
    'pollMaxIntervalMs',
  ] as const) {
    assertDuration(name, resolved[name]);
  }
  if (!Number.isInteger(resolved.maxRetries)) {
    throw new CoreClientError('invalid_request', 'CoreClient option maxRetries must be an integer', {
      retryable: false,
    });
  }
  if (!Number.isFinite(resolved.pollBackoffFactor) || resolved.pollBackoffFactor < 1) {
    throw new CoreClientError('invalid_request', 'CoreClient option pollBackoffFactor must be ≥ 1', {
      retryable: false,
    });
  }
  return resolved;
}

export type TranscribeProgress = { status: 'queued' | 'processing' | 'completed'; id: string; attempt?: number };

export type TranscribeRequest = {
  tenantId: string;
  /** The session UUID; part of the Idempotency-Key `{tenantId}:{sessionId}:{provider}`. */
  sessionId: string;
  /** Where astra-core reads the audio (`s3://astra-raw/mining/t/<uuid>.wav`). Logged without its query string. */
  audioUri: string;
  /**
   * sha256 (hex) of the audio bytes. Part of the Idempotency-Key and sent as `audio.sha256`: the same audio
   * stored under another URI (a re-run into other storage) names the same job instead of conflicting.
   */
  audioSha256?: string;
  provider: string;
  /** BCP-47. */
  language: string;
  options?: TranscriptionOptions;
  signal?: AbortSignal;
  /** `queued`/`processing` after the submission and after each poll (`attempt` = polls so far), then `completed`. */
  onProgress?: (event: TranscribeProgress) => void;
};

/**
 * A completed transcription. `payload` is the transcript exactly as astra-core returned it: the normalised
 * form or a provider-native one (Deepgram, Whisper). Turning it into a Transcript is the transcript stage's job
 * (`@astra/transcripts`), which knows every format.
 */
export type TranscribeResult = { id: string; payload: unknown };

/** A transcription job as `getTranscription()` sees it; `payload` as astra-core returned it when completed. */
export type TranscriptionStatus = {
  id: string;
  status: TranscriptionState;
  payload?: unknown;
  error?: TranscriptionJobError;
};

const transcribeInputSchema = z.object({
  tenantId: tenantIdSchema,
  sessionId: z.string().regex(new RegExp(SESSION_ID_PATTERN), 'must match ' + SESSION_ID_PATTERN),
  audioUri: z
    .string()
    .min(1)
    .max(4096)
    .refine((uri) => /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(uri), 'must be an absolute URI (s3://, file://, https://)'),
  audioSha256: z.string().regex(SHA256_PATTERN, 'must be a lower-case hex sha256').optional(),
  provider: providerSchema,
  language: languageSchema,
  options: transcriptionOptionsSchema.optional(),
});

type HttpCall = { method: 'GET' | 'POST'; path: string; body?: TranscriptionRequest; idempotencyKey?: string };
type CallContext = { signal: AbortSignal | undefined; deadline: number };
type HttpSuccess = { ok: true; status: number; json: unknown; retryAfterMs: number | undefined };
type HttpFailure = { ok: false; error: CoreClientError; retryAfterMs: number | undefined };

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Client of the astra-core transcription API (architecture §4). Submits with an Idempotency-Key, handles the
 * synchronous (200) and asynchronous (202 + polling) forms, retries transient failures with backoff
 * and full jitter (honouring `Retry-After`), bounds response sizes and validates every response; the
 * transcript payload is returned as sent (the transcript stage normalises it). A job reported `failed` is not resubmitted (the same
 * Idempotency-Key would name the same job): it throws `transcription_failed` with the job's `retryable`.
 */
export class CoreClient {
  readonly #options: ResolvedCoreClientOptions;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #secrets: string[];

  constructor(options: CoreClientOptions) {
    this.#options = resolveCoreClientOptions(options);
    this.#ownsDispatcher = this.#options.dispatcher === undefined;
    this.#dispatcher =
      this.#options.dispatcher ??
      new Agent({
        connectTimeout: this.#options.connectTimeoutMs,
        headersTimeout: this.#options.headersTimeoutMs,
        bodyTimeout: this.#options.bodyTimeoutMs,
      });
    this.#secrets = this.#options.token === undefined ? [] : [this.#options.token];
  }

  /**
   * Transcribes `audioUri` and returns the transcript payload astra-core produced.
   * @throws CoreClientError (see its `code`): `invalid_request` before anything is sent; `http_status`,
   * `network`, `timeout` once retries are exhausted or for permanent failures; `too_large`,
   * `invalid_response`; `transcription_failed`; `gave_up` when `maxWaitMs` runs out; `aborted`.
   */
  async transcribe(input: TranscribeRequest): Promise<TranscribeResult> {
    const parsed = transcribeInputSchema.safeParse({
      tenantId: input.tenantId,
      sessionId: input.sessionId,
      audioUri: input.audioUri,
      audioSha256: input.audioSha256,
      provider: input.provider,
      language: input.language,
      options: input.options,
    });
    if (!parsed.success) {
      throw new CoreClientError('invalid_request', `Invalid transcription request: ${formatZodError(parsed.error)}`, {
        retryable: false,
        cause: parsed.error,
      });
    }
    const req = parsed.data;
    const { signal, onProgress } = input;
    this.#throwIfAborted(signal);
    const { logger, now } = this.#options;
    const context: CallContext = { signal, deadline: now() + this.#options.maxWaitMs };
    const body: TranscriptionRequest = {
      tenantId: req.tenantId,
      audio: { uri: req.audioUri, ...(req.audioSha256 === undefined ? {} : { sha256: req.audioSha256 }) },
      provider: req.provider,
      language: req.language,
      ...(req.options === undefined ? {} : { options: req.options }),
    };
    const logFields = {
      tenantId: req.tenantId,
      sessionId: req.sessionId,
      provider: req.provider,
      audio: redactUrl(req.audioUri),
    };
    logger.info(logFields, 'astra-core: submitting transcription');
    const submitted = await this.#call(
      {
        method: 'POST',
        path: '/v1/transcriptions',
        body,
        idempotencyKey: idempotencyKeyFor(req),
      },
      context,
    );
    let current = this.#parseStatus(submitted, 'POST /v1/transcriptions');
    const id = current.id;
    let retryAfterMs = submitted.retryAfterMs;
    let intervalMs = this.#options.pollIntervalMs;
    let polls = 0;
    for (;;) {
      if (current.status === 'completed') {
        this.#report(onProgress, { status: 'completed', id, ...(polls > 0 ? { attempt: polls } : {}) });
        logger.info({ ...logFields, id, polls }, 'astra-core: transcription completed');
        return { id, payload: current.result };
      }
      if (current.status === 'failed') throw this.#jobFailed(current);
      this.#report(onProgress, { status: current.status, id, attempt: polls });
      const waitMs = retryAfterMs === undefined ? intervalMs : Math.min(retryAfterMs, this.#options.retryAfterMaxMs);
      if (now() + waitMs > context.deadline) {
        throw new CoreClientError(
          'gave_up',
          `astra-core transcription ${id} was still ${current.status} when maxWaitMs (${this.#options.maxWaitMs} ms) ran out`,
          { retryable: true, transcriptionId: id },
        );
      }
      await this.#sleep(waitMs, signal);
      intervalMs = Math.min(this.#options.pollMaxIntervalMs, Math.round(intervalMs * this.#options.pollBackoffFactor));
      polls += 1;
      const path = `/v1/transcriptions/${encodeURIComponent(id)}`;
      const polled = await this.#call({ method: 'GET', path }, context);
      const next = this.#parseStatus(polled, `GET ${path}`);
      if (next.id !== id) {
        throw new CoreClientError('invalid_response', `astra-core GET ${path} returned transcription id "${next.id}"`, {
          retryable: false,
          transcriptionId: id,
        });
      }
      logger.debug({ id, status: next.status, poll: polls }, 'astra-core: polled transcription');
      current = next;
      retryAfterMs = polled.retryAfterMs;
    }
  }

  /**
   * One look at a transcription job (no polling). A `failed` job is returned, not thrown.
   * @throws CoreClientError as {@link transcribe} (except `transcription_failed`).
   */
  async getTranscription(id: string, options: { signal?: AbortSignal } = {}): Promise<TranscriptionStatus> {
    if (!new RegExp(TRANSCRIPTION_ID_PATTERN).test(id)) {
      throw new CoreClientError('invalid_request', `Invalid transcription id: must match ${TRANSCRIPTION_ID_PATTERN}`, {
        retryable: false,
      });
    }
    this.#throwIfAborted(options.signal);
    const path = `/v1/transcriptions/${encodeURIComponent(id)}`;
    const response = await this.#call(
      { method: 'GET', path },
      { signal: options.signal, deadline: this.#options.now() + this.#options.maxWaitMs },
    );
    const status = this.#parseStatus(response, `GET ${path}`);
    if (status.status === 'completed') return { id: status.id, status: status.status, payload: status.result };
    return { id: status.id, status: status.status, ...(status.error ? { error: status.error } : {}) };
  }

  /** Closes the private Agent (a dispatcher passed in options is left to its owner). */
  async close(): Promise<void> {
    if (this.#ownsDispatcher) await this.#dispatcher.close();
  }

  #report(onProgress: TranscribeRequest['onProgress'], event: TranscribeProgress): void {
    if (!onProgress) return;
    try {
      onProgress(event);
    } catch (error) {
      this.#options.logger.warn({ err: error, id: event.id }, 'astra-core: onProgress callback threw; ignored');
    }
  }

  #jobFailed(status: TranscriptionResponse): CoreClientError {
    const jobError = status.error;
    const code = sanitizeRemoteText(jobError?.code ?? 'unknown', this.#secrets);
    const message = sanitizeRemoteText(jobError?.message ?? '', this.#secrets);
    return new CoreClientError(
      'transcription_failed',
      `astra-core transcription ${status.id} failed: ${code}${message ? `: ${message}` : ''}`,
      {
        retryable: jobError?.retryable ?? false,
        remoteCode: code,
        transcriptionId: status.id,
      },
    );
  }

  #parseStatus(response: HttpSuccess, label: string): TranscriptionResponse {
    const parsed = transcriptionResponseSchema.safeParse(response.json);
    if (!parsed.success) {
      throw new CoreClientError(
        'invalid_response',
        `astra-core ${label} returned an invalid body: ${formatZodError(parsed.error)}`,
        {
          retryable: false,
          status: response.status,
          cause: parsed.error,
        },
      );
    }
    return parsed.data;
  }

  async #call(call: HttpCall, context: CallContext): Promise<HttpSuccess> {
    const { maxRetries, retryAfterMaxMs, retryBaseDelayMs, retryMaxDelayMs, random, now, logger } = this.#options;
    for (let attempt = 1; ; attempt += 1) {
      this.#throwIfAborted(context.signal);
      logger.debug({ method: call.method, path: call.path, attempt }, 'astra-core: request');
      const outcome = await this.#attempt(call, context.signal);
      if (outcome.ok) return outcome;
      const { error } = outcome;
      if (!error.retryable || attempt > maxRetries) throw withAttempts(error, attempt);
      const delayMs =
        outcome.retryAfterMs === undefined
          ? computeBackoffDelay(attempt - 1, retryBaseDelayMs, retryMaxDelayMs, random)
          : Math.min(outcome.retryAfterMs, retryAfterMaxMs);
      if (now() + delayMs > context.deadline) {
        throw new CoreClientError('gave_up', `${error.message}; giving up: the next retry would pass maxWaitMs`, {
          retryable: true,
          cause: error,
          attempts: attempt,
          ...(error.status === undefined ? {} : { status: error.status }),
        });
      }
      logger.warn(
        { method: call.method, path: call.path, attempt, code: error.code, status: error.status, delayMs },
        'astra-core: request failed, retrying',
      );
      await this.#sleep(delayMs, context.signal);
    }
  }

  async #attempt(call: HttpCall, signal: AbortSignal | undefined): Promise<HttpSuccess | HttpFailure> {
    const { token, userAgent, headersTimeoutMs, bodyTimeoutMs, maxResponseBytes, now, baseUrl } = this.#options;
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': userAgent };
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.idempotencyKey !== undefined) headers['idempotency-key'] = call.idempotencyKey;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(`${baseUrl}${call.path}`, {
        dispatcher: this.#dispatcher,
        method: call.method,
        headers,
        body: call.body === undefined ? null : JSON.stringify(call.body),
        headersTimeout: headersTimeoutMs,
        bodyTimeout: bodyTimeoutMs,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      return { ok: false, error: this.#transportError(error, call, signal), retryAfterMs: undefined };
    }
    const { statusCode } = response;
    const requestId = headerValue(response.headers['x-request-id']);
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now());
    const ids = requestId === undefined ? {} : { requestId: sanitizeRemoteText(requestId).slice(0, 128) };
    const label = `astra-core ${call.method} ${call.path}`;

    if (statusCode >= 200 && statusCode < 300) {
      const declared = Number(headerValue(response.headers['content-length']));
      if (Number.isFinite(declared) && declared > maxResponseBytes) {
        response.body.destroy();
        return this.#failure(
          'too_large',
          `${label} answered with ${declared} bytes, more than maxResponseBytes (${maxResponseBytes})`,
          statusCode,
          ids,
        );
      }
      let text: string;
      try {
        const body = await readBoundedBody(response.body, maxResponseBytes);
        if (body.truncated) {
          return this.#failure(
            'too_large',
            `${label} answered with more than maxResponseBytes (${maxResponseBytes}); body cut off`,
            statusCode,
            ids,
          );
        }
        text = body.bytes.toString('utf8');
      } catch (error) {
        return { ok: false, error: this.#transportError(error, call, signal), retryAfterMs: undefined };
      }
      try {
        return { ok: true, status: statusCode, json: JSON.parse(text) as unknown, retryAfterMs };
      } catch (error) {
        return {
          ok: false,
          error: new CoreClientError(
            'invalid_response',
            `${label} answered HTTP ${statusCode} with a body that is not valid JSON`,
            {
              retryable: false,
              status: statusCode,
              cause: error,
              ...ids,
            },
          ),
          retryAfterMs: undefined,
        };
      }
    }

    let remote: { code: string; message: string } | undefined;
    try {
      const body = await readBoundedBody(response.body, Math.min(ERROR_BODY_MAX_BYTES, maxResponseBytes));
      const parsed = errorResponseSchema.safeParse(JSON.parse(body.bytes.toString('utf8')));
      if (parsed.success) remote = parsed.data.error;
    } catch (error) {
      this.#options.logger.debug(
        { method: call.method, path: call.path, status: statusCode, err: errorCode(error) },
        'astra-core: unreadable error body',
      );
    }
    const remoteCode = remote ? sanitizeRemoteText(remote.code, this.#secrets).slice(0, 64) : undefined;
    const remoteText = remote ? ` (${remoteCode}: ${sanitizeRemoteText(remote.message, this.#secrets)})` : '';
    return {
      ok: false,
      error: new CoreClientError('http_status', `${label} answered HTTP ${statusCode}${remoteText}`, {
        retryable: isRetryableStatus(statusCode),
        status: statusCode,
        ...ids,
        ...(remoteCode === undefined ? {} : { remoteCode }),
      }),
      retryAfterMs,
    };
  }

  #failure(code: CoreClientErrorCode, message: string, status: number, ids: { requestId?: string }): HttpFailure {
    return {
      ok: false,
      error: new CoreClientError(code, message, { retryable: false, status, ...ids }),
      retryAfterMs: undefined,
    };
  }

  #transportError(error: unknown, call: HttpCall, signal: AbortSignal | undefined): CoreClientError {
    if (signal?.aborted) return abortedError(signal);
    const code = errorCode(error);
    const label = `astra-core ${call.method} ${call.path}`;
    if (code !== undefined && TIMEOUT_CODES.has(code)) {
      return new CoreClientError('timeout', `${label} timed out (${code})`, { retryable: true, cause: error });
    }
    const detail =
      code ?? (error instanceof Error ? sanitizeRemoteText(error.message, this.#secrets) : 'unknown error');
    return new CoreClientError('network', `${label} failed: ${detail}`, {
      retryable: code === undefined || !PERMANENT_TRANSPORT_CODES.has(code),
      cause: error,
    });
  }

  #throwIfAborted(signal: AbortSignal | undefined): void {
    if (signal?.aborted) throw abortedError(signal);
  }

  async #sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
    try {
      await this.#options.sleep(ms, signal);
    } catch (error) {
      if (signal?.aborted) throw abortedError(signal);
      throw error;
    }
    this.#throwIfAborted(signal);
  }
}

/**
 * `{tenant}:{session}:{provider}` plus the first 16 hex digits of the audio's sha256 when known: stable for
 * the same audio wherever it is stored, different when the audio changed.
 */
function idempotencyKeyFor(req: {
  tenantId: string;
  sessionId: string;
  provider: string;
  audioSha256?: string | undefined;
}): string {
  const base = `${req.tenantId}:${req.sessionId}:${req.provider}`;
  return req.audioSha256 === undefined ? base : `${base}:${req.audioSha256.slice(0, 16)}`;
}

function abortedError(signal: AbortSignal): CoreClientError {
  return new CoreClientError('aborted', 'astra-core request was aborted', { retryable: false, cause: signal.reason });
}

function withAttempts(error: CoreClientError, attempts: number): CoreClientError {
  if (attempts === 1) {
    return new CoreClientError(error.code, error.message, { ...fieldsOf(error), attempts });
  }
  return new CoreClientError(error.code, `${error.message} (after ${attempts} attempts)`, {
    ...fieldsOf(error),
    attempts,
  });
}

function fieldsOf(error: CoreClientError): ConstructorParameters<typeof CoreClientError>[2] {
  return {
    retryable: error.retryable,
    ...(error.cause === undefined ? {} : { cause: error.cause }),
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.remoteCode === undefined ? {} : { remoteCode: error.remoteCode }),
    ...(error.transcriptionId === undefined ? {} : { transcriptionId: error.transcriptionId }),
  };
}
