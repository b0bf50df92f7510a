import { describe, expect, it } from 'vitest';
import { codeLabel, createWorkerMetrics, METRIC_PREFIX } from './create-worker-metrics';

describe('createWorkerMetrics', () => {
  it('names its own metrics astra_worker_*, keeps Node and process metrics under their standard names', async () => {
    const metrics = createWorkerMetrics();
    const all = await metrics.registry.getMetricsAsJSON();
    expect(all.length).toBeGreaterThan(10);
    const names = all.map((m) => m.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'process_cpu_seconds_total',
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
      ]),
    );
    for (const metric of all.filter((m) => !/^(process|nodejs)_/.test(m.name))) {
      expect(metric.name).toMatch(/^astra_worker_[a-z0-9_]+$/);
      if (String(metric.type) === 'counter') expect(metric.name).toMatch(/_total$/);
      if (String(metric.type) === 'histogram' && metric.name.startsWith(`${METRIC_PREFIX}stage`))
        expect(metric.name).toMatch(/_seconds$/);
    }
    const own = names.filter((name) => name.startsWith(METRIC_PREFIX));
    expect(own.sort()).toEqual([
      'astra_worker_active_jobs',
      'astra_worker_audio_mined_seconds_total',
      'astra_worker_job_failures_total',
      'astra_worker_jobs_total',
      'astra_worker_kept_audio_seconds_total',
      'astra_worker_queue_jobs',
      'astra_worker_segments_total',
      'astra_worker_source_pauses_total',
      'astra_worker_stage_duration_seconds',
      'astra_worker_stalled_jobs_total',
    ]);
  });

  it('exposes labelled samples in the Prometheus text format', async () => {
    const metrics = createWorkerMetrics({ defaultMetrics: false });
    metrics.jobs.inc({ outcome: 'completed' });
    metrics.failures.inc({ stage: 'download', code: 'not_found' });
    metrics.stageDuration.observe({ stage: 'download', result: 'done' }, 42);
    metrics.audioSeconds.inc(3600);
    metrics.segments.inc({ result: 'kept' }, 7);
    const text = await metrics.registry.metrics();
    expect(text).toContain('astra_worker_jobs_total{outcome="completed"} 1');
    expect(text).toContain('astra_worker_job_failures_total{stage="download",code="not_found"} 1');
    expect(text).toContain('astra_worker_stage_duration_seconds_bucket{le="60",stage="download",result="done"} 1');
    expect(text).toContain('astra_worker_audio_mined_seconds_total 3600');
    expect(text).toContain('astra_worker_segments_total{result="kept"} 7');
    expect(metrics.registry.contentType).toContain('text/plain');
  });

  it('reports the queue depth by state at scrape time, and nothing when Redis does not answer', async () => {
    let counts: Record<string, number> | Error = { waiting: 4, active: 1, failed: 2 };
    const metrics = createWorkerMetrics({
      defaultMetrics: false,
      queueCounts: async () => {
        if (counts instanceof Error) throw counts;
        return counts;
      },
    });
    const text = await metrics.registry.metrics();
    expect(text).toContain('astra_worker_queue_jobs{state="waiting"} 4');
    expect(text).toContain('astra_worker_queue_jobs{state="active"} 1');
    expect(text).toContain('astra_worker_queue_jobs{state="delayed"} 0');
    counts = new Error('Connection is closed.');
    expect(await metrics.registry.metrics()).not.toContain('astra_worker_queue_jobs{');
  });

  it('two workers in one process get separate registries', async () => {
    const a = createWorkerMetrics({ defaultMetrics: false });
    const b = createWorkerMetrics({ defaultMetrics: false });
    a.jobs.inc({ outcome: 'failed' });
    expect(await b.registry.metrics()).not.toContain('outcome="failed"');
  });
});

describe('codeLabel', () => {
  it.each([
    [undefined, 'unknown'],
    ['not_found', 'not_found'],
    ['bot_check', 'bot_check'],
    ['Some Message With Spaces', 'other'],
    ['x'.repeat(60), 'other'],
  ])('%s → %s', (code, label) => {
    expect(codeLabel(code)).toBe(label);
  });
});
