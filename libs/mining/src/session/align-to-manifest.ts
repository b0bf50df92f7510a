import type { Acta, Transcript } from '@astra/contracts';
import {
  alignSession,
  toManifestLine,
  toRejectedLine,
  type AlignOptions,
  type AlignStats,
  type ManifestContext,
  type ManifestLine,
  type RejectedLine,
} from '@astra/aligner';

export type SessionLines = {
  kept: ManifestLine[];
  rejected: RejectedLine[];
  keptSec: number;
  stats: AlignStats;
};

/**
 * Aligns one session and turns the result into manifest lines (architecture §6): what `mine` stores as
 * `{uuid}.segments.jsonl` and `astra-ingest align` writes as `train.jsonl` + `rejected.jsonl`.
 */
export function alignToManifest(
  transcript: Transcript,
  acta: Acta,
  context: ManifestContext,
  options: Partial<AlignOptions> = {},
): SessionLines {
  const result = alignSession(transcript, acta, { ...options, language: context.lang });
  return {
    kept: result.kept.map((segment) => toManifestLine(segment, context)),
    rejected: result.rejected.map((segment) => toRejectedLine(segment, context)),
    keptSec: result.kept.reduce((sum, segment) => sum + segment.duration, 0),
    stats: result.stats,
  };
}

/** Kept and rejected lines of a session in one file, ordered by offset (`{uuid}.segments.jsonl`). */
export function sessionSegmentLines(lines: SessionLines): Array<ManifestLine | RejectedLine> {
  return [...lines.kept, ...lines.rejected].sort((a, b) => a.offset - b.offset);
}
