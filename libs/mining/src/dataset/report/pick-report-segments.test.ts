import { describe, expect, it } from 'vitest';
import { testLine } from '../../../test/support/test-line';
import { pickReportSegments } from './pick-report-segments';

const kept = Array.from({ length: 50 }, (_, i) => ({
  line: testLine(i % 5, i, ((i * 7) % 50) / 100),
  split: 'train' as const,
}));
const rejected = [
  ...Array.from({ length: 20 }, (_, i) => ({ ...testLine(1, 100 + i, 0.6), reason: 'cer_above_max' })),
  { ...testLine(2, 200, 0.1), reason: 'too_short' },
  { ...testLine(3, 300, 0.2), reason: 'summary_fragment' },
];

describe('pickReportSegments', () => {
  it('puts the highest-CER kept segments first, then a sample of the others, then rejected examples', () => {
    const { segments, selection } = pickReportSegments(kept, rejected, { worst: 10, sample: 5, rejected: 6 });
    expect(selection).toEqual({ worst: 10, sample: 5, rejected: 6, totalKept: 50, totalRejected: 22 });
    expect(segments.map((s) => s.pick)).toEqual([
      ...Array(10).fill('worst'),
      ...Array(5).fill('sample'),
      ...Array(6).fill('rejected'),
    ]);
    const worst = segments.slice(0, 10).map((s) => s.cer);
    const highest = kept
      .map((k) => k.line.cer)
      .sort((a, b) => b - a)
      .slice(0, 10);
    expect(worst).toEqual(highest);
    // The sample never repeats a worst segment and is itself ordered by CER.
    const sample = segments.slice(10, 15);
    expect(sample.every((s) => s.cer <= Math.min(...worst))).toBe(true);
    expect(sample.map((s) => s.cer)).toEqual([...sample.map((s) => s.cer)].sort((a, b) => b - a));
  });

  it('gives every rejection reason examples, not only the most common one', () => {
    const { segments } = pickReportSegments(kept, rejected, { worst: 0, sample: 0, rejected: 4 });
    expect(new Set(segments.map((s) => s.reason))).toEqual(new Set(['cer_above_max', 'too_short', 'summary_fragment']));
    expect(segments.every((s) => s.status === 'rejected')).toBe(true);
  });

  it('picks the same sample on every run, whatever the input order', () => {
    const a = pickReportSegments(kept, rejected, { worst: 5, sample: 5, rejected: 5 });
    const b = pickReportSegments([...kept].reverse(), [...rejected].reverse(), { worst: 5, sample: 5, rejected: 5 });
    expect(b).toEqual(a);
  });

  it.each([
    ['fewer kept segments than the limits', { worst: 100, sample: 100, rejected: 100 }, 50, 22],
    ['nothing asked', { worst: 0, sample: 0, rejected: 0 }, 0, 0],
  ])('handles %s', (_name, limits, keptRows, rejectedRows) => {
    const { segments, selection } = pickReportSegments(kept, rejected, limits);
    expect(segments.filter((s) => s.status !== 'rejected')).toHaveLength(keptRows);
    expect(segments.filter((s) => s.status === 'rejected')).toHaveLength(rejectedRows);
    expect(selection.worst + selection.sample).toBe(keptRows);
  });

  it('keeps what the row needs: split, times, texts, speaker, where the audio is', () => {
    const { segments } = pickReportSegments(
      [{ line: testLine(7, 12.5, 0.1, { speaker: 'Sr. Ruiz' }), split: 'dev' }],
      [],
      { worst: 1, sample: 0, rejected: 0 },
    );
    expect(segments).toEqual([
      {
        status: 'dev',
        pick: 'worst',
        sessionId: 's7',
        offset: 12.5,
        duration: 2,
        audio: { filepath: 'file:///store/mining/t/s7.wav', offset: 12.5 },
        cer: 0.1,
        score: 0.9,
        text: 'frase 12.5',
        textOriginal: 'Frase 12.5.',
        asrText: 'frase 12.5',
        speaker: 'Sr. Ruiz',
      },
    ]);
  });
});
