import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranscriptError, readTranscriptFile } from '@astra/transcripts';
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
  dir = await mkdtemp(path.join(os.tmpdir(), 'transcripts-read-'));
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

  it('returns what the file says, normalised but not validated (the pipeline validates once)', async () => {
    const reversed = { ...NORMALIZED_TRANSCRIPT, words: [...NORMALIZED_TRANSCRIPT.words].reverse() };
    const transcript = await readTranscriptFile(await file('unordered.json', JSON.stringify(reversed)));
    expect(transcript.words.map((w) => w.text)).toEqual(reversed.words.map((w) => w.text));
  });

  it('names the field of a known shape with a bad value', async () => {
    const bad = { ...DEEPGRAM_PRERECORDED, results: { channels: [{ alternatives: [{ words: [{ word: 'x' }] }] }] } };
    const error = await failure(readTranscriptFile(await file('bad-deepgram.json', JSON.stringify(bad))));
    expect(error.code).toBe('invalid_transcript');
    expect(error.message).toMatch(/words\[0\]/);
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
