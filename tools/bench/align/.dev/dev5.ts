import { alignSession, computeCer } from '@astra/aligner';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: Number(process.argv[4] ?? 7), profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 5000) });
const r = alignSession(s.transcript, s.acta);
let shown = 0;
for (const k of r.kept) {
  const said = s.truth.filter((w) => (w.start + w.end) / 2 >= k.offset && (w.start + w.end) / 2 <= k.offset + k.duration);
  const cer = computeCer(said.map((w) => w.text).join(' '), k.text);
  if (cer <= 0.1) continue;
  if (shown++ >= 8) break;
  const frag = s.acta.fragments.find((f) => f.id === k.fragmentId)!;
  console.log(`BAD cer=${cer.toFixed(3)} asrcer=${k.cer.toFixed(3)} ${k.offset.toFixed(2)}+${k.duration.toFixed(2)} ${k.fragmentId} verbatim=${frag.verbatim} kind=${frag.kind}\n  label: ${k.text}\n  truth: ${said.map((w) => w.text + (w.alignable ? '' : '*')).join(' ')}\n  asr:   ${k.asrText}`);
}
