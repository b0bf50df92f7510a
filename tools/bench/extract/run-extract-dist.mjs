// Child process of bench-extract.ts: the built lib (dist/) under plain node, public API only, so that the RSS
// figures carry no TypeScript loader. Prints a JSON report on stdout.
import { readFileSync } from 'node:fs';
import { extractActa } from '../../../libs/semantic-extractor/dist/index.js';

const [file, runsArgument] = process.argv.slice(2);
const runs = Number(runsArgument ?? '7');
const bytes = readFileSync(file);
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const times = [];
const cpuTimes = [];
let maxRssAfterFirstMb = 0;
for (let run = 0; run < runs; run += 1) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await extractActa(bytes);
  times.push(performance.now() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
  if (run === 0) maxRssAfterFirstMb = process.resourceUsage().maxRSS / 1024;
}
process.stdout.write(
  JSON.stringify({
    times,
    cpuTimes,
    rssBeforeMb,
    maxRssAfterFirstMb,
    maxRssAfterAllMb: process.resourceUsage().maxRSS / 1024,
  }),
);
