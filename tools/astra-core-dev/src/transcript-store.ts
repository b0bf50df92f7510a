import { open } from 'node:fs/promises';
import path from 'node:path';

/** Why a transcript could not be served; becomes a 4xx/5xx answer. */
export type LookupFailure = { status: 404 | 500; code: string; message: string };
export type LookupResult = { ok: true; payload: unknown; source: string } | ({ ok: false } & LookupFailure);

export type TranscriptStore = { lookup(audioUri: string): Promise<LookupResult> };

const STEM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function stripQuery(uri: string): string {
  return uri.replace(/[?#].*$/s, '');
}

/** `<uuid>` from `s3://astra-raw/mining/t/<uuid>.wav` (last path segment, last extension removed). */
export function stemOfUri(audioUri: string): string | undefined {
  const last = stripQuery(audioUri).split('/').pop() ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(last);
  } catch {
    return undefined;
  }
  const stem = decoded.replace(/\.[^.]*$/, '');
  return STEM_PATTERN.test(stem) && !stem.includes('..') ? stem : undefined;
}

async function readSmallFile(
  filePath: string,
  maxBytes: number,
): Promise<{ ok: true; text: string } | { ok: false; reason: string; missing: boolean }> {
  let handle;
  try {
    handle = await open(filePath, 'r');
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    return { ok: false, reason: missing ? 'not found' : 'cannot be opened', missing };
  }
  try {
    const { size } = await handle.stat();
    if (size > maxBytes) return { ok: false, reason: `is larger than ${maxBytes} bytes`, missing: false };
    return { ok: true, text: (await handle.readFile()).toString('utf8').replace(/^\uFEFF/, '') };
  } finally {
    await handle.close();
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Finds the transcript payload of an audio URI: in `transcripts` (exact URI, then URI without query),
 * then in `transcriptsDir` via `index.json` (URI → file name inside the folder), then as
 * `<stem>.json` / `<stem>.transcript.json`. Payloads are served as they are, in whatever shape.
 */
export function createTranscriptStore(options: {
  transcripts?: ReadonlyMap<string, unknown>;
  transcriptsDir?: string;
  maxTranscriptBytes: number;
}): TranscriptStore {
  const dir = options.transcriptsDir === undefined ? undefined : path.resolve(options.transcriptsDir);
  const { maxTranscriptBytes } = options;

  const inside = (name: string): string | undefined => {
    if (dir === undefined) return undefined;
    const resolved = path.resolve(dir, name);
    return resolved.startsWith(`${dir}${path.sep}`) ? resolved : undefined;
  };

  const readPayload = async (filePath: string): Promise<LookupResult | undefined> => {
    const file = await readSmallFile(filePath, maxTranscriptBytes);
    if (!file.ok) {
      if (file.missing) return undefined;
      return {
        ok: false,
        status: 500,
        code: 'transcript_unreadable',
        message: `Transcript file ${path.basename(filePath)} ${file.reason}`,
      };
    }
    const parsed = parseJson(file.text);
    if (!parsed.ok) {
      return {
        ok: false,
        status: 500,
        code: 'transcript_unreadable',
        message: `Transcript file ${path.basename(filePath)} is not valid JSON`,
      };
    }
    return { ok: true, payload: parsed.value, source: path.basename(filePath) };
  };

  const fromIndex = async (uris: string[]): Promise<LookupResult | undefined> => {
    const indexPath = inside('index.json');
    if (indexPath === undefined) return undefined;
    const file = await readSmallFile(indexPath, maxTranscriptBytes);
    if (!file.ok) {
      if (file.missing) return undefined;
      return { ok: false, status: 500, code: 'index_unreadable', message: `index.json ${file.reason}` };
    }
    const parsed = parseJson(file.text);
    if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
      return {
        ok: false,
        status: 500,
        code: 'index_unreadable',
        message: 'index.json must be a JSON object mapping audio URI → file name',
      };
    }
    const index = parsed.value as Record<string, unknown>;
    for (const uri of uris) {
      const name = index[uri];
      if (name === undefined) continue;
      const filePath = typeof name === 'string' ? inside(name) : undefined;
      if (filePath === undefined) {
        return {
          ok: false,
          status: 500,
          code: 'index_unreadable',
          message: 'index.json names a file outside the transcripts folder',
        };
      }
      return (
        (await readPayload(filePath)) ?? {
          ok: false,
          status: 500,
          code: 'transcript_unreadable',
          message: `index.json names ${path.basename(filePath)}, which does not exist`,
        }
      );
    }
    return undefined;
  };

  return {
    async lookup(audioUri) {
      const uris = [...new Set([audioUri, stripQuery(audioUri)])];
      for (const uri of uris) {
        if (options.transcripts?.has(uri)) return { ok: true, payload: options.transcripts.get(uri), source: 'memory' };
      }
      const indexed = await fromIndex(uris);
      if (indexed) return indexed;
      const stem = stemOfUri(audioUri);
      if (stem !== undefined) {
        for (const name of [`${stem}.json`, `${stem}.transcript.json`]) {
          const filePath = inside(name);
          const found = filePath === undefined ? undefined : await readPayload(filePath);
          if (found) return found;
        }
      }
      return { ok: false, status: 404, code: 'audio_not_found', message: 'No transcript is known for this audio URI' };
    },
  };
}
