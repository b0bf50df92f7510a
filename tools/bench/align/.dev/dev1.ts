import { alignSession } from '@astra/aligner';
import { generateSession } from '../generate-session';
import { scoreAlignment } from '../score-alignment';
const profile = (process.argv[2] ?? 'typical') as 'typical';
const words = Number(process.argv[3] ?? 5000);
let t0 = performance.now();
const s = generateSession({ seed: Number(process.env.SEED ?? 7), profile, targetWords: words });
console.log('gen ms', (performance.now() - t0).toFixed(0), 'asr words', s.transcript.words.length, 'truth', s.truth.length, 'frags', s.acta.fragments.length, 'order', s.spokenOrder.join(','));
t0 = performance.now();
const r = alignSession(s.transcript, s.acta);
console.log('align ms', (performance.now() - t0).toFixed(0));
console.log(JSON.stringify(r.stats));
const sc = scoreAlignment(r.kept, s.truth);
console.log(sc);
if (process.argv[4]) {
  for (const k of r.kept.slice(0, Number(process.argv[4]))) console.log(k.offset.toFixed(2), k.duration.toFixed(2), k.cer.toFixed(3), '|', k.text, '|', k.asrText);
  for (const k of r.rejected.slice(0, Number(process.argv[4]))) console.log('R', k.reason, k.offset.toFixed(2), k.duration.toFixed(2), k.cer.toFixed(3), '|', k.text, '|', k.asrText);
}
// diagnostics: uncovered alignable words
{
  const good = r.kept.filter((k) => true);
  const inSeg = (segs: {offset:number;duration:number}[], t: number) => segs.find((x) => x.offset <= t && t <= x.offset + x.duration);
  const counts: Record<string, number> = {};
  const samples: string[] = [];
  s.truth.forEach((w, idx) => {
    if (!w.alignable) return;
    const mid = (w.start + w.end) / 2;
    if (inSeg(good, mid)) return;
    const rej = r.rejected.find((x) => x.offset <= mid && mid <= x.offset + x.duration);
    const key = rej ? rej.reason : 'none';
    counts[key] = (counts[key] ?? 0) + (w.end - w.start);
    if (key === 'none' && samples.length < Number(process.argv[5] ?? 0) && (idx === 0 || s.truth[idx-1]!.alignable === false || inSeg(good, (s.truth[idx-1]!.start + s.truth[idx-1]!.end)/2))) {
      samples.push(s.truth.slice(Math.max(0, idx - 5), idx + 12).map((x, k) => (k === 5 ? '>>' : '') + x.text + (x.alignable ? '' : '*')).join(' ') + `  @${w.start.toFixed(2)}`);
    }
  });
  console.log('uncovered by reason (sec):', counts);
  for (const x of samples) console.log('  ', x);
}
console.log((globalThis as any).DBG);
