import { createHash } from 'node:crypto';
import {
  formatJsonl,
  manifestLineSchema,
  rejectedLineSchema,
  resolveAlignOptions,
  type AlignOptions,
  type ManifestLine,
  type RejectedLine,
} from '@astra/aligner';
import { formatZodError } from '@astra/contracts';
import { containsPersonalData } from '@astra/semantic-extractor';
import { datasetKeys, tenantPrefix, type Storage } from '@astra/storage';
import { isSessionHeaderLike, sessionHeaderSchema, type SessionHeader } from '../session/session-header';
import { MiningError } from '../errors';
import type { DatasetLine, DatasetRejectedLine, DatasetSummary, SplitName } from './dataset-model';
import { collectDatasetReport } from './report/collect-dataset-report';
import { readPackageVersions } from './report/package-versions';
import { readSessionRecords } from './report/read-session-records';
import { renderDatasetReport } from './report/render-dataset-report';
import type { DatasetReport, ReportAlignSettings } from './report/report-model';
import { withPredText } from './with-pred-text';

export type { DatasetLine, DatasetRejectedLine, DatasetSummary, SplitName } from './dataset-model';

export type BuildDatasetOptions = {
  tenantId: string;
  name: string;
  /** Only these sessions (e.g. those of one CSV); default every session of the tenant with stored segments. */
  sessionIds?: readonly string[];
  /** Shares of sessions that go to dev and test (default 0.1 each). */
  devShare?: number;
  testShare?: number;
  maxSegmentsBytes?: number;
  /**
   * The alignment settings the segments were made with (`mine` knows them, defaults included): the report's
   * thresholds and label style. Undefined: the report says they are unknown (`build` over earlier segments).
   */
  align?: Partial<AlignOptions>;
  /** The report's build date (default now). */
  builtAt?: Date;
  signal?: AbortSignal;
};

export type DatasetFiles = {
  train: string;
  dev: string;
  test: string;
  rejected: string;
  report: string;
};

/** The kept lines of each split (what `files.train` etc. serialise), for steps such as cutting WAVs. */
export type DatasetLines = Record<SplitName, DatasetLine[]>;

/**
 * `files.report` is the page for its place in storage; `report` is what it shows, for rendering another copy
 * (the local one, whose players point at cut WAVs).
 */
export type BuiltDataset = { summary: DatasetSummary; files: DatasetFiles; lines: DatasetLines; report: DatasetReport };

const SEGMENTS_SUFFIX = '.segments.jsonl';
const DEFAULT_MAX_SEGMENTS_BYTES = 256 * 1024 * 1024;

/**
 * Gathers the stored `{uuid}.segments.jsonl` of a tenant into train/dev/test/rejected (architecture §3, §6),
 * every line with `pred_text` (the ASR text, for NeMo's Speech Data Explorer), and the report. A session's split
 * depends only on its id (a hash), so growing a dataset never moves a session from one split to another (no
 * test-set leakage between dataset versions), and every output is deterministic (the report's date aside).
 */
export async function buildDataset(storage: Storage, options: BuildDatasetOptions): Promise<BuiltDataset> {
  const sessionIds = options.sessionIds
    ? [...new Set(options.sessionIds)].sort()
    : await listSessionsWithSegments(storage, options.tenantId);
  const maxBytes = options.maxSegmentsBytes ?? DEFAULT_MAX_SEGMENTS_BYTES;

  const devShare = options.devShare ?? 0.1;
  const testShare = options.testShare ?? 0.1;
  const align = options.align === undefined ? undefined : alignSettings(options.align);

  const splits: DatasetLines = { train: [], dev: [], test: [] };
  const sessionsPerSplit: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
  const sessionSplits = new Map<string, SplitName>();
  const rejected: DatasetRejectedLine[] = [];
  const headers = new Map<string, SessionHeader>();
  for (const sessionId of sessionIds) {
    const key = `${tenantPrefix(options.tenantId)}${sessionId}${SEGMENTS_SUFFIX}`;
    const text = (
      await storage.getBytes(key, { maxBytes, ...(options.signal ? { signal: options.signal } : {}) })
    ).toString('utf8');
    const split = splitOf(options.tenantId, sessionId, devShare, testShare);
    sessionsPerSplit[split] += 1;
    sessionSplits.set(sessionId, split);
    text.split('\n').forEach((raw, index) => {
      if (raw.trim() === '') return;
      const line = parseSegmentLine(raw, key, index + 1);
      if ('session' in line) headers.set(sessionId, line);
      else if ('reason' in line) rejected.push(withPredText(line));
      // The last gate for every label, whatever path it came by: personal data never becomes training text.
      else if (containsPersonalData(line.text)) rejected.push(withPredText({ ...line, reason: 'personal_data' }));
      else splits[split].push(withPredText(line));
    });
  }

  const hours = (lines: readonly { duration: number }[]) => lines.reduce((sum, line) => sum + line.duration, 0) / 3600;
  const byReason: Record<string, number> = {};
  for (const line of rejected) byReason[line.reason] = (byReason[line.reason] ?? 0) + 1;
  const summary: DatasetSummary = {
    tenantId: options.tenantId,
    name: options.name,
    sessions: sessionIds.length,
    splits: {
      train: { sessions: sessionsPerSplit.train, segments: splits.train.length, hours: hours(splits.train) },
      dev: { sessions: sessionsPerSplit.dev, segments: splits.dev.length, hours: hours(splits.dev) },
      test: { sessions: sessionsPerSplit.test, segments: splits.test.length, hours: hours(splits.test) },
    },
    rejected: { segments: rejected.length, hours: hours(rejected), byReason },
  };
  const records = await readSessionRecords(storage, options.tenantId, sessionIds, {
    headers,
    ...signalOption(options.signal),
  });
  const report = collectDatasetReport({
    summary,
    kept: splits,
    rejected,
    sessionSplits,
    records,
    provenance: {
      builtAt: (options.builtAt ?? new Date()).toISOString(),
      storageUri: storage.uri,
      devShare,
      testShare,
      ...(align ? { align } : {}),
      packages: readPackageVersions(),
    },
  });
  const reportUrl = storage.uriFor(datasetKeys(options.tenantId, options.name).report);
  return {
    summary,
    files: {
      train: formatJsonl(splits.train),
      dev: formatJsonl(splits.dev),
      test: formatJsonl(splits.test),
      rejected: formatJsonl(rejected),
      report: renderDatasetReport(report, { reportUrl }),
    },
    lines: splits,
    report,
  };
}

/** The settings the report shows, defaults filled in the way the aligner fills them. */
function alignSettings(options: Partial<AlignOptions>): ReportAlignSettings {
  const resolved = resolveAlignOptions(options);
  return {
    minDurationSec: resolved.minDurationSec,
    maxDurationSec: resolved.maxDurationSec,
    maxCer: resolved.maxCer,
    minScore: resolved.minScore,
    minCoverage: resolved.minCoverage,
    labelStyle: resolved.labelStyle,
    summaryPolicy: resolved.summaryPolicy,
    speakerMismatch: resolved.speakerMismatch,
  };
}

function signalOption(signal: AbortSignal | undefined): { signal?: AbortSignal } {
  return signal ? { signal } : {};
}

/** Writes a built dataset to `mining/{tenant}/datasets/{name}/` in storage. */
export async function storeDataset(storage: Storage, dataset: BuiltDataset): Promise<string[]> {
  const keys = datasetKeys(dataset.summary.tenantId, dataset.summary.name);
  const writes: Array<[string, string, string]> = [
    [keys.train, dataset.files.train, 'application/x-ndjson'],
    [keys.dev, dataset.files.dev, 'application/x-ndjson'],
    [keys.test, dataset.files.test, 'application/x-ndjson'],
    [keys.rejected, dataset.files.rejected, 'application/x-ndjson'],
    [keys.report, dataset.files.report, 'text/html; charset=utf-8'],
  ];
  for (const [key, body, contentType] of writes) await storage.put(key, body, { contentType });
  return writes.map(([key]) => key);
}

/** Deterministic split of a session: the first 32 bits of sha256(tenant:session) as a fraction. */
export function splitOf(tenantId: string, sessionId: string, devShare: number, testShare: number): SplitName {
  const digest = createHash('sha256').update(`${tenantId}:${sessionId}`).digest();
  const fraction = digest.readUInt32BE(0) / 2 ** 32;
  if (fraction < testShare) return 'test';
  if (fraction < testShare + devShare) return 'dev';
  return 'train';
}

async function listSessionsWithSegments(storage: Storage, tenantId: string): Promise<string[]> {
  const prefix = tenantPrefix(tenantId);
  const ids: string[] = [];
  for await (const object of storage.list(prefix)) {
    const rest = object.key.slice(prefix.length);
    // Only the session files directly under the tenant, never datasets/ or another tenant's keys.
    if (!rest.includes('/') && rest.endsWith(SEGMENTS_SUFFIX)) ids.push(rest.slice(0, -SEGMENTS_SUFFIX.length));
  }
  return ids.sort();
}

function parseSegmentLine(raw: string, key: string, lineNumber: number): ManifestLine | RejectedLine | SessionHeader {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new MiningError('invalid_input', `${key} line ${lineNumber} is not JSON`, { cause });
  }
  const schema = isSessionHeaderLike(value)
    ? sessionHeaderSchema
    : typeof value === 'object' && value !== null && 'reason' in value
      ? rejectedLineSchema
      : manifestLineSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new MiningError(
      'invalid_input',
      `${key} line ${lineNumber} is not a segment: ${formatZodError(parsed.error, 1)}`,
    );
  }
  return parsed.data;
}
