import { createHash } from 'node:crypto';
import {
  formatJsonl,
  manifestLineSchema,
  rejectedLineSchema,
  type ManifestLine,
  type RejectedLine,
} from '@astra/aligner';
import { datasetKeys, tenantPrefix, type Storage } from '@astra/storage';
import { MiningError } from '../errors';
import { renderDatasetReport } from './render-dataset-report';

export type SplitName = 'train' | 'dev' | 'test';

export type BuildDatasetOptions = {
  tenantId: string;
  name: string;
  /** Only these sessions (e.g. those of one CSV); default every session of the tenant with stored segments. */
  sessionIds?: readonly string[];
  /** Shares of sessions that go to dev and test (default 0.1 each). */
  devShare?: number;
  testShare?: number;
  maxSegmentsBytes?: number;
  signal?: AbortSignal;
};

export type DatasetSummary = {
  tenantId: string;
  name: string;
  sessions: number;
  splits: Record<SplitName, { sessions: number; segments: number; hours: number }>;
  rejected: { segments: number; hours: number; byReason: Record<string, number> };
};

export type DatasetFiles = {
  train: string;
  dev: string;
  test: string;
  rejected: string;
  report: string;
};

/** The kept lines of each split (what `files.train` etc. serialise), for steps such as cutting WAVs. */
export type DatasetLines = Record<SplitName, ManifestLine[]>;

export type BuiltDataset = { summary: DatasetSummary; files: DatasetFiles; lines: DatasetLines };

const SEGMENTS_SUFFIX = '.segments.jsonl';
const DEFAULT_MAX_SEGMENTS_BYTES = 256 * 1024 * 1024;

/**
 * Gathers the stored `{uuid}.segments.jsonl` of a tenant into train/dev/test/rejected (architecture §3, §6).
 * A session's split depends only on its id (a hash), so growing a dataset never moves a session from one
 * split to another (no test-set leakage between dataset versions), and every output is deterministic.
 */
export async function buildDataset(storage: Storage, options: BuildDatasetOptions): Promise<BuiltDataset> {
  const sessionIds = options.sessionIds
    ? [...new Set(options.sessionIds)].sort()
    : await listSessionsWithSegments(storage, options.tenantId);
  const maxBytes = options.maxSegmentsBytes ?? DEFAULT_MAX_SEGMENTS_BYTES;

  const splits: Record<SplitName, ManifestLine[]> = { train: [], dev: [], test: [] };
  const sessionsPerSplit: Record<SplitName, number> = { train: 0, dev: 0, test: 0 };
  const rejected: RejectedLine[] = [];
  for (const sessionId of sessionIds) {
    const key = `${tenantPrefix(options.tenantId)}${sessionId}${SEGMENTS_SUFFIX}`;
    const text = (
      await storage.getBytes(key, { maxBytes, ...(options.signal ? { signal: options.signal } : {}) })
    ).toString('utf8');
    const split = splitOf(options.tenantId, sessionId, options.devShare ?? 0.1, options.testShare ?? 0.1);
    sessionsPerSplit[split] += 1;
    text.split('\n').forEach((raw, index) => {
      if (raw.trim() === '') return;
      const line = parseSegmentLine(raw, key, index + 1);
      if ('reason' in line) rejected.push(line);
      else splits[split].push(line);
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
  return {
    summary,
    files: {
      train: formatJsonl(splits.train),
      dev: formatJsonl(splits.dev),
      test: formatJsonl(splits.test),
      rejected: formatJsonl(rejected),
      report: renderDatasetReport(summary, [...splits.train, ...splits.dev, ...splits.test]),
    },
    lines: splits,
  };
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

function parseSegmentLine(raw: string, key: string, lineNumber: number): ManifestLine | RejectedLine {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (cause) {
    throw new MiningError('invalid_input', `${key} line ${lineNumber} is not JSON`, { cause });
  }
  const schema =
    typeof value === 'object' && value !== null && 'reason' in value ? rejectedLineSchema : manifestLineSchema;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new MiningError(
      'invalid_input',
      `${key} line ${lineNumber} is not a segment: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    );
  }
  return parsed.data;
}
