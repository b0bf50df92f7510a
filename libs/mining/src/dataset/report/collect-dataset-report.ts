import type { ManifestLine } from '@astra/aligner';
import type { DatasetSummary, SplitName } from '../dataset-model';
import { bucketSegments, CER_EDGES, cerBucketLabel, DURATION_EDGES, durationBucketLabel } from './bucket-segments';
import { DEFAULT_REPORT_LIMITS, pickReportSegments, type ReportLimits } from './pick-report-segments';
import type { DatasetReport, ReportProvenance, ReportSession } from './report-model';
import type { SessionRecord } from './read-session-records';

export type CollectDatasetReportInput = {
  summary: DatasetSummary;
  kept: Readonly<Record<SplitName, readonly ManifestLine[]>>;
  rejected: ReadonlyArray<ManifestLine & { reason: string }>;
  /** Every session of the dataset and its split, in table order. */
  sessionSplits: ReadonlyMap<string, SplitName>;
  /** What the session's sidecars say (missing entry: nothing known). */
  records: ReadonlyMap<string, SessionRecord>;
  provenance: Omit<ReportProvenance, 'tools'>;
  limits?: ReportLimits;
};

/** The report's figures from the dataset's lines and the sessions' records: pure, deterministic. */
export function collectDatasetReport(input: CollectDatasetReportInput): DatasetReport {
  const keptWithSplit = (Object.keys(input.kept) as SplitName[]).flatMap((split) =>
    input.kept[split].map((line) => ({ line, split })),
  );
  const allKept = keptWithSplit.map((k) => k.line);
  const { segments, selection } = pickReportSegments(
    keptWithSplit,
    input.rejected,
    input.limits ?? DEFAULT_REPORT_LIMITS,
  );
  return {
    summary: input.summary,
    sessions: summariseSessions(input, allKept),
    cerBuckets: bucketSegments(allKept, input.rejected, CER_EDGES, (l) => l.cer, cerBucketLabel),
    durationBuckets: bucketSegments(allKept, input.rejected, DURATION_EDGES, (l) => l.duration, durationBucketLabel),
    segments,
    selection,
    provenance: { ...input.provenance, tools: countToolVersions(input.sessionSplits.keys(), input.records) },
  };
}

function summariseSessions(input: CollectDatasetReportInput, allKept: readonly ManifestLine[]): ReportSession[] {
  const keptBySession = groupBySession(allKept);
  const rejectedBySession = groupBySession(input.rejected);
  return [...input.sessionSplits].map(([sessionId, split]) => {
    const kept = keptBySession.get(sessionId) ?? [];
    const rejected = rejectedBySession.get(sessionId) ?? [];
    const keptSec = sum(kept.map((l) => l.duration));
    const rejectedByReason: Record<string, number> = {};
    for (const line of rejected) rejectedByReason[line.reason] = (rejectedByReason[line.reason] ?? 0) + 1;
    const record = input.records.get(sessionId);
    return {
      sessionId,
      split,
      ...(record?.title === undefined ? {} : { title: record.title }),
      ...(record?.audioSec === undefined ? {} : { audioSec: record.audioSec }),
      ...(record?.transcriptProvider === undefined ? {} : { transcriptProvider: record.transcriptProvider }),
      kept: kept.length,
      keptSec,
      rejected: rejected.length,
      rejectedSec: sum(rejected.map((l) => l.duration)),
      rejectedByReason,
      ...(keptSec > 0 ? { meanCer: sum(kept.map((l) => l.cer * l.duration)) / keptSec } : {}),
      notes: record?.notes ?? [],
    };
  });
}

function countToolVersions(
  sessionIds: Iterable<string>,
  records: ReadonlyMap<string, SessionRecord>,
): Record<string, Record<string, number>> {
  const tools: Record<string, Record<string, number>> = {};
  for (const sessionId of sessionIds) {
    for (const [tool, version] of Object.entries(records.get(sessionId)?.tools ?? {})) {
      const versions = (tools[tool] ??= {});
      versions[version] = (versions[version] ?? 0) + 1;
    }
  }
  return tools;
}

function groupBySession<L extends ManifestLine>(lines: readonly L[]): Map<string, L[]> {
  const groups = new Map<string, L[]>();
  for (const line of lines) {
    const group = groups.get(line.session_id);
    if (group) group.push(line);
    else groups.set(line.session_id, [line]);
  }
  return groups;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
