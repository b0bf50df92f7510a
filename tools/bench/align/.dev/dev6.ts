import { alignSession, computeCer } from '@astra/aligner';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: Number(process.argv[4] ?? 7), profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 5000) });
const r = alignSession(s.transcript, s.acta);
let shown = 0;
for (const k of r.rejected.filter((x) => x.reason === (process.argv[5] ?? 'cer_above_max'))) {
  const said = s.truth.filter((w) => (w.start + w.end) / 2 >= k.offset && (w.start + w.end) / 2 <= k.offset + k.duration);
  const cer = computeCer(said.map((w) => w.text).join(' '), k.text);
  if (shown++ >= Number(process.argv[6] ?? 8)) break;
  console.log(`truthcer=${cer.toFixed(3)} asrcer=${k.cer.toFixed(3)} ${k.offset.toFixed(2)}+${k.duration.toFixed(2)}\n  label: ${k.text}\n  truth: ${said.map((w) => w.text + (w.alignable ? '' : '*')).join(' ')}\n  asr:   ${k.asrText}`);
}
