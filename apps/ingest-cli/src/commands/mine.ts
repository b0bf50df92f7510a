import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AlignOptions } from '@astra/aligner';
import { CoreClient } from '@astra/core-client';
import {
  buildDataset,
  MiningOrchestrator,
  runSessions,
  type SessionOutcome,
  type SessionPlan,
  type TranscriptSource,
} from '@astra/mining';
import { readActaFile } from '@astra/semantic-extractor';
import { tenantPrefix, type Storage } from '@astra/storage';
import {
  resolveCoreConfig,
  resolveTmpRoot,
  resolveToolPaths,
  resolveAllowPrivateNetwork,
  resolveToolVersionsCacheFile,
  resolveTranscriptSource,
  UsageError,
  type Env,
} from '../config';
import type { Output } from '../output';
import { planFromFlags } from '../plan-from-flags';
import { ProgressView } from '../progress';
import { formatMineSummary, summariseOutcomes, type MineSummary } from '../mine-summary';
import { withStorage } from '../with-storage';
import { writeDataset, type WrittenDataset } from '../write-dataset';

export type MineCommandFlags = {
  input: string;
  tenant?: string;
  dryRun?: boolean;
  storage?: string;
  s3Endpoint?: string;
  provider?: string;
  transcripts?: string;
  out: string;
  name?: string;
  concurrency: number;
  cut?: boolean;
  acta: boolean;
  actasDir?: string;
  align: Partial<AlignOptions>;
};

/** `astra-ingest mine`: sessions.csv → per-session pipeline → dataset (DESIGN §2, §7). */
export async function runMineCommand(flags: MineCommandFlags, env: Env, output: Output): Promise<number> {
  const transcriptKind = resolveTranscriptSource(flags.transcripts, env);
  const plan = await planFromFlags(flags, transcriptKind, env, output);
  return withStorage(flags, env, output, async (storage) => {
    if (flags.dryRun) return reportDryRun(plan, storage, output);
    for (const error of plan.errors) output.logger.warn({ line: error.line }, `row rejected: ${error.reason}`);
    const transcripts = createTranscriptSource(transcriptKind, env, output);
    try {
      const summary = await mineAndBuild(plan, storage, transcripts, flags, env, output);
      output.result(summary, () => formatMineSummary(summary));
      return summary.failed > 0 || plan.errors.length > 0 ? 1 : 0;
    } finally {
      if (transcripts.kind === 'astra-core') await transcripts.client.close();
    }
  });
}

async function mineAndBuild(
  plan: SessionPlan,
  storage: Storage,
  transcripts: TranscriptSource,
  flags: MineCommandFlags,
  env: Env,
  output: Output,
): Promise<MineSummary> {
  const tmpRoot = resolveTmpRoot(env);
  if (tmpRoot) await mkdir(tmpRoot, { recursive: true });
  const orchestrator = new MiningOrchestrator({
    storage,
    transcripts,
    download: {
      ...resolveToolPaths(env),
      allowPrivateNetwork: resolveAllowPrivateNetwork(env),
      toolVersionsCacheFile: resolveToolVersionsCacheFile(env),
    },
    align: flags.align,
    ...(tmpRoot ? { tmpRoot } : {}),
    logger: output.logger,
  });
  const labels = new Map(plan.sessions.map((s) => [s.id, `line ${s.line} ${s.tenantId}`]));
  const progress = new ProgressView(process.stderr, output.logger, labels);
  // On a terminal the live progress block replaces info logs (they would tear it); -v brings them back.
  if (progress.interactive && output.logger.level === 'info') output.logger.level = 'warn';
  // Ctrl-C cancels the running sessions (yt-dlp/ffmpeg are killed, temp files removed); finished work stays.
  const abort = new AbortController();
  const onSignal = () => abort.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let outcomes: SessionOutcome[];
  try {
    outcomes = await runSessions(
      {
        mineSession: async (session, options) => {
          const outcome = await orchestrator.mineSession(session, options);
          progress.finish(
            session.id,
            outcome.status === 'ok'
              ? `ok: ${outcome.kept} kept, ${outcome.rejected} rejected`
              : `FAILED at ${outcome.stage}: ${outcome.reason}`,
          );
          return outcome;
        },
      },
      plan.sessions,
      { concurrency: flags.concurrency, signal: abort.signal, onProgress: (event) => progress.update(event) },
    );
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const datasets = await buildDatasets(storage, outcomes, flags, output, tmpRoot);
  return summariseOutcomes(plan, outcomes, datasets);
}

/** One dataset per tenant, from the sessions of this CSV that succeeded (with an acta, hence segments). */
async function buildDatasets(
  storage: Storage,
  outcomes: readonly SessionOutcome[],
  flags: MineCommandFlags,
  output: Output,
  tmpRoot: string | undefined,
): Promise<Array<WrittenDataset & { tenantId: string; name: string; segments: number }>> {
  if (!flags.acta) return [];
  const name = flags.name ?? datasetNameFrom(flags.input);
  const byTenant = new Map<string, string[]>();
  for (const outcome of outcomes) {
    if (outcome.status !== 'ok') continue;
    byTenant.set(outcome.session.tenantId, [...(byTenant.get(outcome.session.tenantId) ?? []), outcome.session.id]);
  }
  const written = [];
  for (const [tenantId, sessionIds] of [...byTenant].sort(([a], [b]) => a.localeCompare(b))) {
    const dataset = await buildDataset(storage, { tenantId, name, sessionIds });
    const result = await writeDataset(storage, dataset, {
      outRoot: flags.out,
      cut: flags.cut === true,
      ...(tmpRoot ? { tmpRoot } : {}),
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

function createTranscriptSource(kind: TranscriptSource['kind'], env: Env, output: Output): TranscriptSource {
  if (kind !== 'astra-core') return { kind };
  const core = resolveCoreConfig(env);
  if (!core) throw new UsageError('--transcripts astra-core needs ASTRA_CORE_URL (and usually ASTRA_CORE_TOKEN)');
  return { kind, client: new CoreClient({ ...core, logger: output.logger }) };
}

/** Dry run: validates rows, actas and storage reachability; writes nothing (DESIGN §2). */
async function reportDryRun(plan: SessionPlan, storage: Storage, output: Output): Promise<number> {
  const errors = [...plan.errors];
  const sessions: Array<{ line: number; tenantId: string; id: string; videoUrl: string; actaPath: string | null }> = [];
  for (const session of plan.sessions) {
    if (session.actaPath) {
      try {
        await readActaFile(session.actaPath);
      } catch (error) {
        errors.push({ line: session.line, reason: `acta_path: ${(error as Error).message}` });
        continue;
      }
    }
    sessions.push({
      line: session.line,
      tenantId: session.tenantId,
      id: session.id,
      videoUrl: session.videoUrl,
      actaPath: session.actaPath ?? null,
    });
  }
  for (const tenantId of new Set(plan.sessions.map((s) => s.tenantId))) {
    try {
      for await (const object of storage.list(tenantPrefix(tenantId))) {
        void object;
        break;
      }
    } catch (error) {
      errors.push({ line: 0, reason: `storage ${storage.uri} is not reachable: ${(error as Error).message}` });
      break;
    }
  }
  errors.sort((a, b) => a.line - b.line);
  output.result({ sessions, errors }, () =>
    [
      `Plan: ${sessions.length} session(s), ${errors.length} error(s); storage ${storage.uri}`,
      ...sessions.map(
        (s) => `  line ${s.line}: ${s.tenantId}/${s.id} ${s.videoUrl}${s.actaPath ? ` + ${s.actaPath}` : ''}`,
      ),
      ...errors.map((e) => `  line ${e.line}: ERROR ${e.reason}`),
    ].join('\n'),
  );
  return errors.length > 0 ? 1 : 0;
}

function datasetNameFrom(csvPath: string): string {
  const stem = path
    .basename(csvPath, path.extname(csvPath))
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+/, '');
  return stem.slice(0, 63) || 'dataset';
}
