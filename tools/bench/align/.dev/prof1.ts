import { alignSession } from '@astra/aligner';
import { readFileSync } from 'node:fs';
const { transcript, acta } = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const runs = Number(process.argv[3] ?? 1);
for (let k = 0; k < runs; k++) {
  const t0 = performance.now();
  const r = alignSession(transcript, acta);
  console.log('align ms', (performance.now() - t0).toFixed(0), r.kept.length, 'rss MB', (process.resourceUsage().maxRSS / 1024).toFixed(0));
}
