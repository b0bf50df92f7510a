/**
 * What the report adds to a dataset build, on a big synthetic tenant in file storage: `buildDataset` (segments,
 * splits, pred_text, sidecars, report) against a baseline measured in the same run (reading and splitting the
 * same segments files and serialising the JSONL, which is what a build did before the report), and the report's
 * size. Run: `npx tsx --conditions=@astra/source libs/mining/test/bench/dataset-report.bench.ts [sessions] [segments]`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { formatJsonl, manifestLineSchema, rejectedLineSchema } from '@astra/aligner';
import { openStorage, sessionKeys, type Storage } from '@astra/storage';
import { buildDataset } from '../../src/dataset/build-dataset';
import { readSessionRecords } from '../../src/dataset/report/read-session-records';
import { renderDatasetReport } from '../../src/dataset/report/render-dataset-report';

const sessions = Number(process.argv[2] ?? 100);
const segmentsPerSession = Number(process.argv[3] ?? 600);
const id = (n: number) => `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`;

async function writeTenant(storage: Storage): Promise<void> {
  for (let s = 0; s < sessions; s += 1) {
    const keys = sessionKeys('t', id(s));
    const lines = Array.from({ length: segmentsPerSession }, (_, i) => ({
      audio_filepath: storage.uriFor(keys.audio),
      offset: i * 6,
      duration: 5.5,
      text: `El señor concejal ${i} propone la modificación presupuestaria del punto ${s} del orden del día.`,
      text_original: `El Sr. concejal ${i} propone la modificación presupuestaria del punto ${s} del orden del día.`,
      asr_text: `el señor concejal ${i} propone la modificación presupuestaria del punto ${s} del orden`,
      cer: ((i * 37) % 100) / 250,
      score: 0.9,
      lang: 'es',
      tenant_id: 't',
      session_id: id(s),
      source_url: 'https://example.org/v',
      ...(i % 6 === 5 ? { reason: 'cer_above_max' } : {}),
    }));
    await storage.put(keys.segments, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    await storage.put(
      keys.source,
      JSON.stringify({
        tenantId: 't',
        sessionId: id(s),
        sourceUrl: 'https://example.org/v',
        metadata: {},
        source: { title: `Pleno ${s}` },
        sha256: '0'.repeat(64),
        bytes: 1,
        durationSec: segmentsPerSession * 6,
        sampleRate: 16000,
        channels: 1,
        tools: { ytDlp: '2025.06.30', ffmpeg: '5.1.6', ffprobe: '5.1.6' },
      }),
    );
    // A transcript the size of a real hour (about 9,000 words, ~0.7 MB), with repair counts.
    const words = Array.from({ length: 9000 }, (_, i) => ({
      text: 'palabra',
      start: i * 0.4,
      end: i * 0.4 + 0.3,
      confidence: 0.9,
      speaker: i % 3,
    }));
    await storage.put(
      keys.transcript,
      JSON.stringify({ provider: 'deepgram', language: 'es', durationSec: 3600, words, repairs: { overlaps: 2 } }),
    );
  }
}

/** The build before the report: read, validate and split the segments, serialise the JSONL. */
async function baseline(storage: Storage): Promise<number> {
  let bytes = 0;
  for (let s = 0; s < sessions; s += 1) {
    const text = (await storage.getBytes(sessionKeys('t', id(s)).segments, { maxBytes: 256 * 1024 * 1024 })).toString(
      'utf8',
    );
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const value = JSON.parse(l) as object;
        return ('reason' in value ? rejectedLineSchema : manifestLineSchema).parse(value);
      });
    bytes += formatJsonl(lines).length;
  }
  return bytes;
}

async function measure<T>(what: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await what();
  const used = process.cpuUsage(cpu);
  return { value, wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

const dir = await mkdtemp(path.join(os.tmpdir(), 'report-bench-'));
try {
  const storage = openStorage(`file://${dir}`);
  await writeTenant(storage);
  const load = os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const base = await measure(() => baseline(storage));
  const build = await measure(() => buildDataset(storage, { tenantId: 't', name: 'bench', align: {} }));
  const base2 = await measure(() => baseline(storage));
  const ids = Array.from({ length: sessions }, (_, s) => id(s));
  const sidecars = await measure(() => readSessionRecords(storage, 't', ids));
  const render = await measure(async () => renderDatasetReport(build.value.report));
  const segments = sessions * segmentsPerSession;
  const baseMs = Math.min(base.wallMs, base2.wallMs);
  console.log(`sessions ${sessions}, segments ${segments}; load average ${load}`);
  console.log(
    `baseline (read + split + JSONL): wall ${baseMs.toFixed(0)} ms, cpu ${Math.min(base.cpuMs, base2.cpuMs).toFixed(0)} ms`,
  );
  console.log(
    `buildDataset (+ pred_text, sidecars, report): wall ${build.wallMs.toFixed(0)} ms, cpu ${build.cpuMs.toFixed(0)} ms`,
  );
  console.log(
    `ratio build / baseline (wall): ${(build.wallMs / baseMs).toFixed(2)}, (cpu): ${(build.cpuMs / Math.min(base.cpuMs, base2.cpuMs)).toFixed(2)}`,
  );
  console.log(
    `of which sidecars (source + transcript JSON): wall ${sidecars.wallMs.toFixed(0)} ms, cpu ${sidecars.cpuMs.toFixed(0)} ms`,
  );
  console.log(`of which rendering the page: wall ${render.wallMs.toFixed(0)} ms, cpu ${render.cpuMs.toFixed(0)} ms`);
  console.log(
    `report.html: ${(build.value.files.report.length / 1024).toFixed(0)} KiB, ${build.value.report.segments.length} segment rows`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
