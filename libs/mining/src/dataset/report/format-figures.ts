/** A duration for people: `45.2 s`, `12.5 min`, `3.21 h` (tables sort on the raw seconds, not on this). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(2)} h`;
}

/** `12.3 %`; `–` when there is nothing to divide by. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return '–';
  return `${((part / whole) * 100).toFixed(1)} %`;
}

/** Numbers in attributes (`data-v`, media fragments): at most three decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}

/** A position in a recording: `m:ss.s`, or `h:mm:ss` from an hour on. */
export function formatClock(seconds: number): string {
  const tenths = Math.round(seconds * 10);
  const whole = Math.floor(tenths / 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  if (h > 0) return `${h}:${String(m).padStart(2, '0')}:${s}`;
  return `${m}:${s}.${tenths % 10}`;
}
