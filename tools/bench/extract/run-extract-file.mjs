// Child process of bench-real-actas.ts: the built lib (dist/), plain node, extracts one acta `runs` times and,
// for a PDF, reads the same file with pdf.js alone (text items of every page, no layout) as the baseline.
// Prints a JSON report on stdout; peak RSS includes the PDF reader's worker thread.
import { readFileSync } from 'node:fs';
import { extractActa } from '../../../libs/semantic-extractor/dist/index.js';

const [file, runsArgument] = process.argv.slice(2);
const runs = Number(runsArgument ?? '3');
const bytes = readFileSync(file);
const rssBeforeMb = process.memoryUsage().rss / 1024 / 1024;
const measure = async (work) => {
  const times = [];
  const cpuTimes = [];
  for (let run = 0; run < runs; run += 1) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { times, cpuTimes };
};
const extract = await measure(() => extractActa(bytes));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
let baseline;
if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  baseline = await measure(async () => {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
    for (let page = 1; page <= doc.numPages; page += 1) await (await doc.getPage(page)).getTextContent();
    await doc.destroy();
  });
}
process.stdout.write(JSON.stringify({ extract, baseline, rssBeforeMb, maxRssMb }));
