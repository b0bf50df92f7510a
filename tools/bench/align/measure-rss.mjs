// Peak memory of one alignSession call on a session file, in a fresh process, with the BUILT lib
// (run `npx nx build @astra/aligner` first). Prints one JSON line. Used by bench.ts.
import { readFileSync } from 'node:fs';
import { alignSession } from '@astra/aligner';

const file = process.argv[2];
if (file === undefined) {
  console.error('usage: node measure-rss.mjs <session.json>');
  process.exit(2);
}
const { transcript, acta } = JSON.parse(readFileSync(file, 'utf8'));
const loadedRssMb = process.memoryUsage().rss / 1048576;
const started = performance.now();
const result = alignSession(transcript, acta);
const coldMs = performance.now() - started;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify({ loadedRssMb, peakRssMb, coldMs, kept: result.kept.length }));
