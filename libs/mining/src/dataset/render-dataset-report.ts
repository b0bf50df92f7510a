import type { ManifestLine } from '@astra/aligner';
import type { DatasetSummary } from './build-dataset';

const CER_BUCKETS = [0.02, 0.05, 0.1, 0.15, 0.2, 1];
const DURATION_BUCKETS = [2, 5, 10, 15, 20, 30, Number.POSITIVE_INFINITY];

/** A self-contained HTML page (no scripts, no external assets) summarising a dataset for a human. */
export function renderDatasetReport(summary: DatasetSummary, kept: readonly ManifestLine[]): string {
  const rows = (['train', 'dev', 'test'] as const)
    .map((split) => {
      const s = summary.splits[split];
      return `<tr><td>${split}</td><td>${s.sessions}</td><td>${s.segments}</td><td>${s.hours.toFixed(3)}</td></tr>`;
    })
    .join('\n');
  const reasons = Object.entries(summary.rejected.byReason)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([reason, count]) => `<tr><td>${escapeHtml(reason)}</td><td>${count}</td></tr>`)
    .join('\n');
  const sample = kept
    .slice(0, 20)
    .map(
      (line) =>
        `<tr><td>${line.offset.toFixed(2)}</td><td>${line.duration.toFixed(2)}</td><td>${line.cer.toFixed(3)}</td>` +
        `<td>${escapeHtml(line.text)}</td><td>${escapeHtml(line.asr_text)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(summary.tenantId)} / ${escapeHtml(summary.name)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}th{background:#f4f4f4}.bar{background:#4a7;height:.8em;display:inline-block}</style>
</head><body>
<h1>Dataset ${escapeHtml(summary.name)} — tenant ${escapeHtml(summary.tenantId)}</h1>
<p>${summary.sessions} sessions. Rejected: ${summary.rejected.segments} segments (${summary.rejected.hours.toFixed(3)} h).</p>
<h2>Splits (by session)</h2>
<table><tr><th>split</th><th>sessions</th><th>segments</th><th>hours</th></tr>
${rows}
</table>
<h2>Kept segments by CER</h2>
${histogram(
  kept.map((line) => line.cer),
  CER_BUCKETS,
  (edge) => `≤ ${edge}`,
)}
<h2>Kept segments by duration (s)</h2>
${histogram(
  kept.map((line) => line.duration),
  DURATION_BUCKETS,
  (edge) => (Number.isFinite(edge) ? `≤ ${edge}` : 'longer'),
)}
<h2>Rejected by reason</h2>
<table><tr><th>reason</th><th>segments</th></tr>
${reasons}
</table>
<h2>First kept segments</h2>
<table><tr><th>offset</th><th>duration</th><th>CER</th><th>label</th><th>ASR</th></tr>
${sample}
</table>
</body></html>
`;
}

function histogram(values: readonly number[], edges: readonly number[], label: (edge: number) => string): string {
  const counts = edges.map(
    (edge, i) => values.filter((value) => value <= edge && (i === 0 || value > (edges[i - 1] ?? 0))).length,
  );
  const max = Math.max(1, ...counts);
  const rows = edges
    .map((edge, i) => {
      const count = counts[i] ?? 0;
      return `<tr><td>${escapeHtml(label(edge))}</td><td>${count}</td><td><span class="bar" style="width:${((count / max) * 20).toFixed(2)}em"></span></td></tr>`;
    })
    .join('\n');
  return `<table><tr><th>bucket</th><th>segments</th><th></th></tr>\n${rows}\n</table>`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}
