import { describe, expect, it } from 'vitest';
import { testLine } from '../../../test/support/test-line';
import type { DatasetSummary } from '../dataset-model';
import { collectDatasetReport } from './collect-dataset-report';
import type { SessionRecord } from './read-session-records';

const summary: DatasetSummary = {
  tenantId: 't',
  name: 'v1',
  sessions: 3,
  splits: {
    train: { sessions: 2, segments: 3, hours: 0 },
    dev: { sessions: 1, segments: 0, hours: 0 },
    test: { sessions: 0, segments: 0, hours: 0 },
  },
  rejected: { segments: 2, hours: 0, byReason: { cer_above_max: 1, too_short: 1 } },
};
const records = new Map<string, SessionRecord>([
  [
    's1',
    {
      title: 'Pleno',
      audioSec: 60,
      transcriptProvider: 'deepgram',
      tools: { ytDlp: '2025.01.01', ffmpeg: '5.1' },
      notes: ['transcript repairs: overlaps 2'],
    },
  ],
  ['s2', { audioSec: 30, tools: { ytDlp: '2023.03.04', ffmpeg: '5.1' }, notes: [] }],
]);

const report = collectDatasetReport({
  summary,
  kept: {
    train: [
      testLine(1, 0, 0.1, { duration: 3 }),
      testLine(1, 5, 0.3, { duration: 1 }),
      testLine(2, 0, 0, { duration: 2 }),
    ],
    dev: [],
    test: [],
  },
  rejected: [
    { ...testLine(1, 9, 0.7, { duration: 4 }), reason: 'cer_above_max' },
    { ...testLine(3, 1, 0.1, { duration: 0.5 }), reason: 'too_short' },
  ],
  sessionSplits: new Map([
    ['s1', 'train'],
    ['s2', 'train'],
    ['s3', 'dev'],
  ]),
  records,
  provenance: {
    builtAt: '2026-01-01T00:00:00.000Z',
    storageUri: 'file:///store',
    devShare: 0.1,
    testShare: 0.1,
    packages: {},
  },
});

describe('collectDatasetReport', () => {
  it('summarises each session: audio, kept and rejected time, reasons, duration-weighted CER, notes', () => {
    expect(report.sessions).toEqual([
      {
        sessionId: 's1',
        split: 'train',
        title: 'Pleno',
        audioSec: 60,
        transcriptProvider: 'deepgram',
        kept: 2,
        keptSec: 4,
        rejected: 1,
        rejectedSec: 4,
        rejectedByReason: { cer_above_max: 1 },
        meanCer: (0.1 * 3 + 0.3 * 1) / 4,
        notes: ['transcript repairs: overlaps 2'],
      },
      {
        sessionId: 's2',
        split: 'train',
        audioSec: 30,
        kept: 1,
        keptSec: 2,
        rejected: 0,
        rejectedSec: 0,
        rejectedByReason: {},
        meanCer: 0,
        notes: [],
      },
      // No record, nothing kept: unknown audio, no mean CER, still listed.
      {
        sessionId: 's3',
        split: 'dev',
        kept: 0,
        keptSec: 0,
        rejected: 1,
        rejectedSec: 0.5,
        rejectedByReason: { too_short: 1 },
        notes: [],
      },
    ]);
  });

  it('counts the sessions per tool version', () => {
    expect(report.provenance.tools).toEqual({ ytDlp: { '2025.01.01': 1, '2023.03.04': 1 }, ffmpeg: { '5.1': 2 } });
    expect(report.provenance.builtAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('buckets every line (not only the table sample) by CER and duration', () => {
    const kept = report.cerBuckets.reduce((n, b) => n + b.keptSec, 0);
    const rejected = report.cerBuckets.reduce((n, b) => n + b.rejectedSec, 0);
    expect([kept, rejected]).toEqual([6, 4.5]);
    expect(report.cerBuckets.find((b) => b.label === '0')?.keptSec).toBe(2);
    expect(report.durationBuckets.find((b) => b.label === '0–2 s')).toMatchObject({ kept: 2, rejected: 1 });
  });

  it('selects the table rows', () => {
    expect(report.selection).toEqual({ worst: 3, sample: 0, rejected: 2, totalKept: 3, totalRejected: 2 });
    expect(report.segments.map((s) => [s.sessionId, s.cer])).toEqual([
      ['s1', 0.3],
      ['s1', 0.1],
      ['s2', 0],
      ['s1', 0.7],
      ['s3', 0.1],
    ]);
  });
});
