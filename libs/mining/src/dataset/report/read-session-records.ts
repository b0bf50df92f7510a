import { isStorageError, sessionKeys, type Storage } from '@astra/storage';
import type { SessionHeader } from '../../session/session-header';
import { sourceRecordSchema } from '../../session/source-record';
import { describeExtra } from './describe-extra';

/** What a session's sidecars tell the report (every field optional: older or hand-made data lacks them). */
export type SessionRecord = {
  title?: string;
  audioSec?: number;
  transcriptProvider?: string;
  /** Tool → version that made the session's audio. */
  tools: Record<string, string>;
  notes: string[];
};

export type ReadSessionRecordsOptions = {
  /** The header lines of the sessions' segments files: when a session has one, its transcript is not read. */
  headers?: ReadonlyMap<string, SessionHeader>;
  signal?: AbortSignal;
  /** Sessions read at the same time (default 4). */
  concurrency?: number;
  maxSourceBytes?: number;
  maxTranscriptBytes?: number;
};

const DEFAULT_MAX_SOURCE_BYTES = 1024 * 1024;
const DEFAULT_MAX_TRANSCRIPT_BYTES = 64 * 1024 * 1024;
/** The Transcript fields of architecture §4; anything else on the stored transcript is shown as a note. */
const TRANSCRIPT_FIELDS = new Set(['provider', 'language', 'durationSec', 'words']);

/**
 * Reads `{uuid}.source.json` (audio length, title, tool versions) and `{uuid}.transcript.json` (provider and any
 * extra fields, such as the repair counts of validation) of each session. A missing sidecar leaves its facts
 * unknown and an unreadable one becomes a note: the report shows what is there and never blocks a build.
 * Storage failures other than "not found" / "too large" propagate.
 */
export async function readSessionRecords(
  storage: Storage,
  tenantId: string,
  sessionIds: readonly string[],
  options: ReadSessionRecordsOptions = {},
): Promise<Map<string, SessionRecord>> {
  const records = new Map<string, SessionRecord>();
  let next = 0;
  const worker = async () => {
    while (next < sessionIds.length) {
      const sessionId = sessionIds[next];
      next += 1;
      if (sessionId !== undefined)
        records.set(sessionId, await readSessionRecord(storage, tenantId, sessionId, options));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return records;
}

async function readSessionRecord(
  storage: Storage,
  tenantId: string,
  sessionId: string,
  options: ReadSessionRecordsOptions,
): Promise<SessionRecord> {
  const keys = sessionKeys(tenantId, sessionId);
  const record: SessionRecord = { tools: {}, notes: [] };
  const source = await readJson(
    storage,
    keys.source,
    options.maxSourceBytes ?? DEFAULT_MAX_SOURCE_BYTES,
    options.signal,
  );
  if (source.kind === 'unreadable') record.notes.push(`source.json ${source.why}`);
  if (source.kind === 'json') {
    const parsed = sourceRecordSchema.safeParse(source.value);
    if (parsed.success) {
      const title = typeof parsed.data.source.title === 'string' ? parsed.data.source.title : undefined;
      const external = parsed.data.externalId;
      const name = title && external ? `${title} (${external})` : (title ?? external);
      if (name) record.title = name;
      record.audioSec = parsed.data.durationSec;
      record.tools = { ...parsed.data.tools };
    } else {
      record.notes.push(`source.json is not a source record: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
  }
  const header = options.headers?.get(sessionId);
  if (header) {
    const { transcript, speakers } = header.session;
    record.transcriptProvider = transcript.provider;
    if (transcript.repairs) {
      const note = describeExtra('transcript repairs', transcript.repairs);
      if (note) record.notes.push(note);
    }
    const voices = describeSpeakers(speakers);
    if (voices) record.notes.push(voices);
    return record;
  }
  // Segments files written before the header existed: the transcript says the provider and the repairs.
  const transcript = await readJson(
    storage,
    keys.transcript,
    options.maxTranscriptBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES,
    options.signal,
  );
  if (transcript.kind === 'unreadable') record.notes.push(`transcript.json ${transcript.why}`);
  if (transcript.kind === 'json' && isRecord(transcript.value)) {
    const { provider } = transcript.value;
    if (typeof provider === 'string') record.transcriptProvider = provider;
    for (const [key, value] of Object.entries(transcript.value)) {
      if (TRANSCRIPT_FIELDS.has(key)) continue;
      const note = describeExtra(`transcript ${key}`, value);
      if (note) record.notes.push(note);
    }
  }
  return record;
}

/** `speakers: Ana Ruiz → voice 1; Juan Pérez → voices 0, 3 (tentative)` — who the aligner heard on which voice. */
function describeSpeakers(speakers: SessionHeader['session']['speakers']): string | undefined {
  if (speakers.length === 0) return undefined;
  const parts = speakers.map((mapping) => {
    const voices = mapping.diarizationSpeakers;
    const heard = voices.length === 0 ? 'no voice' : `${voices.length === 1 ? 'voice' : 'voices'} ${voices.join(', ')}`;
    return `${mapping.actaSpeaker} → ${heard}${mapping.established ? '' : ' (tentative)'}`;
  });
  return describeExtra('speakers', parts.join('; '));
}

type JsonRead = { kind: 'missing' } | { kind: 'unreadable'; why: string } | { kind: 'json'; value: unknown };

async function readJson(storage: Storage, key: string, maxBytes: number, signal?: AbortSignal): Promise<JsonRead> {
  let bytes: Buffer;
  try {
    bytes = await storage.getBytes(key, { maxBytes, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (isStorageError(error) && error.code === 'not_found') return { kind: 'missing' };
    if (isStorageError(error) && error.code === 'too_large')
      return { kind: 'unreadable', why: `is over ${maxBytes} bytes: not read` };
    throw error;
  }
  try {
    return { kind: 'json', value: JSON.parse(bytes.toString('utf8')) as unknown };
  } catch {
    return { kind: 'unreadable', why: 'is not JSON' };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
