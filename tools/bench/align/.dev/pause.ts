import { alignSession } from '@astra/aligner';
import { generateSession } from '../generate-session';
import { scoreAlignment } from '../score-alignment';
const s = generateSession({ seed: 1, profile: (process.argv[2] ?? 'hard') as 'hard', targetWords: 40000 });
for (const minPauseSec of [0.15, 0.2, 0.3]) {
  const r = alignSession(s.transcript, s.acta, { minPauseSec });
  const sc = scoreAlignment(r.kept, s.truth);
  const deep = scoreAlignment(r.kept, s.truth, { toleranceSec: 0.05 });
  console.log(minPauseSec, sc.precision.toFixed(3), sc.recall.toFixed(3), 'cut>10ms', sc.cutWords, 'cut>50ms', deep.cutWords, 'segments', sc.segments);
}
