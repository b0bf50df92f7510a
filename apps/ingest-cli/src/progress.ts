import type { StageProgress } from '@astra/mining';
import type { Logger } from 'pino';

/**
 * Per-session progress: a live block of lines on a TTY (stderr), structured log lines otherwise.
 * Rendering is throttled so a fast stream of download percentages does not flood the terminal.
 */
export class ProgressView {
  private readonly lines = new Map<string, string>();
  private renderedLines = 0;
  private lastRender = 0;

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly logger: Logger,
    private readonly labels: ReadonlyMap<string, string>,
  ) {}

  get interactive(): boolean {
    return this.stream.isTTY === true;
  }

  update(event: StageProgress): void {
    const label = this.labels.get(event.sessionId) ?? event.sessionId.slice(0, 8);
    if (!this.interactive) {
      if (event.state !== 'progress')
        this.logger.info(
          { sessionId: event.sessionId, stage: event.stage, state: event.state, detail: event.detail },
          `${label} ${event.stage} ${event.state}`,
        );
      return;
    }
    const percent = event.percent !== undefined ? ` ${event.percent.toFixed(0).padStart(3)}%` : '';
    const detail = event.detail ? ` (${event.detail})` : '';
    this.lines.set(event.sessionId, `${label.padEnd(24)} ${event.stage.padEnd(10)} ${event.state}${percent}${detail}`);
    const now = Date.now();
    if (event.state === 'progress' && now - this.lastRender < 100) return;
    this.lastRender = now;
    this.render();
  }

  finish(sessionId: string, text: string): void {
    const label = this.labels.get(sessionId) ?? sessionId.slice(0, 8);
    this.lines.set(sessionId, `${label.padEnd(24)} ${text}`);
    if (this.interactive) this.render();
  }

  private render(): void {
    const block = [...this.lines.values()];
    if (this.renderedLines > 0) this.stream.write(`\x1b[${this.renderedLines}A`);
    // Some pseudo-terminals report 0 columns: fall back to 100.
    const width = (this.stream.columns || 100) - 1;
    for (const line of block) this.stream.write(`\x1b[2K${line.slice(0, width)}\n`);
    this.renderedLines = block.length;
  }
}
