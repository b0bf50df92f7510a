import type { Logger } from 'pino';
import type { SessionOutcome, StageProgress } from '@astra/mining';

/**
 * Progress of `mine` when stderr is not a terminal: one structured log line per stage change (percentages and
 * polls would only flood a log collector) and one per finished session.
 */
export class ProgressLog {
  constructor(
    private readonly logger: Logger,
    private readonly labels: ReadonlyMap<string, string>,
  ) {}

  start(): void {
    // Nothing to set up: log lines need no screen.
  }

  update(event: StageProgress): void {
    if (event.state === 'progress') return;
    this.logger.info(
      { sessionId: event.sessionId, stage: event.stage, state: event.state, detail: event.detail },
      `${this.labelOf(event.sessionId)} ${event.stage} ${event.state}`,
    );
  }

  finish(outcome: SessionOutcome): void {
    if (outcome.status === 'ok') {
      this.logger.info(
        { sessionId: outcome.session.id, kept: outcome.kept, rejected: outcome.rejected, ran: outcome.ran },
        `${this.labelOf(outcome.session.id)} ok`,
      );
    }
    // A failure is already logged (warn) by the orchestrator with its stage and code.
  }

  stop(): void {
    // Nothing to tear down.
  }

  private labelOf(sessionId: string): string {
    return this.labels.get(sessionId) ?? sessionId.slice(0, 8);
  }
}
