import { describe, expect, it } from 'vitest';
import type { SessionOutcome, SessionSpec } from '../model';
import { runSessions } from './run-sessions';

const session = (line: number): SessionSpec => ({
  line,
  tenantId: 't',
  id: `00000000-0000-5000-8000-${String(line).padStart(12, '0')}`,
  videoUrl: `https://example.org/${line}.mp3`,
  language: 'es',
  provider: 'deepgram',
  metadata: {},
});

describe('runSessions', () => {
  it('keeps input order and never runs more than `concurrency` at once', async () => {
    let active = 0;
    let peak = 0;
    const mineSession = async (s: SessionSpec): Promise<SessionOutcome> => {
      active += 1;
      peak = Math.max(peak, active);
      // Later sessions finish first, so order can only come from runSessions itself.
      await new Promise((resolve) => setTimeout(resolve, 20 - s.line));
      active -= 1;
      return { status: 'ok', session: s, audioSec: s.line, keptSec: 0, kept: 0, rejected: 0, ran: [] };
    };
    const sessions = [1, 2, 3, 4, 5, 6, 7].map(session);
    const outcomes = await runSessions({ mineSession }, sessions, { concurrency: 3 });
    expect(outcomes.map((o) => o.session.line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });
});
