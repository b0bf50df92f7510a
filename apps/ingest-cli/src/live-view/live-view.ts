import { createLogUpdate } from 'log-update';
import type { SessionOutcome, StageProgress } from '@astra/mining';
import { finishedLine, renderLiveView, type ActiveSession } from './render-live-view';

export type LiveViewOptions = {
  /** The terminal the view is drawn on (stderr). */
  stream: NodeJS.WriteStream;
  /** Other streams on the same terminal (stdout when it is a TTY): their writes go above the view too. */
  alsoAbove?: NodeJS.WriteStream[];
  total: number;
  /** Session id → how the view names it (`line 12 villa 3f2a1b9c`). */
  labels: ReadonlyMap<string, string>;
  now?: () => number;
};

/** Shortest gap between two redraws caused by progress events (download percentages arrive many per second). */
const MIN_REDRAW_GAP_MS = 100;
const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';

type Write = NodeJS.WriteStream['write'];

/**
 * The live view of `mine` on a terminal, drawn with log-update: the block (header + running sessions) is erased
 * and redrawn in place; a finished session and anything else written to the terminal (our logs, a library's
 * console output, Node's own warnings) is printed above it, where it stays. While the view is shown it takes
 * over the streams' `write` (as listr2 and Ink do): text written directly would otherwise land inside the block
 * and leave torn copies of it on screen.
 */
export class LiveView {
  private readonly sessions = new Map<string, ActiveSession>();
  private readonly draw;
  private readonly now: () => number;
  private readonly startedAtMs: number;
  private readonly stream: NodeJS.WriteStream;
  /** The stream's own write, which the view draws with. */
  private readonly write: (text: string) => boolean;
  private readonly restore: Array<() => void> = [];
  private ok = 0;
  private failed = 0;
  private lastDrawMs = 0;
  private ticker: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private readonly onResize = () => this.redraw();

  constructor(private readonly options: LiveViewOptions) {
    this.stream = options.stream;
    const ownWrite = this.stream.write.bind(this.stream) as (text: string) => boolean;
    this.write = ownWrite;
    this.now = options.now ?? Date.now;
    this.startedAtMs = this.now();
    // log-update draws through an object of its own so the takeover of `stream.write` does not apply to it;
    // showCursor: the view hides the cursor itself (log-update's cursor helper writes to process.stderr).
    const target = {
      get columns() {
        return options.stream.columns;
      },
      get rows() {
        return options.stream.rows;
      },
      write: ownWrite,
    };
    this.draw = createLogUpdate(target as unknown as NodeJS.WriteStream, { showCursor: true });
  }

  start(): void {
    for (const stream of [this.stream, ...(this.options.alsoAbove ?? [])]) {
      const original = stream.write;
      stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown) => {
        this.printAbove(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        const done = typeof encoding === 'function' ? encoding : callback;
        if (typeof done === 'function') process.nextTick(done as () => void);
        return true;
      }) as Write;
      this.restore.push(() => {
        stream.write = original;
      });
    }
    this.stream.on('resize', this.onResize);
    // Elapsed time and ETA move even when no session reports anything.
    this.ticker = setInterval(() => this.redraw(), 1000);
    this.ticker.unref();
    this.write(HIDE_CURSOR);
    this.redraw();
  }

  update(event: StageProgress): void {
    const previous = this.sessions.get(event.sessionId);
    this.sessions.set(event.sessionId, {
      label: this.labelOf(event.sessionId),
      stage: event.stage,
      state: event.state,
      startedAtMs: previous?.startedAtMs ?? this.now(),
      ...(event.percent !== undefined ? { percent: event.percent } : {}),
      ...(event.speedBps !== undefined ? { speedBps: event.speedBps } : {}),
      ...(event.detail !== undefined ? { detail: event.detail } : {}),
    });
    if (event.state === 'progress') this.redrawSoon();
    else this.redraw();
  }

  finish(outcome: SessionOutcome): void {
    const startedAtMs = this.sessions.get(outcome.session.id)?.startedAtMs ?? this.now();
    this.sessions.delete(outcome.session.id);
    const label = this.labelOf(outcome.session.id);
    if (outcome.status === 'ok') this.ok += 1;
    else this.failed += 1;
    this.printAbove(
      finishedLine(
        outcome.status === 'ok'
          ? { label, startedAtMs, status: 'ok', kept: outcome.kept, rejected: outcome.rejected, ran: outcome.ran }
          : {
              label,
              startedAtMs,
              status: 'failed',
              stage: outcome.failure.stage,
              reason: `[${outcome.failure.code}] ${outcome.failure.message}`,
            },
        this.now(),
      ),
    );
  }

  /** Erases the block, prints `text` where it was (it scrolls up with the rest), and redraws the block below. */
  printAbove(text: string): void {
    if (text.length === 0) return;
    this.draw.clear();
    this.write(text.endsWith('\n') ? text : `${text}\n`);
    this.redraw();
  }

  /** Removes the block and gives the terminal back (writes go straight out again, cursor shown). */
  stop(): void {
    clearInterval(this.ticker);
    clearTimeout(this.pending);
    this.stream.off('resize', this.onResize);
    this.draw.clear();
    this.draw.done();
    for (const restore of this.restore.splice(0)) restore();
    this.write(SHOW_CURSOR);
  }

  private redrawSoon(): void {
    if (this.pending) return;
    const wait = this.lastDrawMs + MIN_REDRAW_GAP_MS - this.now();
    if (wait <= 0) {
      this.redraw();
      return;
    }
    this.pending = setTimeout(() => this.redraw(), wait);
  }

  private redraw(): void {
    clearTimeout(this.pending);
    this.pending = undefined;
    this.lastDrawMs = this.now();
    const lines = renderLiveView(
      {
        total: this.options.total,
        ok: this.ok,
        failed: this.failed,
        startedAtMs: this.startedAtMs,
        active: [...this.sessions.values()],
      },
      { columns: this.stream.columns, rows: this.stream.rows, nowMs: this.lastDrawMs },
    );
    this.draw(lines.join('\n'));
  }

  private labelOf(sessionId: string): string {
    return this.options.labels.get(sessionId) ?? sessionId.slice(0, 8);
  }
}
