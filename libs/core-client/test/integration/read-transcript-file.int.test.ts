import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptError, readTranscriptFile } from '@astra/core-client';
import { PLAIN_VTT } from '../fixtures/caption-samples';
import { DEEPGRAM_PRERECORDED, NORMALIZED_TRANSCRIPT, WHISPER_VERBOSE_JSON } from '../fixtures/transcript-payloads';

let dir: string;

async function file(name: string, content: string | Buffer): Promise<string> {
  const filePath = path.join(dir, name);
  await writeFile(filePath, content);
  return filePath;
}

async function failure(promise: Promise<unknown>): Promise<TranscriptError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TranscriptError) return error;
    throw error;
  }
  throw new Error('expected a TranscriptError');
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'core-client-read-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readTranscriptFile', () => {
  it.each([
    ['normalised', NORMALIZED_TRANSCRIPT, 'deepgram', 2],
    ['Deepgram', DEEPGRAM_PRERECORDED, 'deepgram', 6],
    ['Whisper', WHISPER_VERBOSE_JSON, 'whisper', 6],
  ])('reads a %s JSON file', async (name, payload, provider, count) => {
    const transcript = await readTranscriptFile(await file(`${name}.json`, `\uFEFF${JSON.stringify(payload)}`), {
      hints: { language: 'es' },
    });
    expect(transcript.provider).toBe(provider);
    expect(transcript.language).toBe('es');
    expect(transcript.words).toHaveLength(count);
  });

  it('reads a WebVTT file', async () => {
    const transcript = await readTranscriptFile(await file('subs.vtt', PLAIN_VTT), {
      hints: { language: 'es', durationSec: 6 },
    });
    expect(transcript).toMatchObject({ provider: 'captions', language: 'es', durationSec: 6 });
    expect(transcript.words).toHaveLength(11);
  });

  it('validates what it reads (and clamps within tolerance)', async () => {
    const clamped = await readTranscriptFile(
      await file('clamp.json', JSON.stringify({ ...NORMALIZED_TRANSCRIPT, durationSec: 1.2 })),
    );
    expect(clamped.words.at(-1)?.end).toBe(1.2);
    // Two words 0.32 s out of order: timing jitter, repaired and counted on the transcript.
    const jittered = { ...NORMALIZED_TRANSCRIPT, words: [...NORMALIZED_TRANSCRIPT.words].reverse() };
    const repaired = await readTranscriptFile(await file('jittered.json', JSON.stringify(jittered)));
    expect(repaired.words.map((w) => w.text)).toEqual(['tardes.', 'Buenas']);
    expect(repaired.repairs).toMatchObject({ inversions: 1, overlaps: 1 });
    const [first, second] = NORMALIZED_TRANSCRIPT.words;
    const bad = { ...NORMALIZED_TRANSCRIPT, words: [{ ...first, start: 5, end: 5.3 }, second] };
    const error = await failure(readTranscriptFile(await file('unordered.json', JSON.stringify(bad))));
    expect(error.code).toBe('invalid_transcript');
    expect(error.path).toBe('words[1]');
  });

  it('refuses a file over maxBytes without reading it', async () => {
    const big = await file('big.json', Buffer.alloc(2048, 0x20));
    const error = await failure(readTranscriptFile(big, { maxBytes: 1024 }));
    expect(error.code).toBe('too_large');
  });

  it.each([
    ['not JSON', 'garbage.json', 'hello', 'unsupported_format'],
    ['an unknown JSON shape', 'other.json', '{"transcript":"hola"}', 'unsupported_format'],
  ])('rejects %s', async (_name, fileName, content, code) => {
    expect((await failure(readTranscriptFile(await file(fileName, content)))).code).toBe(code);
  });

  it('reports a missing file as read_failed', async () => {
    const error = await failure(readTranscriptFile(path.join(dir, 'missing.json')));
    expect(error.code).toBe('read_failed');
    expect(error.cause).toMatchObject({ code: 'ENOENT' });
  });
});
