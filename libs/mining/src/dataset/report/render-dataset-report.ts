import { createHash } from 'node:crypto';
import { SPLIT_NAMES } from '../dataset-model';
import { diffWords } from './diff-words';
import { escapeHtml } from './escape-html';
import { formatClock, formatDuration, formatNumber, formatPercent } from './format-figures';
import { renderBarChart, renderMeter } from './render-bar-chart';
import type { DatasetReport, ReportBucket, ReportSegment, ReportSession } from './report-model';
import { REPORT_SCRIPT } from './report-script';
import { REPORT_STYLE } from './report-style';
import { resolveAudioSource, type AudioSource } from './resolve-audio-source';

export type RenderDatasetReportOptions = {
  /**
   * Where the page will live (`file:///…/report.html`, `s3://…`): local audio is then addressed relative to it.
   * Without it, local audio gets absolute `file://` URLs.
   */
  reportUrl?: string;
};

/** How the source records name the tools, and how people do. */
const TOOL_NAMES: Record<string, string> = { ytDlp: 'yt-dlp' };

/** The script's hash: the page's Content-Security-Policy runs this script and nothing else. */
const SCRIPT_HASH = `sha256-${createHash('sha256').update(REPORT_SCRIPT).digest('base64')}`;
const CSP = [
  "default-src 'none'",
  `script-src '${SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  'media-src * file: data: blob:',
].join('; ');

/**
 * The dataset report (architecture §3 `report.html`): one self-contained page that answers "which sessions gave
 * what, how good, and can I listen to the worst ones". No external asset; every text from documents, ASR or
 * storage is escaped; the only script is inline and pinned by the page's Content-Security-Policy.
 */
export function renderDatasetReport(report: DatasetReport, options: RenderDatasetReportOptions = {}): string {
  const { summary } = report;
  const titles = new Map(report.sessions.map((s) => [s.sessionId, s.title]));
  const audio = report.segments.map((segment) =>
    resolveAudioSource(segment.audio.filepath, segment.audio.offset, segment.duration, options.reportUrl),
  );
  const title = `${summary.tenantId} / ${summary.name}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dataset ${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head><body>
<h1>Dataset ${escapeHtml(summary.name)} — tenant ${escapeHtml(summary.tenantId)}</h1>
${renderLede(report)}
${renderNotices(report, audio)}
<h2 id="splits">Splits</h2>
${renderSplits(report)}
<h2 id="sessions">Sessions</h2>
${renderSessions(report.sessions)}
<h2 id="quality">Quality</h2>
${renderQuality(report)}
<h2 id="segments-title">Segments</h2>
${renderSegments(report, audio, titles)}
<h2 id="provenance">Provenance</h2>
${renderProvenance(report)}
<script>${REPORT_SCRIPT}</script>
</body></html>
`;
}

function totals(sessions: readonly ReportSession[]) {
  const known = sessions.filter((s) => s.audioSec !== undefined);
  const keptSec = sum(sessions.map((s) => s.keptSec));
  const weightedCer = sum(sessions.map((s) => (s.meanCer ?? 0) * s.keptSec));
  return {
    audioSec: sum(known.map((s) => s.audioSec ?? 0)),
    keptOfKnownSec: sum(known.map((s) => s.keptSec)),
    allKnown: known.length === sessions.length,
    keptSec,
    kept: sum(sessions.map((s) => s.kept)),
    rejected: sum(sessions.map((s) => s.rejected)),
    rejectedSec: sum(sessions.map((s) => s.rejectedSec)),
    meanCer: keptSec > 0 ? weightedCer / keptSec : undefined,
  };
}

function renderLede(report: DatasetReport): string {
  const t = totals(report.sessions);
  const share =
    t.audioSec > 0
      ? ` of ${formatDuration(t.audioSec)} of audio (${formatPercent(t.keptOfKnownSec, t.audioSec)}${t.allKnown ? '' : ', sessions of known length'})`
      : '';
  const reasons = Object.entries(report.summary.rejected.byReason).sort(([, a], [, b]) => b - a);
  const top = reasons[0] ? `, mostly ${escapeHtml(reasons[0][0])} (${reasons[0][1]})` : '';
  return (
    `<p class="lede">${report.summary.sessions} session(s) gave <strong>${formatDuration(t.keptSec)}</strong> of kept speech${share} in ${t.kept} segments` +
    `${t.meanCer === undefined ? '' : `, mean CER ${t.meanCer.toFixed(3)}`}; ${t.rejected} segments (${formatDuration(t.rejectedSec)}) were rejected${top}.` +
    ` <span class="muted">Built ${escapeHtml(report.provenance.builtAt)}.</span></p>`
  );
}

function renderNotices(report: DatasetReport, audio: readonly AudioSource[]): string {
  const notices: string[] = [];
  const s3 = audio.find(
    (a): a is Extract<AudioSource, { kind: 'unplayable' }> => a.kind === 'unplayable' && a.reason === 's3',
  );
  if (s3) {
    notices.push(
      `The audio is in S3 (<code>${escapeHtml(s3.location.replace(/[^/]+$/, ''))}…</code>): a browser cannot play <code>s3://</code> addresses, so the segment table shows where each segment is instead of a player. ` +
        'To listen, write a local copy with <code>--out DIR --cut</code> (one WAV per kept segment next to that copy of this report; rejected segments are not cut).',
    );
  }
  if (audio.some((a) => a.kind === 'unplayable' && a.reason === 'unsupported')) {
    notices.push(
      'Some segments point at audio this page cannot address (neither a local file nor http): they have no player.',
    );
  }
  const unknown = report.sessions.filter((s) => s.audioSec === undefined).length;
  if (unknown > 0) {
    notices.push(
      `${unknown} session(s) have no source record (<code>{uuid}.source.json</code>): their audio length and kept share are unknown.`,
    );
  }
  if (!report.provenance.align) {
    notices.push(
      'The alignment settings (thresholds, label style) these segments were made with are unknown: see Provenance.',
    );
  }
  return notices.map((text) => `<p class="notice">${text}</p>`).join('\n');
}

function renderSplits(report: DatasetReport): string {
  const { summary, provenance } = report;
  const rows = SPLIT_NAMES.map((split) => {
    const s = summary.splits[split];
    return `<tr><td>${split}</td><td class="n">${s.sessions}</td><td class="n">${s.segments}</td><td class="n">${formatDuration(s.hours * 3600)}</td></tr>`;
  }).join('\n');
  const shares: Record<string, number> = { dev: provenance.devShare, test: provenance.testShare };
  const messages = SPLIT_NAMES.flatMap((split) => {
    const s = summary.splits[split];
    if (s.sessions === 0) {
      if (split === 'train')
        return [
          `<p class="notice" data-empty-split="train"><strong>train is empty</strong>: there is nothing to train on.</p>`,
        ];
      return [
        `<p class="notice" data-empty-split="${split}"><strong>${split} is empty</strong>: no session landed in it. Sessions go to a split by a hash of their id (${split} share ${formatPercent(shares[split] ?? 0, 1)}); with ${summary.sessions} session(s) that can leave ${split} empty. Add sessions before relying on ${split}.</p>`,
      ];
    }
    if (s.segments === 0) {
      return [
        `<p class="notice" data-empty-split="${split}"><strong>${split} has no segment</strong>: its ${s.sessions} session(s) kept nothing.</p>`,
      ];
    }
    return [];
  });
  return `<table><thead><tr><th>split</th><th class="n">sessions</th><th class="n">segments</th><th class="n">duration</th></tr></thead>
<tbody>${rows}</tbody></table>
${messages.join('\n')}`;
}

function reasonsText(byReason: Record<string, number>): string {
  const entries = Object.entries(byReason).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '—' : entries.map(([reason, n]) => `${escapeHtml(reason)} ${n}`).join(', ');
}

function sessionName(session: { sessionId: string; title?: string }): string {
  const id = `<code title="${escapeHtml(session.sessionId)}">${escapeHtml(session.sessionId.slice(0, 8))}</code>`;
  return session.title ? `${escapeHtml(session.title)}<br>${id}` : id;
}

function renderSessions(sessions: readonly ReportSession[]): string {
  if (sessions.length === 0) return '<p class="notice">No session: the dataset is empty.</p>';
  const num = (value: number | undefined, text: string) =>
    `<td class="n" data-v="${value === undefined ? '' : formatNumber(value)}">${text}</td>`;
  // Lowest yield first: the sessions to look at come first.
  const ordered = [...sessions].sort((a, b) => keptShare(a) - keptShare(b) || a.sessionId.localeCompare(b.sessionId));
  const rows = ordered
    .map((s) => {
      const share = s.audioSec === undefined || s.audioSec <= 0 ? undefined : s.keptSec / s.audioSec;
      return (
        `<tr data-session="${escapeHtml(s.sessionId)}"><td data-v="${escapeHtml(s.title ?? s.sessionId)}">${sessionName(s)}</td><td>${s.split}</td>` +
        `<td>${escapeHtml(s.transcriptProvider ?? 'unknown')}</td>` +
        num(s.audioSec, s.audioSec === undefined ? 'unknown' : formatDuration(s.audioSec)) +
        num(s.keptSec, formatDuration(s.keptSec)) +
        num(
          share,
          `${share === undefined ? 'unknown' : formatPercent(s.keptSec, s.audioSec ?? 0)} ${renderMeter(share)}`,
        ) +
        num(s.kept, String(s.kept)) +
        num(s.rejected, String(s.rejected)) +
        `<td>${reasonsText(s.rejectedByReason)}</td>` +
        num(s.meanCer, s.meanCer === undefined ? '–' : s.meanCer.toFixed(3)) +
        `<td>${s.notes.length === 0 ? '—' : s.notes.map(escapeHtml).join('<br>')}</td></tr>`
      );
    })
    .join('\n');
  const t = totals(sessions);
  const byReason: Record<string, number> = {};
  for (const s of sessions)
    for (const [reason, n] of Object.entries(s.rejectedByReason)) byReason[reason] = (byReason[reason] ?? 0) + n;
  return `<p class="muted">Lowest kept share first; click a column to sort. Kept share = kept speech / session audio.</p>
<table class="sortable" id="session-table"><thead><tr><th data-sort="text">session</th><th data-sort="text">split</th><th data-sort="text">transcript</th>
<th class="n" data-sort="num">audio</th><th class="n" data-sort="num">kept</th><th class="n" data-sort="num">kept share</th>
<th class="n" data-sort="num">kept segments</th><th class="n" data-sort="num">rejected segments</th><th>rejections by reason</th>
<th class="n" data-sort="num">mean CER</th><th>notes</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td>${sessions.length} sessions</td><td></td><td></td><td class="n">${t.allKnown ? formatDuration(t.audioSec) : `≥ ${formatDuration(t.audioSec)}`}</td>
<td class="n">${formatDuration(t.keptSec)}</td><td class="n">${t.audioSec > 0 ? formatPercent(t.keptOfKnownSec, t.audioSec) : 'unknown'}</td>
<td class="n">${t.kept}</td><td class="n">${t.rejected}</td><td>${reasonsText(byReason)}</td>
<td class="n">${t.meanCer === undefined ? '–' : t.meanCer.toFixed(3)}</td><td></td></tr></tfoot>
</table>`;
}

function keptShare(s: ReportSession): number {
  return s.audioSec === undefined || s.audioSec <= 0 ? Number.POSITIVE_INFINITY : s.keptSec / s.audioSec;
}

function bucketTable(caption: string, buckets: readonly ReportBucket[]): string {
  const rows = buckets
    .map(
      (b) =>
        `<tr><td>${escapeHtml(b.label)}</td><td class="n">${formatDuration(b.keptSec)}</td><td class="n">${b.kept}</td>` +
        `<td class="n">${formatDuration(b.rejectedSec)}</td><td class="n">${b.rejected}</td></tr>`,
    )
    .join('\n');
  return `<table><thead><tr><th>${escapeHtml(caption)}</th><th class="n">kept</th><th class="n">kept segments</th><th class="n">rejected</th><th class="n">rejected segments</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

function renderQuality(report: DatasetReport): string {
  const series = [
    { name: 'kept', className: 'kept' },
    { name: 'rejected', className: 'rejected' },
  ];
  const chartRows = (buckets: readonly ReportBucket[]) =>
    buckets.map((b) => ({
      label: b.label,
      values: [b.keptSec, b.rejectedSec],
      note: [
        b.keptSec > 0 ? `${formatDuration(b.keptSec)} kept` : '',
        b.rejectedSec > 0 ? `${formatDuration(b.rejectedSec)} rejected` : '',
      ]
        .filter(Boolean)
        .join(', '),
    }));
  const reasons = Object.entries(report.summary.rejected.byReason).sort(([, a], [, b]) => b - a);
  const rejections =
    reasons.length === 0
      ? '<p class="notice ok" id="no-rejections">No segment was rejected.</p>'
      : `<table><thead><tr><th>reason</th><th class="n">segments</th></tr></thead><tbody>${reasons
          .map(([reason, n]) => `<tr><td>${escapeHtml(reason)}</td><td class="n">${n}</td></tr>`)
          .join('')}</tbody></table>`;
  return `<h3>Speech per CER bucket</h3>
<p class="muted">CER of the label against what the ASR heard in the span (0 = identical). Rejected speech is shown for comparison: it is not in train/dev/test.</p>
${renderBarChart('Kept and rejected speech per CER bucket', series, chartRows(report.cerBuckets))}
${bucketTable('CER', report.cerBuckets)}
<h3>Segment durations</h3>
${renderBarChart('Kept and rejected speech per segment duration', series, chartRows(report.durationBuckets))}
<h3>Rejections by reason</h3>
${rejections}`;
}

function renderSegments(
  report: DatasetReport,
  audio: readonly AudioSource[],
  titles: ReadonlyMap<string, string | undefined>,
): string {
  const { selection } = report;
  if (report.segments.length === 0) return '<p class="notice">No segment, kept or rejected: nothing to listen to.</p>';
  const keptPart =
    selection.totalKept <= selection.worst + selection.sample
      ? `all ${selection.totalKept} kept segments`
      : `the ${selection.worst} kept segments with the highest CER, ${selection.sample} of the other ${selection.totalKept - selection.worst} kept ones picked at random (the same pick on every build)`;
  const rejectedPart =
    selection.totalRejected === 0
      ? 'no rejected segment (there is none)'
      : selection.rejected === selection.totalRejected
        ? `all ${selection.totalRejected} rejected ones`
        : `${selection.rejected} of the ${selection.totalRejected} rejected ones, a few per reason`;
  const rows = report.segments
    .map((segment, i) => renderSegmentRow(segment, audio[i], titles.get(segment.sessionId)))
    .join('\n');
  return `<p>The table holds ${report.segments.length} of ${selection.totalKept + selection.totalRejected} segments: ${keptPart}, and ${rejectedPart}.
Kept segments come first, highest CER first. The complete lists are <code>train.jsonl</code>, <code>dev.jsonl</code>, <code>test.jsonl</code> and <code>rejected.jsonl</code>.
In the diff, <del>struck words</del> are in the label but were not heard, <ins>green words</ins> were heard but are not in the label.</p>
<div class="filters">
<label>Filter <input id="segment-filter" type="search" placeholder="words, session, reason"></label>
<label>Status <select id="segment-status"><option value="all">all</option><option value="kept">kept</option><option value="train">train</option><option value="dev">dev</option><option value="test">test</option><option value="rejected">rejected</option></select></label>
<label>CER ≥ <input id="segment-min-cer" type="number" min="0" step="0.05" size="5"></label>
<span id="segment-count" class="muted"></span>
</div>
<table class="sortable" id="segments"><thead><tr><th class="n" data-sort="num">CER</th><th class="n" data-sort="num">score</th>
<th class="n" data-sort="num">duration</th><th data-sort="text">status</th><th data-sort="text">session</th><th class="n" data-sort="num">at</th>
<th>label vs ASR</th><th>listen</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

function renderSegmentRow(segment: ReportSegment, audio: AudioSource | undefined, title: string | undefined): string {
  const status =
    segment.status === 'rejected'
      ? `<span class="tag rejected">rejected</span> ${escapeHtml(segment.reason ?? '')}`
      : `<span class="tag">${segment.status}</span>${segment.pick === 'sample' ? ' <span class="muted">sample</span>' : ''}`;
  const speaker = segment.speaker ? `<br><span class="muted">${escapeHtml(segment.speaker)}</span>` : '';
  return (
    `<tr data-status="${segment.status}" data-cer="${formatNumber(segment.cer)}">` +
    `<td class="n" data-v="${formatNumber(segment.cer)}">${segment.cer.toFixed(3)}</td>` +
    `<td class="n" data-v="${formatNumber(segment.score)}">${segment.score.toFixed(2)}</td>` +
    `<td class="n" data-v="${formatNumber(segment.duration)}">${segment.duration.toFixed(1)} s</td>` +
    `<td data-v="${segment.status} ${escapeHtml(segment.reason ?? '')}">${status}</td>` +
    `<td data-v="${escapeHtml(title ?? segment.sessionId)}">${sessionName({ sessionId: segment.sessionId, ...(title ? { title } : {}) })}${speaker}</td>` +
    `<td class="n" data-v="${formatNumber(segment.offset)}">${formatClock(segment.offset)}</td>` +
    `<td class="diff">${renderDiff(segment.text, segment.asrText)}<details><summary>texts</summary>` +
    `<p><b>Label</b> ${escapeHtml(segment.text)}</p><p><b>ASR</b> ${escapeHtml(segment.asrText)}</p>` +
    `<p><b>Acta</b> ${escapeHtml(segment.textOriginal)}</p></details></td>` +
    `<td>${renderPlayer(audio)}</td></tr>`
  );
}

function renderDiff(label: string, asr: string): string {
  const parts = diffWords(label, asr);
  if (parts === undefined) return `<span class="muted">(too long to diff)</span> ${escapeHtml(label)}`;
  return parts
    .map((part) => {
      const text = escapeHtml(part.text);
      if (part.kind === 'label') return `<del>${text}</del>`;
      if (part.kind === 'asr') return `<ins>${text}</ins>`;
      return text;
    })
    .join(' ');
}

function renderPlayer(audio: AudioSource | undefined): string {
  if (!audio) return '';
  if (audio.kind === 'playable') return `<audio controls preload="none" src="${escapeHtml(audio.src)}"></audio>`;
  const why = audio.reason === 's3' ? 'S3: not playable in a browser' : 'not addressable from this page';
  return `<span class="muted unplayable">${why}</span><br><code>${escapeHtml(audio.location)}</code>`;
}

function renderProvenance(report: DatasetReport): string {
  const p = report.provenance;
  const align = p.align;
  const alignText = align
    ? `segments ${formatNumber(align.minDurationSec)}–${formatNumber(align.maxDurationSec)} s, max CER ${formatNumber(align.maxCer)}, min score ${formatNumber(align.minScore)}, min coverage ${formatNumber(align.minCoverage)}, summarised fragments: ${escapeHtml(align.summaryPolicy)}, speaker mismatch: ${escapeHtml(align.speakerMismatch)}`
    : 'unknown: the dataset was built from segments aligned earlier (e.g. by <code>build</code>), whose settings were not recorded';
  const tools = Object.entries(p.tools).sort(([a], [b]) => a.localeCompare(b));
  const toolsText =
    tools.length === 0
      ? 'unknown (no source records)'
      : tools
          .map(
            ([tool, versions]) =>
              `${escapeHtml(TOOL_NAMES[tool] ?? tool)} ${Object.entries(versions)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([version, n]) => `${escapeHtml(version)} (${n} session${n === 1 ? '' : 's'})`)
                .join(', ')}`,
          )
          .join('<br>');
  const packages = Object.entries(p.packages)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, version]) => `${escapeHtml(name)} ${escapeHtml(version)}`)
    .join(', ');
  return `<dl class="facts" id="provenance-facts">
<dt>built</dt><dd>${escapeHtml(p.builtAt)}</dd>
<dt>dataset</dt><dd>${escapeHtml(report.summary.tenantId)} / ${escapeHtml(report.summary.name)} in <code>${escapeHtml(p.storageUri)}</code></dd>
<dt>splits</dt><dd>by session (a hash of its id): dev ${formatPercent(p.devShare, 1)}, test ${formatPercent(p.testShare, 1)}, train the rest</dd>
<dt>alignment</dt><dd data-known="${align ? 'yes' : 'no'}">${alignText}</dd>
<dt>label style</dt><dd>${align ? escapeHtml(align.labelStyle) : 'unknown'}</dd>
<dt>audio tools</dt><dd>${toolsText}</dd>
<dt>packages</dt><dd>${packages || 'unknown'}</dd>
</dl>`;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
