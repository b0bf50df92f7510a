import { describe, expect, it } from 'vitest';
import {
  finishedLine,
  formatClock,
  formatRate,
  renderLiveView,
  type ActiveSession,
  type LiveViewState,
} from './render-live-view';

const NOW = 1_000_000;
const session = (n: number, extra: Partial<ActiveSession> = {}): ActiveSession => ({
  label: `line ${n + 1} villa 0000000${n}`,
  stage: 'download',
  state: 'progress',
  percent: 42,
  speedBps: 1_300_000,
  startedAtMs: NOW - 12_000,
  ...extra,
});
const state = (active: number, extra: Partial<LiveViewState> = {}): LiveViewState => ({
  total: 20,
  ok: 5,
  failed: 2,
  startedAtMs: NOW - 70_000,
  active: Array.from({ length: active }, (_, i) => session(i)),
  ...extra,
});

describe('renderLiveView', () => {
  it('shows counts, elapsed and ETA in the header and one line per running session', () => {
    const lines = renderLiveView(state(2), { columns: 120, rows: 24, nowMs: NOW });
    // 7 finished in 70 s → 10 s each → 13 left ≈ 2:10.
    expect(lines[0]).toBe('mine 7/20 done (5 ok, 2 failed), 2 running | elapsed 1:10 | ETA 2:10');
    expect(lines[1]).toBe('  line 1 villa 00000000  download    42%  1.3 MB/s  0:12');
    expect(lines).toHaveLength(3);
  });

  it.each<[string, Partial<ActiveSession>, string]>([
    [
      'a transcription being polled',
      { stage: 'transcribe', percent: undefined, speedBps: undefined, detail: 'processing (poll 3)' },
      'transcribe processing (poll 3)',
    ],
    ['a stage that starts', { stage: 'align', state: 'start' }, 'align      started'],
    ['a stage found in storage', { state: 'skip' }, 'download   found in storage'],
    ['a stage done', { stage: 'acta', state: 'done', detail: '42 fragments' }, 'acta       done (42 fragments)'],
  ])('describes %s', (_label, extra, text) => {
    const [, line] = renderLiveView(state(0, { active: [session(0, extra)] }), { columns: 120, rows: 24, nowMs: NOW });
    expect(line).toContain(text);
  });

  it('has no ETA before the first session ends', () => {
    const [header] = renderLiveView(state(1, { ok: 0, failed: 0 }), { columns: 120, rows: 24, nowMs: NOW });
    expect(header).toMatch(/ETA --:--$/);
  });

  it.each([
    [80, 24, 30],
    [80, 5, 30],
    [40, 10, 3],
    [20, 2, 4],
    [80, 1, 4],
    [0, 0, 4], // some pseudo-terminals report 0 × 0: fall back to 80 × 24
  ])('fits a %i×%i terminal with %i sessions running', (columns, rows, active) => {
    const lines = renderLiveView(state(active), { columns, rows, nowMs: NOW });
    expect(lines.length).toBeLessThanOrEqual(Math.max(1, (rows || 24) - 1));
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(Math.max(1, (columns || 80) - 1));
    expect(lines[0]).toMatch(/^mine/);
  });

  it('says how many running sessions it could not show', () => {
    const lines = renderLiveView(state(30), { columns: 80, rows: 10, nowMs: NOW });
    expect(lines).toHaveLength(9);
    expect(lines.at(-1)).toBe('  … and 23 more running');
  });
});

describe('finishedLine', () => {
  it.each([
    [
      { status: 'ok' as const, kept: 8, rejected: 1, ran: ['download', 'transcribe', 'align'] },
      'ok      line 2 villa 00000000  8 kept, 1 rejected; ran download, transcribe, align (0:42)',
    ],
    [
      { status: 'ok' as const, kept: 8, rejected: 1, ran: [] },
      'ok      line 2 villa 00000000  8 kept, 1 rejected; all stages found in storage (0:42)',
    ],
    [
      { status: 'failed' as const, stage: 'download', reason: '[not_found] HTTP Error 404' },
      'FAILED  line 2 villa 00000000  at download: [not_found] HTTP Error 404 (0:42)',
    ],
  ])('%o', (outcome, text) => {
    expect(finishedLine({ label: 'line 2 villa 00000000', startedAtMs: NOW - 42_000, ...outcome }, NOW)).toBe(text);
  });
});

describe('formatClock and formatRate', () => {
  it.each([
    [0, '0:00'],
    [7_400, '0:07'],
    [754_000, '12:34'],
    [3_723_000, '1:02:03'],
    [-5, '0:00'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
  });

  it.each([
    [812, '812 B/s'],
    [1_300_000, '1.3 MB/s'],
    [250_000, '250 kB/s'],
    [2_500_000_000, '2.5 GB/s'],
  ])('%i B/s → %s', (rate, text) => {
    expect(formatRate(rate)).toBe(text);
  });
});
