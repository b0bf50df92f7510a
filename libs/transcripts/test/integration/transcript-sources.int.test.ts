/**
 * The three transcript sources on real components: astra-core (the dev server over HTTP), captions (yt-dlp
 * reading a page with a subtitle track from a local media server) and files on disk.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTranscript } from '@astra/contracts';
import { CoreClient } from '@astra/core-client';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import { serveFiles, synthesizeSession, writeCaptionsPage, type FileServer, type SynthSession } from '@astra/demo';
import {
  createAstraCoreSource,
  createCaptionsSource,
  createFileSource,
  TranscriptError,
  type TranscriptProgress,
  type TranscriptRequest,
} from '@astra/transcripts';
import { DEEPGRAM_PRERECORDED, NORMALIZED_TRANSCRIPT, WHISPER_VERBOSE_JSON } from '../fixtures/transcript-payloads';

const SESSION_ID = '276773cf-9a02-56b2-9acf-ff8db057e7dc';
let dir: string;
let core: CoreDevServer;
let media: FileServer;
let synth: SynthSession;

function request(overrides: Partial<TranscriptRequest> = {}): TranscriptRequest {
  return {
    tenantId: 't1',
    sessionId: SESSION_ID,
    language: 'es',
    provider: 'deepgram',
    audioUri: 's3://astra-raw/mining/t1/deepgram.wav',
    videoUrl: 'https://example.invalid/v',
    durationSec: 6.4,
    ...overrides,
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'transcript-sources-'));
  core = await startCoreDevServer({
    mode: 'async',
    asyncSteps: 1,
    transcripts: new Map<string, unknown>([
      ['s3://astra-raw/mining/t1/deepgram.wav', DEEPGRAM_PRERECORDED],
      ['s3://astra-raw/mining/t1/whisper.wav', WHISPER_VERBOSE_JSON],
    ]),
  });
  synth = await synthesizeSession({ dir, seed: 3 });
  await writeCaptionsPage(synth, { name: 'with-captions' });
  media = await serveFiles(dir);
}, 120_000);

afterAll(async () => {
  await Promise.all([core?.close(), media?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('astra-core source', () => {
  it.each([
    ['Deepgram', 's3://astra-raw/mining/t1/deepgram.wav', 'deepgram', ['Buenas', 'tardes.', 'Se', 'abre']],
    ['Whisper', 's3://astra-raw/mining/t1/whisper.wav', 'openai-whisper', ['Buenas', 'tardes', 'Se', 'abre']],
  ])('normalises a %s payload and reports polling', async (_name, audioUri, provider, firstWords) => {
    const source = createAstraCoreSource({
      client: new CoreClient({ baseUrl: core.url, pollIntervalMs: 1, sleep: async () => undefined }),
    });
    const events: TranscriptProgress[] = [];
    try {
      const transcript = await source.transcribe(request({ audioUri, provider, onProgress: (e) => events.push(e) }));
      expect(source.kind).toBe('astra-core');
      expect(transcript).toMatchObject({ provider, language: 'es' });
      expect(transcript.words.slice(0, 4).map((w) => w.text)).toEqual(firstWords);
      expect(validateTranscript(transcript).transcript.words.length).toBe(transcript.words.length);
      expect(events.map((e) => e.state)).toEqual(['queued', 'processing', 'completed']);
    } finally {
      await source.close();
    }
  });

  it('sends diarize and punctuate by default', async () => {
    const source = createAstraCoreSource({ client: new CoreClient({ baseUrl: core.url, pollIntervalMs: 1 }) });
    try {
      core.reset();
      await source.transcribe(request());
      expect(core.requests[0]?.body).toMatchObject({ options: { diarize: true, punctuate: true } });
    } finally {
      await source.close();
    }
  });
});

describe('captions source', () => {
  it('reads the subtitle track of a video page through yt-dlp', async () => {
    const source = createCaptionsSource({ tmpRoot: dir, allowPrivateNetwork: true });
    const transcript = await source.transcribe(
      request({ videoUrl: `${media.url}/with-captions.html`, durationSec: synth.transcript.durationSec }),
    );
    expect(transcript.provider).toBe('captions');
    expect(transcript.words.map((w) => w.text)).toEqual(synth.transcript.words.map((w) => w.text));
  });

  it('says no_captions when the page has none in the language', async () => {
    const source = createCaptionsSource({ tmpRoot: dir, allowPrivateNetwork: true });
    const error = await rejection(
      source.transcribe(request({ videoUrl: `${media.url}/with-captions.html`, language: 'eu' })),
    );
    expect(error).toBeInstanceOf(TranscriptError);
    expect(error.code).toBe('no_captions');
    expect(error.message).toMatch(/No eu captions/);
  });
});

describe('file source', () => {
  it('reads the transcript_path of the session', async () => {
    const file = path.join(dir, 'session.json');
    await writeFile(file, JSON.stringify(NORMALIZED_TRANSCRIPT));
    const transcript = await createFileSource().transcribe(request({ transcriptPath: file }));
    expect(transcript.words.map((w) => w.text)).toEqual(NORMALIZED_TRANSCRIPT.words.map((w) => w.text));
  });

  it('refuses a session without transcript_path', async () => {
    const error = await rejection(createFileSource().transcribe(request()));
    expect(error).toMatchObject({ code: 'read_failed' });
  });
});
