/**
 * The single-stage commands on real tools and files: `download` (yt-dlp + ffmpeg into file storage, idempotent),
 * `extract` (DOCX → Acta) and `align` (acta × transcript → train.jsonl + rejected.jsonl).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFiles, synthesizeSession, type FileServer, type SynthSession } from '@astra/demo';
import { sessionIdFor } from '@astra/contracts';
import { runCli } from '../support/run-cli';

let dir: string;
let media: FileServer;
let session: SynthSession;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-cli-commands-'));
  session = await synthesizeSession({ dir, seed: 4, format: 'm4a' });
  media = await serveFiles(dir);
}, 120_000);

afterAll(async () => {
  await media?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('astra-ingest download', () => {
  it('stores a verified 16 kHz mono WAV at mining/{tenant}/{uuid}.wav and downloads it only once', async () => {
    const url = `${media.url}/${path.basename(session.mediaPath)}`;
    const storage = `file://${path.join(dir, 'storage')}`;
    const first = await runCli(['download', url, '--tenant', 'villa', '--storage', storage, '--json']);
    expect(first.exitCode).toBe(0);
    const result = JSON.parse(first.stdout) as Record<string, unknown>;
    const id = sessionIdFor('villa', url);
    expect(result).toMatchObject({
      tenant: 'villa',
      id,
      key: `mining/villa/${id}.wav`,
      sampleRate: 16000,
      channels: 1,
      downloaded: true,
    });
    expect(Math.abs((result['durationSec'] as number) - session.transcript.durationSec)).toBeLessThan(0.2);
    const wavPath = path.join(dir, 'storage', 'mining', 'villa', `${id}.wav`);
    expect((await stat(wavPath)).size).toBe(result['bytes']);
    const header = (await readFile(wavPath)).subarray(0, 44);
    expect(header.toString('ascii', 0, 4)).toBe('RIFF');
    expect(header.readUInt16LE(22)).toBe(1);
    expect(header.readUInt32LE(24)).toBe(16000);
    const source = JSON.parse(
      await readFile(path.join(dir, 'storage', 'mining', 'villa', `${id}.source.json`), 'utf8'),
    ) as { sha256: string };
    expect(source.sha256).toBe(result['sha256']);

    const gets = media.requests.filter((r) => r.method === 'GET').length;
    const second = await runCli(['download', url, '--tenant', 'villa', '--storage', storage, '--json']);
    expect(second.exitCode).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ id, sha256: result['sha256'], downloaded: false });
    expect(media.requests.filter((r) => r.method === 'GET').length).toBe(gets);
  }, 120_000);

  it('reports a 404 with exit 1 and a one-line reason', async () => {
    const result = await runCli([
      'download',
      `${media.url}/missing.webm`,
      '--tenant',
      'villa',
      '--storage',
      `file://${path.join(dir, 'storage')}`,
      '--json',
    ]);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { name: 'DownloadError', code: 'not_found' } });
  }, 120_000);
});

describe('astra-ingest extract and align', () => {
  it('prints the Acta of a DOCX', async () => {
    const result = await runCli(['extract', session.actaPath, '--json']);
    expect(result.exitCode).toBe(0);
    const acta = JSON.parse(result.stdout) as {
      meta: { municipality?: string };
      items: Array<{ index: number }>;
      fragments: Array<{ kind: string; verbatim: boolean }>;
    };
    expect(acta.meta.municipality).toBe('Villaverde del Río');
    expect(acta.items.map((i) => i.index)).toEqual([1, 2, 3]);
    expect(acta.fragments.some((f) => f.kind === 'intervention' && f.verbatim)).toBe(true);
    expect(acta.fragments.some((f) => f.kind === 'attendance' && !f.verbatim)).toBe(true);
  });

  it('fails on a corrupt DOCX with the extractor error code', async () => {
    const bad = path.join(dir, 'bad.docx');
    await writeFile(bad, 'plain text, not a zip');
    const result = await runCli(['extract', bad, '--json']);
    expect(result.exitCode).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: { name: 'ActaError', code: 'not_zip' } });
  });

  it('aligns an acta with a transcript into train.jsonl lines within the duration limits', async () => {
    const transcriptPath = path.join(dir, 'session-4.json');
    await writeFile(transcriptPath, JSON.stringify(session.transcript));
    const out = path.join(dir, 'align', 'train.jsonl');
    const rejected = path.join(dir, 'align', 'rejected.jsonl');
    const result = await runCli([
      'align',
      '--acta',
      session.actaPath,
      '--transcript',
      transcriptPath,
      '--out',
      out,
      '--rejected',
      rejected,
      '--max-duration',
      '12',
      '--json',
    ]);
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout) as { kept: number; rejected: number };
    const lines = (await readFile(out, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { audio_filepath: string; offset: number; duration: number; session_id: string });
    expect(lines.length).toBe(summary.kept);
    expect(lines.length).toBeGreaterThan(3);
    expect((await readFile(rejected, 'utf8')).split('\n').filter(Boolean)).toHaveLength(summary.rejected);
    for (const [i, line] of lines.entries()) {
      expect(line.audio_filepath).toBe(path.join(dir, 'session-4.wav'));
      expect(line.session_id).toBe('session-4');
      expect(line.duration).toBeGreaterThanOrEqual(1);
      expect(line.duration).toBeLessThanOrEqual(12);
      const previous = i > 0 ? lines[i - 1] : undefined;
      if (previous) expect(line.offset).toBeGreaterThanOrEqual(previous.offset + previous.duration);
    }
  });

  it('aligns a WhisperX transcript: string speakers, figures the forced aligner left untimed', async () => {
    // The session's transcript as WhisperX writes it: one segment per sentence, words without times where the
    // forced aligner could not place them (here: figures, and one word in seven).
    const segments: { start: number; end: number; speaker: string; words: Record<string, unknown>[] }[] = [];
    for (const [index, word] of session.transcript.words.entries()) {
      const speaker = `SPEAKER_0${word.speaker ?? 0}`;
      let segment = segments[segments.length - 1];
      if (segment === undefined || /[.?!]$/u.test(String(segment.words[segment.words.length - 1]?.['word']))) {
        segment = { start: word.start, end: word.end, speaker, words: [] };
        segments.push(segment);
      }
      segment.end = word.end;
      segment.words.push(
        /\d/u.test(word.text) || index % 7 === 3
          ? { word: word.text }
          : { word: word.text, start: word.start, end: word.end, score: word.confidence ?? 0.9, speaker },
      );
    }
    expect(segments.some((s) => s.words.some((w) => w['start'] === undefined))).toBe(true);
    const transcriptPath = path.join(dir, 'whisperx.json');
    await writeFile(transcriptPath, JSON.stringify({ segments, language: 'es' }));
    const out = path.join(dir, 'whisperx', 'train.jsonl');
    const result = await runCli(['align', '--acta', session.actaPath, '--transcript', transcriptPath, '--out', out]);
    expect(result.exitCode).toBe(0);
    const lines = (await readFile(out, 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(3);
  });

  it('refuses an unknown --speaker-mismatch policy as usage (exit 2), naming the choices', async () => {
    const result = await runCli([
      'align',
      '--acta',
      session.actaPath,
      '--transcript',
      path.join(dir, 'session-4.json'),
      '--out',
      path.join(dir, 'never', 'train.jsonl'),
      '--speaker-mismatch',
      'ignore',
    ]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--speaker-mismatch.*reject, unlabel/u);
    expect(existsSync(path.join(dir, 'never'))).toBe(false);
  });
});
