/**
 * Prints how long the caption parsers take on a synthetic 3-hour YouTube auto-caption track (rolling VTT
 * with per-word tags, and the json3 equivalent). No pass/fail.
 * Run: npx tsx --conditions=@astra/source test/bench/parse-captions.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { parseJson3 } from '../../src/formats/parse-json3';
import { parseWebVtt } from '../../src/formats/parse-web-vtt';

const HOURS = 3;
const WORDS_PER_LINE = 7;
const WORD_MS = 380;
const vocabulary = [
  'el',
  'pleno',
  'aprueba',
  'por',
  'unanimidad',
  'la',
  'moción',
  'sobre',
  'el',
  'presupuesto',
  'municipal',
  'sí',
];

function stamp(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor(ms / 60_000) % 60;
  const s = Math.floor(ms / 1000) % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
}

function generate(): { vtt: string; json3: string; words: number } {
  const cues: string[] = ['WEBVTT\nKind: captions\nLanguage: es\n'];
  const events: unknown[] = [];
  let t = 0;
  let previous = '';
  let words = 0;
  while (t < HOURS * 3_600_000) {
    const line = Array.from({ length: WORDS_PER_LINE }, (_, i) => vocabulary[(words + i) % vocabulary.length] ?? 'x');
    const end = t + WORDS_PER_LINE * WORD_MS;
    const tagged = line.map((word, i) => (i === 0 ? word : `<${stamp(t + i * WORD_MS)}><c> ${word}</c>`)).join('');
    cues.push(`${stamp(t)} --> ${stamp(end)} align:start position:0%\n${previous || ' '}\n${tagged}\n`);
    cues.push(`${stamp(end)} --> ${stamp(end + 10)} align:start position:0%\n${line.join(' ')}\n \n`);
    events.push({
      tStartMs: t,
      dDurationMs: WORDS_PER_LINE * WORD_MS * 2,
      wWinId: 1,
      segs: line.map((word, i) => (i === 0 ? { utf8: word } : { utf8: ` ${word}`, tOffsetMs: i * WORD_MS })),
    });
    events.push({ tStartMs: end, dDurationMs: 10, wWinId: 1, aAppend: 1, segs: [{ utf8: '\n' }] });
    previous = line.join(' ');
    words += WORDS_PER_LINE;
    t = end + 10;
  }
  return { vtt: cues.join('\n'), json3: JSON.stringify({ wireMagic: 'pb3', events }), words };
}

function measure(name: string, bytes: number, run: () => { words: unknown[] }): void {
  run();
  const rounds = 5;
  const started = performance.now();
  let count = 0;
  for (let i = 0; i < rounds; i += 1) count = run().words.length;
  const ms = (performance.now() - started) / rounds;
  console.log(
    `${name.padEnd(6)} ${(bytes / 1e6).toFixed(1)} MB  ${count} words  ${ms.toFixed(0)} ms/parse  ${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
  );
}

const { vtt, json3, words } = generate();
console.log(`synthetic ${HOURS} h auto-captions, ${words} words`);
measure('vtt', Buffer.byteLength(vtt), () => parseWebVtt(vtt, { language: 'es' }));
measure('json3', Buffer.byteLength(json3), () => parseJson3(json3, { language: 'es' }));
