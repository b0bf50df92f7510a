import { describe, expect, it } from 'vitest';
import { silentLogger } from '@astra/contracts';
import type { StageProgress } from '@astra/mining';
import { ProgressReporter, toJobProgress, type JobProgress } from './progress-reporter';

const id = '2f1c6f8e-4b7a-5c3d-9e2f-1a2b3c4d5e6f';
const event = (stage: StageProgress['stage'], state: StageProgress['state'], percent?: number): StageProgress => ({
  sessionId: id,
  stage,
  state,
  ...(percent !== undefined ? { percent } : {}),
});

describe('toJobProgress', () => {
  it.each<[StageProgress, JobProgress]>([
    [event('acta', 'start'), { stage: 'acta', state: 'start', percent: 0 }],
    [event('acta', 'done'), { stage: 'acta', state: 'done', percent: 5 }],
    [event('download', 'progress', 50), { stage: 'download', state: 'progress', percent: 33, stagePercent: 50 }],
    [event('download', 'progress', 250), { stage: 'download', state: 'progress', percent: 60, stagePercent: 100 }],
    [event('download', 'skip'), { stage: 'download', state: 'skip', percent: 60 }],
    [event('transcribe', 'start'), { stage: 'transcribe', state: 'start', percent: 60 }],
    [event('align', 'done'), { stage: 'align', state: 'done', percent: 100 }],
  ])('%o → %o', (input, expected) => {
    expect(toJobProgress(input)).toEqual(expected);
  });

  it('keeps the detail', () => {
    expect(toJobProgress({ ...event('align', 'done'), detail: '3 kept, 1 rejected' }).detail).toBe(
      '3 kept, 1 rejected',
    );
  });
});

describe('ProgressReporter', () => {
  it('sends state changes in order and throttles in-stage percentages', async () => {
    let clock = 0;
    const sent: JobProgress[] = [];
    const reporter = new ProgressReporter({
      update: async (p) => {
        sent.push(p);
      },
      minIntervalMs: 1000,
      now: () => clock,
      logger: silentLogger,
    });
    reporter.report(event('download', 'start'));
    clock = 10;
    reporter.report(event('download', 'progress', 10));
    clock = 500;
    reporter.report(event('download', 'progress', 20));
    clock = 1200;
    reporter.report(event('download', 'progress', 30));
    clock = 1300;
    reporter.report(event('download', 'done'));
    await reporter.flush();
    expect(sent.map((p) => [p.state, p.stagePercent])).toEqual([
      ['start', undefined],
      ['progress', 30],
      ['done', undefined],
    ]);
  });

  it('a failed update is logged, later ones still go out', async () => {
    const sent: string[] = [];
    const logged: string[] = [];
    let calls = 0;
    const reporter = new ProgressReporter({
      update: async (p) => {
        calls += 1;
        if (calls === 1) throw new Error('Connection is closed.');
        sent.push(`${p.stage}:${p.state}`);
      },
      minIntervalMs: 0,
      now: () => 0,
      logger: { ...silentLogger, debug: (_obj, msg) => logged.push(msg ?? '') },
    });
    reporter.report(event('acta', 'start'));
    reporter.report(event('acta', 'done'));
    await reporter.flush();
    expect(sent).toEqual(['acta:done']);
    expect(logged).toEqual(['progress update failed']);
  });
});
