/** The report's stylesheet, inlined: readable printed or on screen, no web fonts, nothing loaded. */
export const REPORT_STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em 2em;color:#1d1d1f;max-width:110em}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
.lede{font-size:1.05em;max-width:60em}.muted{color:#666}
.notice{border-left:4px solid #c80;background:#fff8e6;padding:.4em .8em;margin:.6em 0;max-width:70em}
.ok{border-left-color:#4a7;background:#eef8f0}
table{border-collapse:collapse;margin:.8em 0}
td,th{border:1px solid #d5d5d5;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f4f4f4}th[data-sort]{cursor:pointer;user-select:none;white-space:nowrap}
th[data-sort]::after{content:" ↕";color:#aaa}th[aria-sort=ascending]::after{content:" ↑";color:#000}
th[aria-sort=descending]::after{content:" ↓";color:#000}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td{font-weight:600;background:#fafafa}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em}dl.facts dt{font-weight:600}dl.facts dd{margin:0}
.chart{font:12px system-ui,sans-serif;display:block;margin:.6em 0}.chart .kept,.meter .kept{fill:#3f8f5f}
.chart .rejected{fill:#c96a5a}.meter .track{fill:#e6e6e6}
.filters{display:flex;gap:1em;align-items:center;flex-wrap:wrap;margin:.6em 0}
.diff{max-width:48em}.diff del{background:#fde2dd;color:#8a1f11;text-decoration:line-through}
.diff ins{background:#dff3e4;color:#145a2a;text-decoration:none}
details{margin-top:.3em}details p{margin:.2em 0}
audio{width:15em;height:2em}code{font-size:.95em}
.tag{display:inline-block;padding:0 .4em;border-radius:.6em;background:#eee;font-size:.85em}
.tag.rejected{background:#fde2dd}
`;
