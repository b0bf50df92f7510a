// The baseline as a process: read the same transcript and acta (JSON), align the verbatim acta text with
// @bbc/stt-align-node, cut one span per acta sentence (see baseline-stt-align.ts), write them as JSON lines.
// Prints one JSON line with its own CPU time and peak RSS. Used by bench.ts; usage: node baseline-process.mjs <dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sttAlign from '@bbc/stt-align-node';

const dir = process.argv[2];
if (dir === undefined) {
  console.error('usage: node baseline-process.mjs <session dir>');
  process.exit(2);
}
const LABEL_KINDS = new Set(['intervention', 'reading', 'vote', 'procedural']);
const ABBREVIATION_END =
  /(?:^|\s)(?:Sr|Sra|Sres|Sras|D|Dña|Dr|Dra|Excmo|Excma|Ilmo|Ilma|art|núm|pág|etc|Avda|Ud|Uds)\.$/u;

function splitSentences(text) {
  const sentences = [];
  let current = [];
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    current.push(word);
    const joined = current.join(' ');
    if (/[.?!…»]$/u.test(word) && !ABBREVIATION_END.test(joined)) {
      sentences.push(joined);
      current = [];
    }
  }
  if (current.length > 0) sentences.push(current.join(' '));
  return sentences;
}

const acta = JSON.parse(readFileSync(join(dir, 'acta.json'), 'utf8'));
const transcript = JSON.parse(readFileSync(join(dir, 'transcript.json'), 'utf8'));
const sentences = acta.fragments
  .filter((f) => LABEL_KINDS.has(f.kind) && f.verbatim)
  .flatMap((f) => splitSentences(f.text.replace(/\s+/gu, ' ')));
const aligned = (sttAlign.alignSTT ?? sttAlign)(
  { words: transcript.words.map((w) => ({ text: w.text, start: w.start, end: w.end })) },
  sentences.join(' '),
);
const lines = [];
let k = 0;
for (const sentence of sentences) {
  const count = sentence.split(' ').length;
  const start = aligned[k]?.start;
  const end = aligned[k + count - 1]?.end;
  k += count;
  if (!Number.isFinite(start) || !Number.isFinite(end) || end - start < 1 || end - start > 30) continue;
  lines.push(JSON.stringify({ offset: start, duration: end - start, text: sentence }));
}
writeFileSync(join(dir, 'baseline.jsonl'), lines.map((l) => `${l}\n`).join(''));
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    kept: lines.length,
  }),
);
