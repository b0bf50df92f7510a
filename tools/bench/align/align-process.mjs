// One alignment as a process, as the pipeline runs it: read the provider's transcript and the acta (JSON), repair
// and validate the transcript (@astra/contracts), align, write train.jsonl + rejected.jsonl. Uses the BUILT packages
// (run `npx nx build @astra/aligner` first: it builds @astra/contracts too).
// Prints one JSON line with its own CPU time and peak RSS. Usage: node align-process.mjs <session dir>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignSession, formatJsonl, toManifestLine, toRejectedLine } from '@astra/aligner';
import { validateTranscript } from '@astra/contracts';

const [dir] = process.argv.slice(2);
if (dir === undefined) {
  console.error('usage: node align-process.mjs <session dir>');
  process.exit(2);
}
const acta = JSON.parse(readFileSync(join(dir, 'acta.json'), 'utf8'));
const { transcript, repairs } = validateTranscript(JSON.parse(readFileSync(join(dir, 'transcript.json'), 'utf8')));
const result = alignSession(transcript, acta);
const context = {
  audioFilepath: join(dir, 'audio.wav'),
  tenantId: 'bench',
  sessionId: 'bench',
  sourceUrl: '',
  lang: 'es',
};
writeFileSync(join(dir, 'ours.train.jsonl'), formatJsonl(result.kept.map((s) => toManifestLine(s, context))));
writeFileSync(join(dir, 'ours.rejected.jsonl'), formatJsonl(result.rejected.map((s) => toRejectedLine(s, context))));
const cpu = process.cpuUsage();
console.log(
  JSON.stringify({
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    kept: result.kept.length,
    repairs,
  }),
);
