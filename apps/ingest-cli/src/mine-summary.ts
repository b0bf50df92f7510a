import cliTruncate from 'cli-truncate';
import type { SessionOutcome, SessionPlan, WrittenDataset } from '@astra/mining';

export type MineSummary = {
  ok: number;
  failed: number;
  rowErrors: SessionPlan['errors'];
  audioHours: number;
  keptHours: number;
  segmentsKept: number;
  segmentsRejected: number;
  sessions: Array<{
    line: number;
    tenantId: string;
    id: string;
    status: 'ok' | 'failed';
    stage?: string;
    reason?: string;
    code?: string;
    audioSec?: number;
    keptSec?: number;
    kept?: number;
    rejected?: number;
    ran?: string[];
  }>;
  datasets: Array<WrittenDataset & { tenantId: string; name: string; segments: number }>;
};

export function summariseOutcomes(
  plan: SessionPlan,
  outcomes: readonly SessionOutcome[],
  datasets: MineSummary['datasets'],
): MineSummary {
  const ok = outcomes.filter((o) => o.status === 'ok');
  return {
    ok: ok.length,
    failed: outcomes.length - ok.length,
    rowErrors: plan.errors,
    audioHours: ok.reduce((sum, o) => sum + o.audioSec, 0) / 3600,
    keptHours: ok.reduce((sum, o) => sum + o.keptSec, 0) / 3600,
    segmentsKept: ok.reduce((sum, o) => sum + o.kept, 0),
    segmentsRejected: ok.reduce((sum, o) => sum + o.rejected, 0),
    sessions: outcomes.map((o) =>
      o.status === 'ok'
        ? {
            line: o.session.line,
            tenantId: o.session.tenantId,
            id: o.session.id,
            status: o.status,
            audioSec: o.audioSec,
            keptSec: o.keptSec,
            kept: o.kept,
            rejected: o.rejected,
            ran: o.ran,
          }
        : {
            line: o.session.line,
            tenantId: o.session.tenantId,
            id: o.session.id,
            status: o.status,
            stage: o.failure.stage,
            reason: o.failure.message,
            code: o.failure.code,
          },
    ),
    datasets,
  };
}

/**
 * The closing table a person reads after `mine`. With `width` (a terminal) each row is cut to fit, so the table
 * stays a table; the full reasons are in the lines printed while the run went on and in `--json`.
 */
export function formatMineSummary(summary: MineSummary, options: { width?: number } = {}): string {
  const rows = summary.sessions.map((s) => [
    String(s.line),
    s.tenantId,
    s.id.slice(0, 8),
    s.status === 'ok' ? 'ok' : `FAILED (${s.stage})`,
    s.audioSec !== undefined ? (s.audioSec / 60).toFixed(1) : '-',
    s.keptSec !== undefined ? (s.keptSec / 60).toFixed(1) : '-',
    s.kept !== undefined ? `${s.kept}/${s.rejected}` : '-',
    s.status === 'ok' ? (s.ran?.length ? `ran ${s.ran.join(',')}` : '') : (s.reason ?? ''),
  ]);
  rows.push(...summary.rowErrors.map((e) => [String(e.line), '-', '-', 'BAD ROW', '-', '-', '-', e.reason]));
  rows.sort((a, b) => Number(a[0]) - Number(b[0]));
  const header = ['line', 'tenant', 'session', 'status', 'audio min', 'kept min', 'kept/rej', 'notes'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ');
  const fit = (line: string) => (options.width ? cliTruncate(line, Math.max(20, options.width - 1)) : line);
  return [
    fit(format(header)),
    ...rows.map((row) => fit(format(row))),
    '',
    `sessions: ${summary.ok} ok, ${summary.failed} failed, ${summary.rowErrors.length} bad rows`,
    `audio: ${summary.audioHours.toFixed(3)} h, kept: ${summary.keptHours.toFixed(3)} h; segments kept ${summary.segmentsKept}, rejected ${summary.segmentsRejected}`,
    ...summary.datasets.map(
      (d) => `dataset ${d.tenantId}/${d.name}: ${d.segments} segments → ${d.outDir ?? d.storageKeys[0]}`,
    ),
  ].join('\n');
}
