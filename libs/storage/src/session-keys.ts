import { describeValue, isSessionId } from '@astra/contracts';
import { StorageError } from './errors';
import { assertTenantId } from './tenant-id';

/** The objects of one session (architecture §3), all under `mining/{tenant}/`. */
export interface SessionKeys {
  /** `mining/{tenant}/{uuid}.wav` — normalised audio. */
  audio: string;
  /** `….acta.docx` — the original minutes, when they are a DOCX. */
  acta: string;
  /** `….acta.pdf` — the original minutes, when they are a PDF (a session has one or the other). */
  actaPdf: string;
  /** `….source.json` — source URL, yt-dlp metadata, sha256, durationSec, tool versions. */
  source: string;
  /** `….transcript.json` — normalised Transcript. */
  transcript: string;
  /** `….acta.json` — extracted Acta. */
  actaJson: string;
  /** `….segments.jsonl` — aligned segments, kept and rejected. */
  segments: string;
}

/** `mining/{tenant}/` — the folder of one tenant (ends with '/': usable as a `list` prefix). */
export function tenantPrefix(tenantId: string): string {
  return `mining/${assertTenantId(tenantId)}/`;
}

/**
 * Keys of one session. `sessionId` must be a UUID (any version; upper case is normalised to lower
 * case so one session never has two spellings); else `StorageError('invalid_key')`.
 */
export function sessionKeys(tenantId: string, sessionId: string): SessionKeys {
  const prefix = tenantPrefix(tenantId);
  if (!isSessionId(sessionId)) {
    throw new StorageError('invalid_key', `Invalid session id ${describeValue(sessionId)}: expected a UUID.`);
  }
  const base = `${prefix}${sessionId.toLowerCase()}`;
  return {
    audio: `${base}.wav`,
    acta: `${base}.acta.docx`,
    actaPdf: `${base}.acta.pdf`,
    source: `${base}.source.json`,
    transcript: `${base}.transcript.json`,
    actaJson: `${base}.acta.json`,
    segments: `${base}.segments.jsonl`,
  };
}
