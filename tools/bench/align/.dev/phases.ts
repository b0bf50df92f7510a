import { readFileSync } from 'node:fs';
import { Vocabulary, buildActaStream, buildTranscriptStream } from '../../../../libs/aligner/src/build-streams';
import { alignTokens } from '../../../../libs/aligner/src/align-tokens';
import { createNearMatcher } from '../../../../libs/aligner/src/align-gap';
import { cutSegments } from '../../../../libs/aligner/src/cut-segments';
import { scoreCandidate } from '../../../../libs/aligner/src/score-segment';
import { resolveAlignOptions } from '../../../../libs/aligner/src/align-options';
const { transcript, acta } = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const opts = resolveAlignOptions();
for (let run = 0; run < Number(process.argv[3] ?? 8); run++) {
  const t: Record<string, number> = {};
  let c = process.cpuUsage();
  const lap = (k: string) => { const u = process.cpuUsage(c); t[k] = (u.user + u.system) / 1000; c = process.cpuUsage(); };
  const v = new Vocabulary();
  const A = buildActaStream(acta, v, 'es'); lap('actaStream');
  const B = buildTranscriptStream(transcript, v, 'es'); lap('transcriptStream');
  const r = alignTokens({ a: A.ids, b: B.ids, words: v.words, near: createNearMatcher(v.words), fragmentOf: A.fragment }, A); lap('alignTokens');
  const cands = cutSegments({ acta: A, transcript: B, words: transcript.words, durationSec: transcript.durationSec, vocabulary: v.words, alignment: r.alignment, solid: r.solid, options: opts }); lap('cut');
  const si = { acta: A, transcript: B, words: transcript.words, vocabulary: v.words, solid: r.solid, options: opts };
  for (const cd of cands) scoreCandidate(si, cd); lap('score');
  console.log(Object.entries(t).map(([k, x]) => `${k} ${x.toFixed(0)}`).join('  '));
}
