import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prefix of every metric this worker exports (Prometheus naming: snake_case, base units, `_total` counters). */
export const METRIC_PREFIX = 'astra_worker_';

/** Outcome of one attempt of a job, as counted in `astra_worker_jobs_total{outcome}`. */
export type JobOutcomeLabel = 'completed' | 'retried' | 'failed' | 'released' | 'source_paused';

/** Buckets for stages that take from a second (a cached step) to over an hour (downloading a long session). */
export const STAGE_DURATION_BUCKETS_SEC = [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200];

export type WorkerMetrics = {
  registry: Registry;
  jobs: Counter<'outcome'>;
  failures: Counter<'stage' | 'code'>;
  stageDuration: Histogram<'stage' | 'result'>;
  audioSeconds: Counter;
  keptAudioSeconds: Counter;
  segments: Counter<'result'>;
  activeJobs: Gauge;
  stalledJobs: Counter;
  sourcePauses: Counter;
  /** Jobs in the queue by state, read from Redis at each scrape (set by `watchQueueDepth`). */
  queueJobs: Gauge<'state'>;
};

/** Queue states the depth gauge reports. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;

/**
 * The worker's Prometheus metrics in their own registry (served on /metrics), plus Node's default process
 * metrics under their standard names (`process_*`, `nodejs_*`: what stock dashboards and alerts expect).
 * Label values come from closed sets (stages, error codes of the libs, queue states).
 */
export function createWorkerMetrics(
  options: { registry?: Registry; defaultMetrics?: boolean; queueCounts?: QueueCounts } = {},
): WorkerMetrics {
  const registry = options.registry ?? new Registry();
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  const queueCounts = options.queueCounts;
  const registers = [registry];
  return {
    registry,
    jobs: new Counter({
      name: `${METRIC_PREFIX}jobs_total`,
      help: 'Job attempts by outcome: completed, retried (transient failure), failed (permanent or out of attempts), released (shutdown), source_paused (bot check / 429).',
      labelNames: ['outcome'],
      registers,
    }),
    failures: new Counter({
      name: `${METRIC_PREFIX}job_failures_total`,
      help: 'Failed job attempts by the pipeline stage that failed and the error code.',
      labelNames: ['stage', 'code'],
      registers,
    }),
    stageDuration: new Histogram({
      name: `${METRIC_PREFIX}stage_duration_seconds`,
      help: 'Wall time of the pipeline stages that did work (result done) or failed (result failed).',
      labelNames: ['stage', 'result'],
      buckets: STAGE_DURATION_BUCKETS_SEC,
      registers,
    }),
    audioSeconds: new Counter({
      name: `${METRIC_PREFIX}audio_mined_seconds_total`,
      help: 'Seconds of session audio of the completed jobs (divide by 3600 for hours mined).',
      registers,
    }),
    keptAudioSeconds: new Counter({
      name: `${METRIC_PREFIX}kept_audio_seconds_total`,
      help: 'Seconds of audio in kept (labelled) segments of the completed jobs.',
      registers,
    }),
    segments: new Counter({
      name: `${METRIC_PREFIX}segments_total`,
      help: 'Aligned segments of the completed jobs, kept or rejected.',
      labelNames: ['result'],
      registers,
    }),
    activeJobs: new Gauge({
      name: `${METRIC_PREFIX}active_jobs`,
      help: 'Jobs this worker is processing now.',
      registers,
    }),
    stalledJobs: new Counter({
      name: `${METRIC_PREFIX}stalled_jobs_total`,
      help: 'Jobs this worker found stalled (their worker died or lost its lock) and moved back to wait.',
      registers,
    }),
    sourcePauses: new Counter({
      name: `${METRIC_PREFIX}source_pauses_total`,
      help: 'Times this worker paused the queue because the source answered with a bot check or 429.',
      registers,
    }),
    queueJobs: new Gauge({
      name: `${METRIC_PREFIX}queue_jobs`,
      help: 'Jobs of the astra-mining queue by state, as Redis reports them at scrape time (the same for every worker).',
      labelNames: ['state'],
      registers,
      async collect() {
        if (!queueCounts) return;
        // A scrape must not hang on a Redis that is down: no sample is better than a stale or blocked one.
        const counts = await queueCounts().catch(() => undefined);
        this.reset();
        if (!counts) return;
        for (const state of QUEUE_STATES) this.set({ state }, counts[state] ?? 0);
      },
    }),
  };
}

/** Reads the queue's job counts (bounded in time by the caller): `queue.getJobCounts(...QUEUE_STATES)`. */
export type QueueCounts = () => Promise<Record<string, number>>;

/** Label value for an error code: the code when it looks like one, else `other` (bounded cardinality). */
export function codeLabel(code: string | undefined): string {
  if (!code) return 'unknown';
  return /^[a-z][a-z0-9_]{0,39}$/.test(code) ? code : 'other';
}
