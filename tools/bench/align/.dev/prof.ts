import { alignSession } from '@astra/aligner';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: 7, profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 40000) });
for (let k = 0; k < 4; k++) {
  const t0 = performance.now();
  const r = alignSession(s.transcript, s.acta);
  console.log('align ms', (performance.now() - t0).toFixed(0), r.kept.length);
}
