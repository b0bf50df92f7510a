import path from 'node:path';
import type { AlignOptions } from '@astra/aligner';
import {
  buildDataset,
  createPipeline,
  runSessions,
  writeDataset,
  type Pipeline,
  type SessionOutcome,
  type SessionPlan,
  type WrittenDataset,
} from '@astra/mining';
import type { Storage } from '@astra/storage';
import {
  checkAlignArguments,
  checkDatasetNameArgument,
  checkDirectoryArgument,
  checkFileArgument,
  checkOutputDirArgument,
  checkTenantArgument,
} from '../check-arguments';
import { warnAboutTools } from '../check-tools';
import type { CliConfig } from '../config';
import { DEFAULT_DRY_RUN_OPTIONS } from '../dry-run/dry-run-options';
import { formatDryRun, runDryRun } from '../dry-run/run-dry-run';
import { LiveView } from '../live-view/live-view';
import { ProgressLog } from '../live-view/progress-log';
import { formatMineSummary, summariseOutcomes, type MineSummary } from '../mine-summary';
import type { Output } from '../output';
import { planFromFlags } from '../plan-from-flags';
import { withProcessTempDir } from '../process-temp-dir';
import { withStorage } from '../with-storage';

export type MineCommandFlags = {
  input: string;
  tenant?: string;
  dryRun?: boolean;
  /** `--check-timeout`: seconds one URL may take to answer in the dry run. */
  checkTimeout?: number;
  /** `--check-budget`: seconds for all the dry run's URL checks. */
  checkBudget?: number;
  out: string;
  name?: string;
  concurrency: number;
  cut?: boolean;
  acta: boolean;
  actasDir?: string;
  align: Partial<AlignOptions>;
};

/** `astra-ingest mine`: sessions.csv → per-session pipeline → dataset (architecture §2, §7). */
export async function runMineCommand(flags: MineCommandFlags, config: CliConfig, output: Output): Promise<number> {
  // Every argument is checked before any work: a typo in --name must not surface after hours of downloads.
  const name = flags.name ?? datasetNameFrom(flags.input);
  checkDatasetNameArgument('--name', name);
  checkTenantArgument('--tenant', flags.tenant);
  checkAlignArguments(flags.align);
  await checkFileArgument('--input', flags.input);
  if (flags.actasDir) await checkDirectoryArgument('--actas-dir', flags.actasDir);
  await checkOutputDirArgument('--out', flags.out);

  const plan = await planFromFlags(flags, config, config.transcripts, output);
  if (flags.dryRun) {
    return withStorage(config, output, async (storage) => {
      const report = await runDryRun(plan, config, storage, {
        ...DEFAULT_DRY_RUN_OPTIONS,
        ...(flags.checkTimeout ? { requestTimeoutMs: flags.checkTimeout * 1000 } : {}),
        ...(flags.checkBudget ? { mediaBudgetMs: flags.checkBudget * 1000 } : {}),
      });
      output.result(report, () => formatDryRun(report));
      return report.errors.length > 0 ? 1 : 0;
    });
  }
  for (const error of plan.errors) output.logger.warn({ line: error.line }, `row rejected: ${error.reason}`);
  await warnAboutTools(config, output.logger);
  return withProcessTempDir(config.tmpRoot, output.logger, async (tmpDir) => {
    const pipeline = createPipeline(config, { logger: output.logger, align: flags.align, tmpRoot: tmpDir });
    try {
      const summary = await mineAndBuild(plan, pipeline, { ...flags, name }, tmpDir, output);
      output.result(summary, () =>
        formatMineSummary(summary, process.stdout.isTTY ? { width: process.stdout.columns } : {}),
      );
      return summary.failed > 0 || plan.errors.length > 0 ? 1 : 0;
    } finally {
      await pipeline.close();
    }
  });
}

async function mineAndBuild(
  plan: SessionPlan,
  pipeline: Pipeline,
  flags: MineCommandFlags & { name: string },
  tmpDir: string,
  output: Output,
): Promise<MineSummary> {
  const { orchestrator, storage } = pipeline;
  const labels = new Map(plan.sessions.map((s) => [s.id, `line ${s.line} ${s.tenantId} ${s.id.slice(0, 8)}`]));
  const view = output.terminal
    ? new LiveView({
        stream: output.terminal,
        alsoAbove: process.stdout.isTTY ? [process.stdout] : [],
        total: plan.sessions.length,
        labels,
      })
    : new ProgressLog(output.logger, labels);
  // On a terminal the live view shows progress; info logs would only push it around (-v brings them back).
  if (output.terminal && output.logger.level === 'info') output.logger.level = 'warn';
  // Ctrl-C cancels the running sessions (yt-dlp/ffmpeg are killed, temp files removed); finished work stays.
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let outcomes: SessionOutcome[];
  view.start();
  try {
    outcomes = await runSessions(
      {
        mineSession: async (session, options) => {
          const outcome = await orchestrator.mineSession(session, options);
          view.finish(outcome);
          return outcome;
        },
      },
      plan.sessions,
      { concurrency: flags.concurrency, signal: abort.signal, onProgress: (event) => view.update(event) },
    );
  } finally {
    view.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const datasets = await buildDatasets(storage, outcomes, flags, output, tmpDir);
  return summariseOutcomes(plan, outcomes, datasets);
}

/** One dataset per tenant, from the sessions of this CSV that succeeded (with an acta, hence segments). */
async function buildDatasets(
  storage: Storage,
  outcomes: readonly SessionOutcome[],
  flags: MineCommandFlags & { name: string },
  output: Output,
  tmpRoot: string,
): Promise<Array<WrittenDataset & { tenantId: string; name: string; segments: number }>> {
  if (!flags.acta) return [];
  const { name } = flags;
  const byTenant = new Map<string, string[]>();
  for (const outcome of outcomes) {
    if (outcome.status !== 'ok') continue;
    byTenant.set(outcome.session.tenantId, [...(byTenant.get(outcome.session.tenantId) ?? []), outcome.session.id]);
  }
  const written = [];
  for (const [tenantId, sessionIds] of [...byTenant].sort(([a], [b]) => a.localeCompare(b))) {
    // The report shows the thresholds and label style these sessions were just aligned with.
    const dataset = await buildDataset(storage, { tenantId, name, sessionIds, align: flags.align });
    const result = await writeDataset(storage, dataset, {
      outRoot: flags.out,
      cut: flags.cut === true,
      tmpRoot,
    });
    const segments =
      dataset.summary.splits.train.segments +
      dataset.summary.splits.dev.segments +
      dataset.summary.splits.test.segments;
    output.logger.info({ tenantId, name, outDir: result.outDir }, 'dataset written');
    written.push({ ...result, tenantId, name, segments });
  }
  return written;
}

function datasetNameFrom(csvPath: string): string {
  const stem = path
    .basename(csvPath, path.extname(csvPath))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '');
  return stem.slice(0, 63) || 'dataset';
}
