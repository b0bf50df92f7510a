import { createHash } from 'node:crypto';
import type { ManifestLine } from '@astra/aligner';
import type { SplitName } from '../dataset-model';
import type { ReportSegment, ReportSelection } from './report-model';

/** How many segments the report's table holds: the page must stay small for datasets of any size. */
export type ReportLimits = {
  /** Kept segments with the highest CER. */
  worst: number;
  /** Other kept segments, picked at random with a fixed seed. */
  sample: number;
  /** Rejected segments, spread over the reasons. */
  rejected: number;
};

export const DEFAULT_REPORT_LIMITS: ReportLimits = { worst: 200, sample: 100, rejected: 100 };

type KeptInput = { line: ManifestLine; split: SplitName };
type RejectedInput = ManifestLine & { reason: string };

/**
 * The rows of the segment table: the `worst` kept segments by CER, a `sample` of the other kept ones and
 * `rejected` examples taken in turn from each reason. Kept rows come first, highest CER first. The choice is
 * deterministic (a hash of session and offset stands in for a random draw), so rebuilding gives the same page.
 */
export function pickReportSegments(
  kept: readonly KeptInput[],
  rejected: readonly RejectedInput[],
  limits: ReportLimits = DEFAULT_REPORT_LIMITS,
): { segments: ReportSegment[]; selection: ReportSelection } {
  const byCer = [...kept].sort((a, b) => worseFirst(a.line, b.line));
  const worst = byCer.slice(0, limits.worst);
  const sample = byHash(byCer.slice(limits.worst), (k) => k.line)
    .slice(0, limits.sample)
    .sort((a, b) => worseFirst(a.line, b.line));
  const rejectedPicked = takeInTurns(groupByReason(rejected), limits.rejected).sort(worseFirst);
  const segments = [
    ...worst.map((k) => toSegment(k.line, k.split, 'worst')),
    ...sample.map((k) => toSegment(k.line, k.split, 'sample')),
    ...rejectedPicked.map((line) => toSegment(line, 'rejected', 'rejected')),
  ];
  return {
    segments,
    selection: {
      worst: worst.length,
      sample: sample.length,
      rejected: rejectedPicked.length,
      totalKept: kept.length,
      totalRejected: rejected.length,
    },
  };
}

function worseFirst(a: ManifestLine, b: ManifestLine): number {
  return b.cer - a.cer || a.score - b.score || compareText(a.session_id, b.session_id) || a.offset - b.offset;
}

/** Code-unit order: deterministic and cheap (`localeCompare` costs seconds when sorting 100k lines). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hashOf(line: ManifestLine): string {
  return createHash('sha256').update(`${line.session_id}:${line.offset}`).digest('hex');
}

function byHash<T>(items: readonly T[], lineOf: (item: T) => ManifestLine): T[] {
  const keyed = items.map((item) => ({ item, key: hashOf(lineOf(item)) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ item }) => item);
}

function groupByReason(lines: readonly RejectedInput[]): RejectedInput[][] {
  const groups = new Map<string, RejectedInput[]>();
  for (const line of lines) {
    const group = groups.get(line.reason);
    if (group) group.push(line);
    else groups.set(line.reason, [line]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => byHash(group, (line) => line));
}

/** One from each group in turn until `limit`: every reason gets examples, not only the most common one. */
function takeInTurns<T>(groups: readonly T[][], limit: number): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < limit; round += 1) {
    let took = false;
    for (const group of groups) {
      const item = group[round];
      if (item === undefined) continue;
      took = true;
      if (out.length < limit) out.push(item);
    }
    if (!took) break;
  }
  return out;
}

function toSegment(
  line: ManifestLine & { reason?: string },
  status: ReportSegment['status'],
  pick: ReportSegment['pick'],
): ReportSegment {
  return {
    status,
    ...(line.reason === undefined ? {} : { reason: line.reason }),
    pick,
    sessionId: line.session_id,
    offset: line.offset,
    duration: line.duration,
    audio: { filepath: line.audio_filepath, offset: line.offset },
    cer: line.cer,
    score: line.score,
    text: line.text,
    textOriginal: line.text_original,
    asrText: line.asr_text,
    ...(line.speaker === undefined ? {} : { speaker: line.speaker }),
  };
}
