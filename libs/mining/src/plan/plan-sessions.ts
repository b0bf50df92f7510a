import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { validateMediaUrl } from '@astra/downloader';
import {
  isTenantId,
  LANGUAGE_PATTERN,
  PROVIDER_PATTERN,
  sessionIdFor,
  TENANT_ID_PATTERN,
  type TranscriptSourceKind,
} from '@astra/contracts';
import { MiningError } from '../errors';
import { decodeCsvText } from './decode-csv-text';
import type { RowError, SessionSpec } from '../model';

export type PlanSessionsOptions = {
  /** Folder that `acta_path` and `transcript_path` are relative to; they must stay inside it. */
  baseDir: string;
  /** `--tenant`: fills a missing `tenant_id`; rows of other tenants are left out (and listed as skipped). */
  tenant?: string;
  /** False with `--no-acta` (download/transcribe only). */
  requireActa: boolean;
  transcripts: TranscriptSourceKind;
  defaultProvider: string;
  defaultLanguage: string;
  allowedHosts?: string[];
  maxActaBytes: number;
};

export type SkippedRow = { line: number; tenantId: string; reason: string };
export type SessionPlan = { sessions: SessionSpec[]; errors: RowError[]; skipped: SkippedRow[] };

export const DEFAULT_MAX_CSV_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MAX_ACTA_BYTES = 50 * 1024 * 1024;

const KNOWN_COLUMNS = new Set([
  'video_url',
  'acta_path',
  'tenant_id',
  'session_id',
  'language',
  'provider',
  'transcript_path',
]);

/** Reads sessions.csv (bounded) and plans it; relative paths resolve against the CSV's folder unless `baseDir` is given. */
export async function readSessionsCsv(
  csvPath: string,
  options: Omit<PlanSessionsOptions, 'baseDir'> & { baseDir?: string; maxCsvBytes?: number },
): Promise<SessionPlan> {
  const maxBytes = options.maxCsvBytes ?? DEFAULT_MAX_CSV_BYTES;
  const info = await stat(csvPath).catch((cause: unknown) => {
    throw new MiningError('invalid_input', `Cannot read the sessions CSV ${csvPath}: ${osReason(cause)}`, { cause });
  });
  if (info.isDirectory()) {
    throw new MiningError('invalid_input', `The sessions CSV ${csvPath} is a directory, not a file`);
  }
  if (!info.isFile()) throw new MiningError('invalid_input', `The sessions CSV ${csvPath} is not a regular file`);
  if (info.size > maxBytes) {
    throw new MiningError('invalid_input', `The sessions CSV is ${info.size} bytes, over the ${maxBytes}-byte limit`);
  }
  const bytes = await readFile(csvPath).catch((cause: unknown) => {
    throw new MiningError('invalid_input', `Cannot read the sessions CSV ${csvPath}: ${osReason(cause)}`, { cause });
  });
  // The file may have grown since stat: the bound holds on what was read.
  if (bytes.length > maxBytes) {
    throw new MiningError('invalid_input', `The sessions CSV is over the ${maxBytes}-byte limit`);
  }
  return planSessions(decodeCsvText(bytes), {
    ...options,
    baseDir: options.baseDir ?? path.dirname(path.resolve(csvPath)),
  });
}

/** `ENOENT: no such file or directory, stat 'x'` → `no such file or directory (ENOENT)`. */
function osReason(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const reason = /^E[A-Z]+: ([^,]+)/.exec(text)?.[1] ?? text;
  return typeof code === 'string' ? `${reason} (${code})` : reason;
}

/**
 * Validates every row of a sessions CSV (architecture §2). A bad row becomes a `RowError` with its line number
 * (header = line 1); the other rows still become sessions. Only a file with no usable header throws.
 */
export async function planSessions(csvText: string, options: PlanSessionsOptions): Promise<SessionPlan> {
  const rows = parseCsvRows(csvText);
  const header = rows.shift();
  if (!header) throw new MiningError('invalid_input', 'The sessions CSV is empty: a header row is required');
  if (header.error)
    throw new MiningError('invalid_input', `The sessions CSV header is malformed: ${header.error.reason}`);
  const columns = header.fields.map((name) => name.trim().toLowerCase());
  const missing = ['video_url'].filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw new MiningError('invalid_input', `The sessions CSV header lacks the column(s) ${missing.join(', ')}`);
  }

  const plan: SessionPlan = {
    sessions: [],
    errors: [...rows.flatMap((row) => (row.error ? [row.error] : []))],
    skipped: [],
  };
  const seen = new Map<string, number>();
  // 10⁵ rows often name a few hundred actas: resolve (realpath, stat) each distinct path once.
  const base = await realpath(options.baseDir).catch(() => path.resolve(options.baseDir));
  const resolved = new Map<string, Promise<ResolvedPath>>();
  const resolve: ResolvePath = (relativePath, maxBytes) => {
    const key = `${maxBytes}\0${relativePath}`;
    let result = resolved.get(key);
    if (!result) {
      result = resolveInside(base, relativePath, maxBytes);
      resolved.set(key, result);
    }
    return result;
  };
  for (const row of rows) {
    if (row.error) continue;
    if (row.fields.length !== columns.length) {
      plan.errors.push({ line: row.line, reason: `expected ${columns.length} fields, found ${row.fields.length}` });
      continue;
    }
    const record = Object.fromEntries(columns.map((name, i) => [name, (row.fields[i] ?? '').trim()]));
    const result = await planRow(record, row.line, options, resolve);
    if ('reason' in result) {
      if ('tenantId' in result) plan.skipped.push(result);
      else plan.errors.push(result);
      continue;
    }
    const dedupeKey = `${result.tenantId}/${result.id}`;
    const firstLine = seen.get(dedupeKey);
    if (firstLine !== undefined) {
      plan.errors.push({ line: row.line, reason: `same tenant and video as line ${firstLine}` });
      continue;
    }
    seen.set(dedupeKey, row.line);
    plan.sessions.push(result);
  }
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}

type ResolvedPath = { path: string } | { reason: string };
type ResolvePath = (relativePath: string, maxBytes: number) => Promise<ResolvedPath>;

async function planRow(
  record: Record<string, string>,
  line: number,
  options: PlanSessionsOptions,
  resolve: ResolvePath,
): Promise<SessionSpec | RowError | SkippedRow> {
  const fail = (reason: string): RowError => ({ line, reason });

  const tenantId = record['tenant_id'] || options.tenant || '';
  if (!tenantId) return fail('tenant_id is empty and no --tenant was given');
  if (!isTenantId(tenantId))
    return fail(`tenant_id "${truncate(tenantId)}" is not a valid tenant id (${TENANT_ID_PATTERN.source})`);
  if (options.tenant && tenantId !== options.tenant) {
    return { line, tenantId, reason: `tenant ${tenantId} is not --tenant ${options.tenant}` };
  }

  const videoUrl = record['video_url'] ?? '';
  if (!videoUrl) return fail('video_url is empty');
  try {
    validateMediaUrl(videoUrl, options.allowedHosts);
  } catch (error) {
    return fail(`video_url: ${(error as Error).message}`);
  }

  const language = record['language'] || options.defaultLanguage;
  if (!LANGUAGE_PATTERN.test(language)) return fail(`language "${truncate(language)}" is not a BCP-47 tag`);
  const provider = record['provider'] || options.defaultProvider;
  if (!PROVIDER_PATTERN.test(provider)) return fail(`provider "${truncate(provider)}" is not a valid provider name`);

  let actaPath: string | undefined;
  if (record['acta_path']) {
    const resolved = await resolve(record['acta_path'], options.maxActaBytes);
    if ('reason' in resolved) return fail(`acta_path: ${resolved.reason}`);
    actaPath = resolved.path;
  } else if (options.requireActa) {
    return fail('acta_path is empty (use --no-acta to download and transcribe only)');
  }

  let transcriptPath: string | undefined;
  if (record['transcript_path']) {
    const resolved = await resolve(record['transcript_path'], Number.MAX_SAFE_INTEGER);
    if ('reason' in resolved) return fail(`transcript_path: ${resolved.reason}`);
    transcriptPath = resolved.path;
  } else if (options.transcripts === 'file') {
    return fail('transcript_path is empty but --transcripts file was chosen');
  }

  const metadata = Object.fromEntries(
    Object.entries(record).filter(([name, value]) => !KNOWN_COLUMNS.has(name) && value !== ''),
  );
  return {
    line,
    tenantId,
    id: sessionIdFor(tenantId, videoUrl),
    videoUrl,
    ...(actaPath ? { actaPath } : {}),
    ...(transcriptPath ? { transcriptPath } : {}),
    ...(record['session_id'] ? { externalId: record['session_id'] } : {}),
    language,
    provider,
    metadata,
  };
}

/** Resolves a CSV-relative path and checks it is a readable regular file inside `base` (symlinks included). */
async function resolveInside(base: string, relativePath: string, maxBytes: number): Promise<ResolvedPath> {
  if (relativePath.includes('\0')) return { reason: 'contains a NUL byte' };
  const candidate = path.resolve(base, relativePath);
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return { reason: `${truncate(relativePath)} does not exist` };
  }
  const relative = path.relative(base, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { reason: `${truncate(relativePath)} is outside ${base}` };
  }
  const info = await stat(real);
  if (!info.isFile()) return { reason: `${truncate(relativePath)} is not a file` };
  if (info.size > maxBytes)
    return { reason: `${truncate(relativePath)} is ${info.size} bytes, over the ${maxBytes}-byte limit` };
  return { path: real };
}

type CsvRow = { line: number; fields: string[]; error?: undefined } | { line: number; fields: []; error: RowError };

/** Splits CSV text into rows with the line each starts on; a malformed row becomes an error row, not a throw. */
function parseCsvRows(csvText: string): CsvRow[] {
  const text = csvText.startsWith('\uFEFF') ? csvText.slice(1) : csvText;
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  const rows: CsvRow[] = [];
  const records = parse(text, {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      const line = Number((error as { lines?: unknown } | undefined)?.lines ?? 0);
      if (error) rows.push({ line, fields: [], error: { line, reason: `malformed CSV: ${error.message}` } });
    },
  }) as unknown as Array<{ record: string[]; info: { lines: number }; raw: string }>;
  for (const { record, info, raw } of records) {
    const newlinesInside = count(raw.replace(/\r?\n$/, ''), '\n');
    rows.push({ line: info.lines - newlinesInside, fields: record });
  }
  return rows.sort((a, b) => a.line - b.line);
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

function truncate(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
