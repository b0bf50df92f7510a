import cliTruncate from 'cli-truncate';
import type { SessionStage, StageProgress } from '@astra/mining';

/** What the live view knows of one running session. */
export type ActiveSession = {
  label: string;
  stage: SessionStage;
  state: StageProgress['state'];
  percent?: number;
  speedBps?: number;
  detail?: string;
  startedAtMs: number;
};

export type LiveViewState = {
  total: number;
  ok: number;
  failed: number;
  startedAtMs: number;
  /** Running sessions, oldest first. */
  active: readonly ActiveSession[];
};

export type Screen = { columns: number; rows: number; nowMs: number };

/**
 * The live block: one header line (done/failed/total, elapsed, ETA) and one line per running session, never
 * wider than the terminal (a wrapped line breaks the redraw) nor taller than it minus one line (a block that
 * scrolls leaves copies of itself in the scrollback).
 */
export function renderLiveView(state: LiveViewState, screen: Screen): string[] {
  const width = Math.max(1, (screen.columns || 80) - 1);
  const maxLines = Math.max(1, (screen.rows || 24) - 1);
  const lines = [header(state, screen.nowMs)];
  const room = maxLines - 1;
  const shown = state.active.length <= room ? state.active : state.active.slice(0, Math.max(0, room - 1));
  const labelWidth = Math.min(32, Math.max(0, ...shown.map((s) => s.label.length)));
  for (const session of shown) lines.push(sessionLine(session, labelWidth, screen.nowMs));
  const hidden = state.active.length - shown.length;
  if (hidden > 0 && room > 0) lines.push(`  … and ${hidden} more running`);
  return lines.map((line) => cliTruncate(line, width));
}

/** The permanent line a session leaves above the live block when it ends. */
export function finishedLine(
  outcome: { label: string; startedAtMs: number } & (
    | { status: 'ok'; kept: number; rejected: number; ran: readonly string[] }
    | { status: 'failed'; stage: string; reason: string }
  ),
  nowMs: number,
): string {
  const took = `(${formatClock(nowMs - outcome.startedAtMs)})`;
  if (outcome.status === 'ok') {
    const work = outcome.ran.length > 0 ? `ran ${outcome.ran.join(', ')}` : 'all stages found in storage';
    return `ok      ${outcome.label}  ${outcome.kept} kept, ${outcome.rejected} rejected; ${work} ${took}`;
  }
  const reason = outcome.reason.length > 300 ? `${outcome.reason.slice(0, 300)}…` : outcome.reason;
  return `FAILED  ${outcome.label}  at ${outcome.stage}: ${reason} ${took}`;
}

function header(state: LiveViewState, nowMs: number): string {
  const finished = state.ok + state.failed;
  const elapsedMs = nowMs - state.startedAtMs;
  // Throughput so far (sessions finished per elapsed time) already accounts for concurrency.
  const eta =
    finished === 0
      ? '--:--'
      : finished >= state.total
        ? '0:00'
        : formatClock((elapsedMs / finished) * (state.total - finished));
  return (
    `mine ${finished}/${state.total} done (${state.ok} ok, ${state.failed} failed), ${state.active.length} running` +
    ` | elapsed ${formatClock(elapsedMs)} | ETA ${eta}`
  );
}

function sessionLine(session: ActiveSession, labelWidth: number, nowMs: number): string {
  return `  ${session.label.padEnd(labelWidth)}  ${session.stage.padEnd(10)} ${describeState(session)}  ${formatClock(nowMs - session.startedAtMs)}`;
}

function describeState(session: ActiveSession): string {
  switch (session.state) {
    case 'start':
      return 'started';
    case 'skip':
      return 'found in storage';
    case 'done':
      return session.detail ? `done (${session.detail})` : 'done';
    case 'progress': {
      const parts = [
        session.percent !== undefined ? `${session.percent.toFixed(0).padStart(3)}%` : undefined,
        session.speedBps !== undefined ? formatRate(session.speedBps) : undefined,
        session.detail,
      ].filter((part) => part !== undefined);
      return parts.length > 0 ? parts.join('  ') : 'working';
    }
  }
}

/** `0:07`, `12:34`, `1:02:03`. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** `812 B/s`, `1.3 MB/s` (decimal units, as download tools print them). */
export function formatRate(bytesPerSecond: number): string {
  const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
  let value = Math.max(0, bytesPerSecond);
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 || value >= 100 ? 0 : 1)} ${units[unit]}`;
}
