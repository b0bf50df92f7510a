import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { alignSession, formatJsonl, toManifestLine, toRejectedLine, type AlignOptions } from '@astra/aligner';
import { readTranscriptFile } from '@astra/core-client';
import { readActaFile } from '@astra/semantic-extractor';
import type { Output } from '../output';

export type AlignCommandFlags = {
  acta: string;
  transcript: string;
  out: string;
  rejected?: string;
  audio?: string;
  tenant?: string;
  session?: string;
  sourceUrl?: string;
  language: string;
  align: Partial<AlignOptions>;
};

/** `astra-ingest align`: acta DOCX × transcript JSON (any supported shape) → train.jsonl (+ rejected.jsonl). */
export async function runAlignCommand(flags: AlignCommandFlags, output: Output): Promise<number> {
  const [acta, transcript] = await Promise.all([
    readActaFile(flags.acta, { logger: output.logger }),
    readTranscriptFile(flags.transcript, { hints: { language: flags.language } }),
  ]);
  const result = alignSession(transcript, acta, { ...flags.align, language: flags.language });
  // Without --audio/--session the transcript's own name stands in: `x.json` describes `x.wav`.
  const stem = path.basename(flags.transcript, path.extname(flags.transcript));
  const context = {
    audioFilepath: flags.audio ?? path.join(path.dirname(path.resolve(flags.transcript)), `${stem}.wav`),
    tenantId: flags.tenant ?? 'local',
    sessionId: flags.session ?? stem,
    sourceUrl: flags.sourceUrl ?? '',
    lang: flags.language,
  };
  await writeText(flags.out, formatJsonl(result.kept.map((segment) => toManifestLine(segment, context))));
  if (flags.rejected) {
    const rejected = result.rejected.map((segment) => toRejectedLine(segment, context));
    await writeText(flags.rejected, formatJsonl(rejected));
  }
  const keptSec = result.kept.reduce((sum, segment) => sum + segment.duration, 0);
  const summary = {
    out: flags.out,
    kept: result.kept.length,
    rejected: result.rejected.length,
    keptSec,
    stats: result.stats,
  };
  output.result(
    summary,
    () => `${result.kept.length} segments (${keptSec.toFixed(1)} s) → ${flags.out}; ${result.rejected.length} rejected`,
  );
  return 0;
}

async function writeText(filePath: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
  await writeFile(filePath, text);
}
