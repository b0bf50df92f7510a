import type { Acta, Transcript } from '@astra/contracts';
import type { SessionHeader } from './session-header';
import {
  alignSession,
  toManifestLine,
  toRejectedLine,
  type AlignOptions,
  type AlignStats,
  type ManifestContext,
  type ManifestLine,
  type RejectedLine,
  type SpeakerMapping,
} from '@astra/aligner';

export type SessionLines = {
  kept: ManifestLine[];
  rejected: RejectedLine[];
  keptSec: number;
  /** Acta speaker → diarized speakers learnt from the session (empty without diarization). */
  speakers: SpeakerMapping[];
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
    speakers: result.speakers,
    stats: result.stats,
  };
}

/**
 * `{uuid}.segments.jsonl`: a header line about the session (what the report shows without reading the
 * transcript again), then the kept and rejected lines ordered by offset.
 */
export function sessionSegmentLines(
  header: SessionHeader,
  lines: SessionLines,
): Array<SessionHeader | ManifestLine | RejectedLine> {
  return [header, ...[...lines.kept, ...lines.rejected].sort((a, b) => a.offset - b.offset)];
}
