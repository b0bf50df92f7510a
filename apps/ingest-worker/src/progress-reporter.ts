import type { Logger } from '@astra/contracts';
import type { StageProgress } from '@astra/mining';

/** What `job.progress` holds while a job runs (`astra-ingest status` and dashboards read it). */
export type JobProgress = {
  stage: StageProgress['stage'];
  state: StageProgress['state'];
  /** 0..100 over the whole job (stage weights below), so dashboards show one bar. */
  percent: number;
  /** 0..100 within the stage, when the stage reports it (download). */
  stagePercent?: number;
  detail?: string;
};

/** Share of a typical job's wall time per stage (download dominates; align is quick). */
const STAGE_SPAN: Record<StageProgress['stage'], [number, number]> = {
  acta: [0, 5],
  download: [5, 60],
  transcribe: [60, 90],
  align: [90, 100],
};

export type ProgressReporterOptions = {
  update: (progress: JobProgress) => Promise<void>;
  /** Least time between two in-stage `progress` updates; state changes are always sent. */
  minIntervalMs: number;
  now: () => number;
  logger: Logger;
};

/**
 * Turns the orchestrator's stage events into `job.updateProgress` calls: in order (one at a time), in-stage
 * percentages throttled, and a failed update (Redis briefly away) logged, never failing the job.
 */
export class ProgressReporter {
  private chain: Promise<void> = Promise.resolve();
  private lastSentAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ProgressReporterOptions) {}

  report(event: StageProgress): void {
    const now = this.options.now();
    if (event.state === 'progress' && now - this.lastSentAt < this.options.minIntervalMs) return;
    this.lastSentAt = now;
    const progress = toJobProgress(event);
    this.chain = this.chain
      .then(() => this.options.update(progress))
      .catch((error: unknown) =>
        this.options.logger.debug({ err: error, stage: event.stage }, 'progress update failed'),
      );
  }

  /** Resolves when every update sent so far has been written (or has failed). */
  flush(): Promise<void> {
    return this.chain;
  }
}

export function toJobProgress(event: StageProgress): JobProgress {
  const [from, to] = STAGE_SPAN[event.stage];
  const within =
    event.state === 'done' || event.state === 'skip' ? 100 : event.state === 'start' ? 0 : clamp(event.percent ?? 0);
  return {
    stage: event.stage,
    state: event.state,
    percent: Math.round(from + ((to - from) * within) / 100),
    ...(event.state === 'progress' && event.percent !== undefined
      ? { stagePercent: Math.round(clamp(event.percent)) }
      : {}),
    ...(event.detail ? { detail: event.detail } : {}),
  };
}

function clamp(percent: number): number {
  return Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
}
