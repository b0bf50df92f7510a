import type { MiningOrchestrator, MineSessionOptions } from './mining-orchestrator';
import type { SessionOutcome, SessionSpec } from '../model';

/** Runs sessions through the orchestrator with at most `concurrency` at a time; outcomes keep input order. */
export async function runSessions(
  orchestrator: Pick<MiningOrchestrator, 'mineSession'>,
  sessions: readonly SessionSpec[],
  options: MineSessionOptions & { concurrency: number },
): Promise<SessionOutcome[]> {
  const outcomes: SessionOutcome[] = new Array(sessions.length);
  let next = 0;
  const worker = async () => {
    while (next < sessions.length) {
      const index = next++;
      const session = sessions[index];
      if (!session) break;
      outcomes[index] = await orchestrator.mineSession(session, options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, sessions.length)) }, worker));
  return outcomes;
}
