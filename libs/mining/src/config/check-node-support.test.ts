import { describe, expect, it } from 'vitest';
import { checkNodeSupport, SUPPORTED_NODE_RANGE } from './check-node-support';

const DEC_2025 = new Date('2025-12-02T12:00:00Z');
const DEC_2026 = new Date('2026-12-02T12:00:00Z');

describe('checkNodeSupport', () => {
  it.each([
    // version, today, expected status (undefined: nothing to say)
    ['20.19.0', DEC_2025, undefined],
    ['20.20.2', DEC_2025, undefined],
    ['22.12.0', DEC_2026, undefined],
    ['22.23.3', DEC_2026, undefined],
    ['24.0.0', DEC_2026, undefined],
    ['24.21.0', DEC_2026, undefined],
    ['26.3.0', DEC_2026, undefined],
    ['25.1.0', new Date('2026-05-31T23:59:59Z'), undefined],
    ['31.0.0', DEC_2026, undefined], // newer than the table: taken as supported
    ['20.20.2', new Date('2026-04-29T23:59:59Z'), undefined],
    ['20.20.2', new Date('2026-04-30T00:00:00Z'), 'end_of_life'],
    ['20.20.2', DEC_2026, 'end_of_life'],
    ['22.23.3', new Date('2027-04-30T00:00:00Z'), 'end_of_life'],
    ['25.9.0', new Date('2026-06-01T00:00:00Z'), 'end_of_life'],
    ['20.18.3', DEC_2025, 'unsupported'],
    ['21.7.3', DEC_2025, 'unsupported'],
    ['22.11.0', DEC_2026, 'unsupported'],
    ['23.11.1', DEC_2026, 'unsupported'],
    ['18.20.8', DEC_2026, 'unsupported'],
    ['nonsense', DEC_2026, 'unsupported'],
  ])('Node %s on %s → %s', (version, now, status) => {
    expect(checkNodeSupport({ version, now })?.status).toBe(status);
  });

  it('names the end of life and the maintained LTS lines to use instead, in one line', () => {
    const problem = checkNodeSupport({ version: '20.20.2', now: DEC_2026 });
    expect(problem).toEqual({
      status: 'end_of_life',
      version: '20.20.2',
      endOfLife: '2026-04-30',
      message: `Node.js 20.20.2 reached its end of life on 2026-04-30 and gets no security fixes: use Node.js 22, 24 or 26 (supported: ${SUPPORTED_NODE_RANGE})`,
    });
    expect(problem?.message).not.toContain('\n');
  });

  it.each([
    [DEC_2025, 'use Node.js 20, 22 or 24'],
    [new Date('2027-06-01T00:00:00Z'), 'use Node.js 24 or 26'],
    [new Date('2029-06-01T00:00:00Z'), 'use Node.js 27'],
    [new Date('2031-01-01T00:00:00Z'), 'use a maintained Node.js LTS release'],
  ])('on %s the advice is "%s"', (now, advice) => {
    expect(checkNodeSupport({ version: '23.0.0', now })?.message).toBe(
      `Node.js 23.0.0 is not supported by astra-ingest: ${advice} (supported: ${SUPPORTED_NODE_RANGE})`,
    );
  });

  it.each([
    [{ NODE_NO_WARNINGS: '1' }, undefined],
    [{ NODE_NO_WARNINGS: '0' }, 'end_of_life'],
    [{}, 'end_of_life'],
  ])('with env %j the status is %s (NODE_NO_WARNINGS=1 silences it)', (env, status) => {
    expect(checkNodeSupport({ version: '20.20.2', now: DEC_2026, env })?.status).toBe(status);
  });
});
