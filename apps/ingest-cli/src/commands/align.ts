import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatJsonl, type AlignOptions } from '@astra/aligner';
import { redactUrl, validateTranscript } from '@astra/contracts';
import { alignToManifest } from '@astra/mining';
import { readActaFile } from '@astra/semantic-extractor';
import { readTranscriptFile } from '@astra/transcripts';
import { checkAlignArguments, checkFileArgument } from '../check-arguments';
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

/** `astra-ingest align`: acta (DOCX or PDF) × transcript (JSON or WebVTT) (any supported shape) → train.jsonl (+ rejected.jsonl). */
export async function runAlignCommand(flags: AlignCommandFlags, output: Output): Promise<number> {
  checkAlignArguments(flags.align);
  await checkFileArgument('--acta', flags.acta);
  await checkFileArgument('--transcript', flags.transcript);
  const [acta, raw] = await Promise.all([
    readActaFile(flags.acta, { logger: output.logger }),
    readTranscriptFile(flags.transcript, { hints: { language: flags.language } }),
  ]);
  const { transcript, warnings } = validateTranscript(raw);
  if (warnings.length > 0) output.logger.warn({ warnings }, 'transcript warnings');
  // Without --audio/--session the transcript's own name stands in: `x.json` describes `x.wav`.
  const stem = path.basename(flags.transcript, path.extname(flags.transcript));
  const context = {
    audioFilepath: flags.audio ?? path.join(path.dirname(path.resolve(flags.transcript)), `${stem}.wav`),
    tenantId: flags.tenant ?? 'local',
    sessionId: flags.session ?? stem,
    sourceUrl: flags.sourceUrl ? redactUrl(flags.sourceUrl) : '',
    lang: flags.language,
  };
  const lines = alignToManifest(transcript, acta, context, flags.align);
  await writeText(flags.out, formatJsonl(lines.kept));
  if (flags.rejected) await writeText(flags.rejected, formatJsonl(lines.rejected));
  const summary = {
    out: flags.out,
    kept: lines.kept.length,
    rejected: lines.rejected.length,
    keptSec: lines.keptSec,
    stats: lines.stats,
  };
  output.result(
    summary,
    () =>
      `${lines.kept.length} segments (${lines.keptSec.toFixed(1)} s) → ${flags.out}; ${lines.rejected.length} rejected` +
      (lines.stats.unlabelledSpeakers > 0
        ? `; ${lines.stats.unlabelledSpeakers} kept without the speaker the diarization contradicts`
        : ''),
  );
  return 0;
}

async function writeText(filePath: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(filePath)), { recursive: true });
  await writeFile(filePath, text);
}
