import { describe, expect, it } from 'vitest';
import type { Logger } from 'pino';
import { ProgressView } from './progress';

const fakeStream = (isTTY: boolean, columns: number) => {
  const writes: string[] = [];
  const stream = { isTTY, columns, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
};
const fakeLogger = () => {
  const infos: string[] = [];
  return { logger: { info: (_obj: object, msg: string) => infos.push(msg) } as unknown as Logger, infos };
};
const labels = new Map([['s1', 'line 2 villa']]);

describe('ProgressView', () => {
  it('redraws one line per session on a terminal, whole even when the terminal reports 0 columns', () => {
    const { stream, writes } = fakeStream(true, 0);
    const view = new ProgressView(stream, fakeLogger().logger, labels);
    view.update({ sessionId: 's1', stage: 'align', state: 'done', detail: '8 kept, 0 rejected' });
    view.finish('s1', 'ok: 8 kept, 0 rejected');
    const text = writes.join('');
    expect(text).toContain('line 2 villa             align      done (8 kept, 0 rejected)\n');
    expect(text).toContain('\x1b[1A'); // the second render moves back over the first
    expect(text.endsWith('line 2 villa             ok: 8 kept, 0 rejected\n')).toBe(true);
  });

  it('logs stage changes (not percentages) when not on a terminal', () => {
    const { stream, writes } = fakeStream(false, 80);
    const { logger, infos } = fakeLogger();
    const view = new ProgressView(stream, logger, labels);
    view.update({ sessionId: 's1', stage: 'download', state: 'progress', percent: 40 });
    view.update({ sessionId: 's1', stage: 'download', state: 'done' });
    expect(writes).toEqual([]);
    expect(infos).toEqual(['line 2 villa download done']);
  });
});
