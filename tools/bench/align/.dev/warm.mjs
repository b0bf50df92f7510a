import { readFileSync } from 'node:fs';
import { alignSession } from '@astra/aligner';
const { transcript, acta } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (let k = 0; k < Number(process.argv[3] ?? 6); k++) {
  const c = process.cpuUsage(); const t0 = performance.now();
  const r = alignSession(transcript, acta);
  const u = process.cpuUsage(c);
  console.log('wall', (performance.now() - t0).toFixed(0), 'cpu', ((u.user + u.system) / 1000).toFixed(0), r.kept.length);
}
