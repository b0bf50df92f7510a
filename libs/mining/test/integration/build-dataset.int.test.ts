import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '@astra/storage';
import { buildDataset, splitOf, storeDataset } from '../../src/dataset/build-dataset';

let dir: string;
let storage: Storage;

const line = (sessionId: string, offset: number, extra: Record<string, unknown> = {}) => ({
  audio_filepath: `s3://astra-raw/mining/t/${sessionId}.wav`,
  offset,
  duration: 2.5,
  text: `frase ${offset}`,
  text_original: `Frase ${offset}.`,
  asr_text: `frase ${offset}`,
  cer: 0,
  score: 1,
  lang: 'es',
  tenant_id: 't',
  session_id: sessionId,
  source_url: `https://example.org/${sessionId}`,
  ...extra,
});
const jsonl = (lines: object[]) => lines.map((l) => `${JSON.stringify(l)}\n`).join('');
const sessionId = (n: number) => `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'build-dataset-'));
  storage = openStorage(`file://${dir}`);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildDataset', () => {
  it('never lets a label with personal data through: it becomes a personal_data rejection', async () => {
    const id = sessionId(1);
    await storage.put(
      `mining/t/${id}.segments.jsonl`,
      jsonl([
        line(id, 1),
        line(id, 5, { text: 'Resultó elegido Juan Pérez con DNI 12345678Z como vocal.' }),
        line(id, 9, { text: 'Escriban a vecinos@ayuntamiento.es para apuntarse.' }),
      ]),
    );
    const built = await buildDataset(storage, { tenantId: 't', name: 'v1' });
    const kept = [...built.lines.train, ...built.lines.dev, ...built.lines.test];
    expect(kept.map((l) => l.offset)).toEqual([1]);
    expect(built.summary.rejected.byReason).toEqual({ personal_data: 2 });
    expect(built.files.rejected).toContain('"reason":"personal_data"');
  });

  it('reads the session header line of a segments file and shows its repairs and speaker mapping in the report', async () => {
    const id = sessionId(2);
    const header = {
      session: {
        tenant_id: 't',
        session_id: id,
        transcript: {
          provider: 'deepgram',
          words: 1200,
          repairs: {
            inversions: 3,
            overlaps: 7,
            endsBeforeStart: 0,
            reordered: 0,
            clampedToDuration: 0,
            droppedEmpty: 0,
          },
        },
        speakers: [
          {
            actaSpeaker: 'Ana Ruiz Soto',
            diarizationSpeakers: [1],
            established: true,
            words: 140,
            evidence: [{ diarizationSpeaker: 1, words: 140, segments: 9 }],
          },
        ],
      },
    };
    await storage.put(`mining/t/${id}.segments.jsonl`, jsonl([header, line(id, 1), line(id, 4)]));
    const built = await buildDataset(storage, { tenantId: 't', name: 'v1' });
    expect(
      built.summary.splits.train.segments + built.summary.splits.dev.segments + built.summary.splits.test.segments,
    ).toBe(2);
    expect(built.files.report).toContain('Ana Ruiz Soto → voice 1');
    expect(built.files.report).toMatch(/inversions 3/);
  });

  it('splits by session, keeps rejected lines apart and is deterministic', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => sessionId(i));
    for (const id of ids) {
      await storage.put(
        `mining/t/${id}.segments.jsonl`,
        jsonl([line(id, 1), line(id, 5, { reason: 'cer_above_max', cer: 0.5 }), line(id, 9)]),
      );
    }
    // Other tenants and previous datasets are never read.
    await storage.put(`mining/u/${sessionId(99)}.segments.jsonl`, jsonl([line(sessionId(99), 1)]));
    await storage.put('mining/t/datasets/old/x.segments.jsonl', 'not json\n');

    const builtAt = new Date('2026-01-02T03:04:05Z');
    const first = await buildDataset(storage, { tenantId: 't', name: 'v1', builtAt });
    const second = await buildDataset(storage, { tenantId: 't', name: 'v1', builtAt });
    expect(second.files).toEqual(first.files);

    expect(first.summary.sessions).toBe(30);
    const { train, dev, test } = first.summary.splits;
    expect(train.sessions + dev.sessions + test.sessions).toBe(30);
    expect(train.segments + dev.segments + test.segments).toBe(60);
    expect(first.summary.rejected).toMatchObject({ segments: 30, byReason: { cer_above_max: 30 } });

    for (const split of ['train', 'dev', 'test'] as const) {
      const lines = first.files[split]
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { session_id: string });
      for (const l of lines) expect(splitOf('t', l.session_id, 0.1, 0.1)).toBe(split);
      expect(lines.every((l) => !('reason' in l))).toBe(true);
    }
    // Every line of every file carries pred_text (the ASR text) for NeMo's Speech Data Explorer.
    for (const file of ['train', 'dev', 'test', 'rejected'] as const) {
      for (const raw of first.files[file].split('\n').filter(Boolean)) {
        const parsed = JSON.parse(raw) as { asr_text: string; pred_text?: string };
        expect(parsed.pred_text).toBe(parsed.asr_text);
      }
    }
    expect(
      first.files.rejected
        .split('\n')
        .filter(Boolean)
        .every((l) => (JSON.parse(l) as { reason?: string }).reason === 'cer_above_max'),
    ).toBe(true);
    expect(first.files.report).toContain('<h1>Dataset v1');
    expect(first.files.report).toContain('Built 2026-01-02T03:04:05.000Z');
  });

  it('reports each session from its source record and transcript, and the alignment settings given', async () => {
    const id = sessionId(1);
    await storage.put(
      `mining/t/${id}.segments.jsonl`,
      jsonl([line(id, 1), line(id, 5, { reason: 'too_short', duration: 0.5 })]),
    );
    await storage.put(
      `mining/t/${id}.source.json`,
      JSON.stringify({
        tenantId: 't',
        sessionId: id,
        sourceUrl: 'https://example.org/v',
        externalId: 'pleno-7',
        metadata: {},
        source: { title: 'Pleno de enero' },
        sha256: 'a'.repeat(64),
        bytes: 1000,
        durationSec: 60,
        sampleRate: 16000,
        channels: 1,
        tools: { ytDlp: '2025.06.30', ffmpeg: '5.1.6', ffprobe: '5.1.6' },
      }),
    );
    await storage.put(
      `mining/t/${id}.transcript.json`,
      JSON.stringify({
        provider: 'deepgram',
        language: 'es',
        durationSec: 60,
        words: [],
        repairs: { overlaps: 4, inversions: 0 },
      }),
    );
    const dataset = await buildDataset(storage, {
      tenantId: 't',
      name: 'v1',
      align: { maxCer: 0.2, labelStyle: 'spoken' },
    });
    expect(dataset.report.sessions).toEqual([
      {
        sessionId: id,
        split: splitOf('t', id, 0.1, 0.1),
        title: 'Pleno de enero (pleno-7)',
        audioSec: 60,
        transcriptProvider: 'deepgram',
        kept: 1,
        keptSec: 2.5,
        rejected: 1,
        rejectedSec: 0.5,
        rejectedByReason: { too_short: 1 },
        meanCer: 0,
        notes: ['transcript repairs: overlaps 4'],
      },
    ]);
    expect(dataset.report.provenance).toMatchObject({
      storageUri: storage.uri,
      align: { maxCer: 0.2, labelStyle: 'spoken', minDurationSec: 1, maxDurationSec: 30 },
      tools: { ytDlp: { '2025.06.30': 1 }, ffmpeg: { '5.1.6': 1 } },
      packages: {
        '@astra/mining': expect.stringMatching(/^\d+\.\d+\.\d+/),
        '@astra/aligner': expect.stringMatching(/^\d+\.\d+\.\d+/),
      },
    });
    expect(dataset.files.report).toContain('Pleno de enero (pleno-7)');
  });

  it('notes an unreadable sidecar instead of failing the build', async () => {
    const id = sessionId(2);
    await storage.put(`mining/t/${id}.segments.jsonl`, jsonl([line(id, 1)]));
    await storage.put(`mining/t/${id}.source.json`, '{not json');
    await storage.put(`mining/t/${id}.transcript.json`, JSON.stringify({ provider: 'captions', words: [] }));
    const dataset = await buildDataset(storage, { tenantId: 't', name: 'v1' });
    expect(dataset.report.sessions[0]).toMatchObject({
      transcriptProvider: 'captions',
      notes: ['source.json is not JSON'],
    });
    expect(dataset.report.sessions[0]?.audioSec).toBeUndefined();
    expect(dataset.report.provenance.align).toBeUndefined();
  });

  it('builds only the given sessions and stores the files under datasets/{name}/', async () => {
    await storage.put(`mining/t/${sessionId(1)}.segments.jsonl`, jsonl([line(sessionId(1), 1)]));
    await storage.put(`mining/t/${sessionId(2)}.segments.jsonl`, jsonl([line(sessionId(2), 1)]));
    const dataset = await buildDataset(storage, {
      tenantId: 't',
      name: 'only1',
      sessionIds: [sessionId(1)],
      devShare: 0,
      testShare: 0,
    });
    expect(dataset.files.train.split('\n').filter(Boolean)).toHaveLength(1);
    const keys = await storeDataset(storage, dataset);
    expect(keys).toEqual(
      ['train', 'dev', 'test', 'rejected']
        .map((s) => `mining/t/datasets/only1/${s}.jsonl`)
        .concat('mining/t/datasets/only1/report.html'),
    );
    expect((await storage.getBytes('mining/t/datasets/only1/train.jsonl', { maxBytes: 1e6 })).toString()).toBe(
      dataset.files.train,
    );
  });

  it('fails with the key and line of a corrupt segments file', async () => {
    await storage.put(`mining/t/${sessionId(1)}.segments.jsonl`, `${JSON.stringify(line(sessionId(1), 1))}\n{oops\n`);
    await expect(buildDataset(storage, { tenantId: 't', name: 'x' })).rejects.toThrow(
      `mining/t/${sessionId(1)}.segments.jsonl line 2 is not JSON`,
    );
  });
});
