import { escapeHtml } from './escape-html';
import { formatNumber } from './format-figures';

export type BarChartSeries = { name: string; className: string };
export type BarChartRow = { label: string; values: readonly number[]; note: string };

const LABEL_WIDTH = 90;
const BAR_WIDTH = 320;
const NOTE_WIDTH = 150;
const ROW_HEIGHT = 20;

/**
 * A small horizontal stacked bar chart as inline SVG (no script, no external asset): one row per bucket, one
 * stacked bar per series, the row's `note` (its figures as text) at the end.
 */
export function renderBarChart(title: string, series: readonly BarChartSeries[], rows: readonly BarChartRow[]): string {
  const max = Math.max(0, ...rows.map((row) => row.values.reduce((sum, v) => sum + v, 0)));
  const width = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH;
  const height = rows.length * ROW_HEIGHT + ROW_HEIGHT;
  const body = rows
    .map((row, i) => {
      const y = i * ROW_HEIGHT;
      let x = LABEL_WIDTH;
      const bars = row.values
        .map((value, s) => {
          const w = max > 0 ? (value / max) * BAR_WIDTH : 0;
          const rect = `<rect class="${escapeHtml(series[s]?.className ?? '')}" x="${formatNumber(x)}" y="${y + 3}" width="${formatNumber(w)}" height="${ROW_HEIGHT - 6}"><title>${escapeHtml(`${row.label}: ${series[s]?.name ?? ''}`)}</title></rect>`;
          x += w;
          return rect;
        })
        .join('');
      return (
        `<text x="${LABEL_WIDTH - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(row.label)}</text>${bars}` +
        `<text x="${formatNumber(x + 6)}" y="${y + 14}">${escapeHtml(row.note)}</text>`
      );
    })
    .join('\n');
  const legendY = rows.length * ROW_HEIGHT + 14;
  const legend = series
    .map(
      (s, i) =>
        `<rect class="${escapeHtml(s.className)}" x="${LABEL_WIDTH + i * 110}" y="${legendY - 10}" width="10" height="10"></rect>` +
        `<text x="${LABEL_WIDTH + i * 110 + 14}" y="${legendY}">${escapeHtml(s.name)}</text>`,
    )
    .join('');
  return (
    `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${escapeHtml(title)}</title>\n${body}\n${legend}</svg>`
  );
}

/** A one-bar gauge (kept share of a session's audio) for table cells; empty for an unknown share. */
export function renderMeter(fraction: number | undefined): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '';
  const w = Math.max(0, Math.min(1, fraction)) * 60;
  return `<svg class="meter" viewBox="0 0 60 8" width="60" height="8" aria-hidden="true"><rect class="track" width="60" height="8"></rect><rect class="kept" width="${formatNumber(w)}" height="8"></rect></svg>`;
}
