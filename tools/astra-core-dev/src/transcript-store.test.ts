import { describe, expect, it } from 'vitest';
import { createTranscriptStore, stemOfUri } from './transcript-store';

describe('stemOfUri', () => {
  it.each([
    ['s3://astra-raw/mining/t/3f1c7a52-2f4e-5b1a-9c53-7d2e8f6a1b0c.wav', '3f1c7a52-2f4e-5b1a-9c53-7d2e8f6a1b0c'],
    ['https://h/a/b/session.wav?X-Amz-Signature=x', 'session'],
    ['file:///data/rec.2024.wav', 'rec.2024'],
    ['s3://b/x/%2E%2E.wav', undefined],
    ['s3://b/x/', undefined],
    ['s3://b/x/%E0%A4%A.wav', undefined],
  ])('%s → %s', (uri, stem) => {
    expect(stemOfUri(uri)).toBe(stem);
  });
});

describe('createTranscriptStore (in memory)', () => {
  it('finds by exact URI, then by the URI without its query', async () => {
    const store = createTranscriptStore({
      transcripts: new Map([['s3://b/a.wav', { n: 1 }]]),
      maxTranscriptBytes: 1024,
    });
    expect(await store.lookup('s3://b/a.wav')).toEqual({ ok: true, payload: { n: 1 }, source: 'memory' });
    expect(await store.lookup('s3://b/a.wav?sig=1')).toMatchObject({ ok: true, payload: { n: 1 } });
    expect(await store.lookup('s3://b/other.wav')).toMatchObject({ ok: false, status: 404, code: 'audio_not_found' });
  });
});
