import { alignSession } from '@astra/aligner';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: 7, profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 5000) });
const r = alignSession(s.transcript, s.acta);
const W = s.transcript.words;
for (const k of r.rejected.filter((x) => x.reason === (process.argv[4] ?? 'boundary_uncertain')).slice(0, Number(process.argv[5] ?? 12))) {
  const [a, b] = k.wordRange;
  const ctx = (i: number) => (W[i] ? `${W[i]!.text}[${W[i]!.start.toFixed(2)}-${W[i]!.end.toFixed(2)}]` : '-');
  console.log(`${k.reason} ${k.offset.toFixed(2)}+${k.duration.toFixed(2)} frag=${k.fragmentId}\n  label: ${k.text}\n  asr: ${k.asrText}\n  before: ${ctx(a - 2)} ${ctx(a - 1)} | first ${ctx(a)}  last ${ctx(b - 1)} | after: ${ctx(b)} ${ctx(b + 1)}`);
}
