import { redactUrl } from '@astra/contracts';
import type { RowError, SessionPlan } from '@astra/mining';
import type { Storage } from '@astra/storage';
import pLimit from 'p-limit';
import { checkTools } from '../check-tools';
import type { CliConfig } from '../config';
import { checkActas } from './check-actas';
import { checkAstraCore } from './check-astra-core';
import { createMediaProbe, type MediaCheck } from './check-media-url';
import { checkMediaUrls } from './check-media-urls';
import { DEFAULT_DRY_RUN_OPTIONS, type DryRunOptions } from './dry-run-options';
import { probeStorage } from './probe-storage';

export type CheckName = 'tools' | 'storage' | 'astra-core' | 'media' | 'actas';
export type DryRunCheck = { check: CheckName; status: 'ok' | 'warning' | 'failed' | 'skipped'; detail: string };

export type PlannedSession = {
  line: number;
  tenantId: string;
  id: string;
  videoUrl: string;
  actaPath: string | null;
  media: 'ok' | 'not_checked';
};

/**
 * The dry run's result (architecture §2, extended): sessions that passed every check, errors with their line
 * (line 0: the run as a whole — storage, astra-core, tools), what was checked and what could not be.
 */
export type DryRunReport = {
  storage: string;
  sessions: PlannedSession[];
  errors: RowError[];
  checks: DryRunCheck[];
  notChecked: string[];
};

/**
 * Everything `mine` can know before downloading: the rows (planned already), each distinct acta parsed once,
 * each distinct media URL answering, astra-core answering with the token, a write/delete probe on storage, the
 * tools and their versions. Nothing is downloaded or transcribed; the only write is the probe object.
 */
export async function runDryRun(
  plan: SessionPlan,
  config: CliConfig,
  storage: Storage,
  options: DryRunOptions = DEFAULT_DRY_RUN_OPTIONS,
): Promise<DryRunReport> {
  const tenants = [...new Set(plan.sessions.map((s) => s.tenantId))];
  const probe = createMediaProbe({
    allowedHosts: config.allowedHosts,
    allowPrivateNetwork: config.allowPrivateNetwork,
    ...(config.tools.ytDlpPath ? { ytDlpPath: config.tools.ytDlpPath } : {}),
    requestTimeoutMs: options.requestTimeoutMs,
    ytDlpTimeoutMs: options.ytDlpTimeoutMs,
    limitYtDlp: pLimit(options.ytDlpConcurrency),
  });
  const [tools, stored, core, actas, media] = await Promise.all([
    checkTools(config),
    tenants.length > 0 ? probeStorage(storage, tenants) : undefined,
    config.transcripts === 'astra-core' && config.core
      ? checkAstraCore(config.core, { timeoutMs: options.requestTimeoutMs })
      : undefined,
    checkActas(plan.sessions.flatMap((s) => (s.actaPath ? [s.actaPath] : []))),
    checkMediaUrls(
      plan.sessions.map((s) => s.videoUrl),
      (url, signal) => probe.check(url, signal),
      { concurrency: options.urlConcurrency, budgetMs: options.mediaBudgetMs },
    ).finally(() => probe.close()),
  ]);

  const errors: RowError[] = [...plan.errors];
  const checks: DryRunCheck[] = [];
  const notChecked: string[] = [];

  if (tools.ok) {
    const versions = `yt-dlp ${tools.versions.ytDlp}, ffmpeg ${tools.versions.ffmpeg}, ffprobe ${tools.versions.ffprobe}`;
    checks.push({ check: 'tools', status: 'ok', detail: versions });
    for (const warning of tools.warnings) checks.push({ check: 'tools', status: 'warning', detail: warning.message });
  } else {
    checks.push({ check: 'tools', status: 'failed', detail: tools.error.message });
    errors.push({ line: 0, reason: `tools: ${tools.error.message}` });
  }

  if (!stored) {
    checks.push({
      check: 'storage',
      status: 'skipped',
      detail: `no valid session to write a probe for in ${storage.uri}`,
    });
  } else if (stored.ok) {
    checks.push({
      check: 'storage',
      status: 'ok',
      detail: `wrote and deleted a probe object under ${tenants.map((t) => `mining/${t}/`).join(', ')} in ${storage.uri}`,
    });
  } else {
    checks.push({ check: 'storage', status: 'failed', detail: stored.reason });
    errors.push({ line: 0, reason: `storage: ${stored.reason}` });
  }

  if (!core) {
    checks.push({ check: 'astra-core', status: 'skipped', detail: `not used (transcripts: ${config.transcripts})` });
  } else if (core.ok) {
    checks.push({ check: 'astra-core', status: 'ok', detail: core.detail });
  } else {
    checks.push({ check: 'astra-core', status: 'failed', detail: core.reason });
    errors.push({ line: 0, reason: `astra-core: ${core.reason}` });
  }
  if (config.transcripts === 'captions') {
    notChecked.push('whether each video has captions (known only once yt-dlp fetches them)');
  }

  const sessions: PlannedSession[] = [];
  for (const session of plan.sessions) {
    const actaProblem = session.actaPath ? actas.get(session.actaPath) : undefined;
    const mediaCheck: MediaCheck = media.get(session.videoUrl) ?? { status: 'not_checked', reason: 'not run' };
    if (actaProblem) errors.push({ line: session.line, reason: `acta_path: ${actaProblem}` });
    if (mediaCheck.status === 'failed') errors.push({ line: session.line, reason: `video_url: ${mediaCheck.reason}` });
    if (actaProblem || mediaCheck.status === 'failed') continue;
    sessions.push({
      line: session.line,
      tenantId: session.tenantId,
      id: session.id,
      videoUrl: redactUrl(session.videoUrl),
      actaPath: session.actaPath ?? null,
      media: mediaCheck.status,
    });
  }

  const results = [...media.values()];
  const failedUrls = results.filter((r) => r.status === 'failed').length;
  const skippedUrls = results.filter((r) => r.status === 'not_checked');
  checks.push({
    check: 'media',
    status: failedUrls > 0 ? 'failed' : skippedUrls.length > 0 ? 'warning' : 'ok',
    detail: `${results.length} distinct URL(s): ${results.length - failedUrls - skippedUrls.length} answer, ${failedUrls} do not, ${skippedUrls.length} not checked`,
  });
  for (const reason of new Set(skippedUrls.map((r) => (r.status === 'not_checked' ? r.reason : '')))) {
    notChecked.push(`media URLs: ${reason}`);
  }
  const badActas = [...actas.values()].filter((r) => r !== undefined).length;
  checks.push({
    check: 'actas',
    status: badActas > 0 ? 'failed' : 'ok',
    detail: `${actas.size} distinct file(s) parsed, ${badActas} unreadable`,
  });

  errors.sort((a, b) => a.line - b.line);
  return { storage: storage.uri, sessions, errors, checks, notChecked };
}

/** The plan as a person reads it. */
export function formatDryRun(report: DryRunReport): string {
  const runErrors = report.errors.filter((e) => e.line === 0);
  const rowErrors = report.errors.filter((e) => e.line !== 0);
  return [
    `Plan: ${report.sessions.length} session(s) ready, ${rowErrors.length} row error(s), ${runErrors.length} run error(s); storage ${report.storage}`,
    'Checked:',
    ...report.checks.map((c) => `  ${c.status.padEnd(8)} ${c.check.padEnd(10)} ${c.detail}`),
    ...(report.notChecked.length > 0 ? ['Not checked:', ...report.notChecked.map((n) => `  ${n}`)] : []),
    'Sessions:',
    ...report.sessions.map(
      (s) =>
        `  line ${s.line}: ${s.tenantId}/${s.id} ${s.videoUrl}${s.actaPath ? ` + ${s.actaPath}` : ''}${s.media === 'not_checked' ? ' (media not checked)' : ''}`,
    ),
    ...rowErrors.map((e) => `  line ${e.line}: ERROR ${e.reason}`),
    ...runErrors.map((e) => `ERROR ${e.reason}`),
  ].join('\n');
}
