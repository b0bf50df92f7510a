import { generateSession } from '../generate-session';
import { Vocabulary, buildActaStream, buildTranscriptStream } from '../../../../libs/aligner/src/build-streams';
import { alignTokens } from '../../../../libs/aligner/src/align-tokens';
const s = generateSession({ seed: 7, profile: (process.argv[2] ?? 'typical') as 'typical', targetWords: Number(process.argv[3] ?? 5000) });
const t0 = Number(process.argv[4]); const t1 = Number(process.argv[5]);
const v = new Vocabulary();
const A = buildActaStream(s.acta, v, 'es');
const B = buildTranscriptStream(s.transcript, v, 'es');
const res = alignTokens({ a: A.ids, b: B.ids, words: v.words }, A);
const W = s.transcript.words;
const OPS = ['-', 'M', 'N', 'S'];
// B tokens in range
let line = '';
for (let j = 0; j < B.ids.length; j++) {
  const w = W[B.word[j]!]!;
  if (w.start < t0 || w.start > t1) continue;
  const i = res.alignment.pairB[j]!;
  line += `\n B${j} ${v.words[B.ids[j]!]} [${w.start.toFixed(2)}-${w.end.toFixed(2)}] -> ` + (i >= 0 ? `A${i} ${v.words[A.ids[i]!]} ${OPS[res.alignment.opA[i]!]} solid=${res.solid[i]} frag=${A.fragments[A.fragment[i]!]!.fragment.id}` : '(none)');
}
console.log(line);
// A tokens whose pair in range, plus unpaired neighbours
const js = [...Array(B.ids.length).keys()].filter((j) => { const w = W[B.word[j]!]!; return w.start >= t0 && w.start <= t1; });
const is = js.map((j) => res.alignment.pairB[j]!).filter((i) => i >= 0);
if (is.length) {
  const lo = Math.min(...is) - 6, hi = Math.max(...is) + 6;
  let out = '';
  for (let i = Math.max(0, lo); i < hi && i < A.ids.length; i++) out += ` ${v.words[A.ids[i]!]}/${OPS[res.alignment.opA[i]!]}${res.solid[i] ? '*' : ''}${res.alignment.pairA[i]}`;
  console.log('A:', out);
}
