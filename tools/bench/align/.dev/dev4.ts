import { alignSession } from '@astra/aligner';
import { generateSession } from '../generate-session';
const s = generateSession({ seed: 7, profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 5000) });
const r = alignSession(s.transcript, s.acta);
const W = s.transcript.words;
let shown = 0;
for (const k of r.kept) {
  for (const [side, t] of [['start', k.offset], ['end', k.offset + k.duration]] as const) {
    const w = s.truth.find((x) => x.start + 0.01 < t && t < x.end - 0.01);
    if (!w || shown++ > Number(process.argv[4] ?? 10)) continue;
    const near = W.filter((x) => Math.abs(x.start - t) < 1.2).map((x) => `${x.text}[${x.start.toFixed(2)}-${x.end.toFixed(2)}]`).join(' ');
    const tn = s.truth.filter((x) => Math.abs(x.start - t) < 1.2).map((x) => `${x.text}${x.alignable ? '' : '*'}[${x.start.toFixed(2)}-${x.end.toFixed(2)}]`).join(' ');
    console.log(`${side} cut at ${t.toFixed(3)} inside "${w.text}" [${w.start}-${w.end}] label="${side === 'start' ? k.text.slice(0, 40) : k.text.slice(-40)}"\n   asr: ${near}\n   true: ${tn}`);
  }
}
