import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AlignOptions, ManifestContext } from '@astra/aligner';
import {
  actaSchema,
  redactUrl,
  silentLogger,
  transcriptSchema,
  validateTranscript,
  type Acta,
  type Logger,
  type Transcript,
} from '@astra/contracts';
import { formatJsonl } from '@astra/aligner';
import { extractActa, sniffActaFormat, type ActaFormat, type ExtractActaOptions } from '@astra/semantic-extractor';
import { sessionKeys, type SessionKeys, type Storage } from '@astra/storage';
import type { TranscriptSource } from '@astra/transcripts';
import { MiningError } from '../errors';
import { DEFAULT_MAX_ACTA_BYTES } from '../plan/plan-sessions';
import type { SessionOutcome, SessionSpec, SessionStage, StageProgress } from '../model';
import { alignToManifest, sessionSegmentLines } from './align-to-manifest';
import type { SessionHeader } from './session-header';
import { describeFailure } from './describe-failure';
import { ensureAudio, type DownloadSettings } from './ensure-audio';
import type { SourceRecord } from './source-record';

export type MiningOrchestratorOptions = {
  storage: Storage;
  /** Where transcripts come from (architecture §4): astra-core, the video's captions or files. */
  transcripts: TranscriptSource;
  download?: DownloadSettings;
  align?: Partial<AlignOptions>;
  extract?: ExtractActaOptions;
  /** Parent of the per-session temp dirs (default os.tmpdir()); each is removed when its stage ends. */
  tmpRoot?: string;
  maxActaBytes?: number;
  maxJsonBytes?: number;
  logger?: Logger;
};

export type MineSessionOptions = {
  signal?: AbortSignal;
  onProgress?: (event: StageProgress) => void;
  /** This session's alignment settings over the orchestrator's (a queued job carries its own). */
  align?: Partial<AlignOptions>;
};

const DEFAULT_MAX_JSON_BYTES = 256 * 1024 * 1024;

/**
 * Runs one session through acta → download → transcribe → align. Expensive stages (download, transcribe)
 * are skipped when their output is already in storage; cheap deterministic ones (extract, align) always
 * re-run so new options take effect. The acta goes first: a corrupt DOCX fails before an hour of audio
 * is downloaded.
 */
export class MiningOrchestrator {
  private readonly storage: Storage;
  private readonly logger: Logger;

  constructor(private readonly options: MiningOrchestratorOptions) {
    this.storage = options.storage;
    this.logger = options.logger ?? silentLogger;
  }

  async mineSession(session: SessionSpec, runOptions: MineSessionOptions = {}): Promise<SessionOutcome> {
    const keys = sessionKeys(session.tenantId, session.id);
    const ran: SessionStage[] = [];
    let stage: SessionStage = 'acta';
    const report = (state: StageProgress['state'], extra: Partial<StageProgress> = {}) =>
      runOptions.onProgress?.({ sessionId: session.id, stage, state, ...extra });
    const context = { tenantId: session.tenantId, sessionId: session.id };
    const { signal } = runOptions;

    try {
      report('start');
      const acta = await this.prepareActa(session, keys, signal);
      report('done', acta ? { detail: `${acta.fragments.length} fragments` } : { detail: 'no acta' });

      stage = 'download';
      report('start');
      const audio = await ensureAudio(this.storage, session, {
        ...pickDefined({ download: this.options.download, tmpRoot: this.options.tmpRoot, signal }),
        logger: this.logger,
        onProgress: (event) => {
          if (event.stage === 'download' && event.percent !== undefined) {
            report('progress', { percent: event.percent, ...pickDefined({ speedBps: event.speedBps }) });
          }
        },
      });
      const source = audio.record;
      if (audio.downloaded) ran.push('download');
      report(audio.downloaded ? 'done' : 'skip');
      this.logger.info({ ...context, stage, durationSec: source.durationSec }, 'audio ready');

      stage = 'transcribe';
      let transcript = await this.readStoredTranscript(keys);
      if (transcript) {
        report('skip');
      } else {
        report('start');
        transcript = await this.transcribe(session, keys, source, runOptions, (detail) =>
          report('progress', { detail }),
        );
        ran.push('transcribe');
        report('done', { detail: `${transcript.words.length} words` });
      }

      if (!acta) {
        return { status: 'ok', session, audioSec: source.durationSec, keptSec: 0, kept: 0, rejected: 0, ran };
      }
      stage = 'align';
      report('start');
      const align = { ...this.options.align, ...runOptions.align };
      const aligned = await this.alignToStorage(session, keys, transcript, acta, align, signal);
      ran.push('align');
      report('done', { detail: `${aligned.kept} kept, ${aligned.rejected} rejected` });
      return { status: 'ok', session, audioSec: source.durationSec, ...aligned, ran };
    } catch (error) {
      const failure = describeFailure(stage, error, signal);
      this.logger.warn({ ...context, ...failure }, 'session failed');
      return { status: 'failed', session, failure, error: error instanceof Error ? error : new Error(String(error)) };
    }
  }

  /** Copies a local acta into storage (once; unchanged bytes are not rewritten), then extracts it. */
  private async prepareActa(session: SessionSpec, keys: SessionKeys, signal?: AbortSignal): Promise<Acta | undefined> {
    const maxBytes = this.options.maxActaBytes ?? DEFAULT_MAX_ACTA_BYTES;
    let bytes: Buffer | undefined;
    if (session.actaPath) {
      // Extract from the local file first: a broken acta fails with its own reason and nothing is stored.
      bytes = await readLocalActa(session.actaPath, maxBytes);
      const acta = await this.extract(bytes, signal);
      await storeActa(this.storage, session, { maxBytes, bytes, ...pickDefined({ signal }) });
      return this.storeActaJson(keys, acta, signal);
    } else {
      // A worker reads the acta enqueue stored: a DOCX or a PDF, whichever is there.
      for (const key of [keys.acta, keys.actaPdf]) {
        if (!(await this.storage.exists(key))) continue;
        bytes = await this.storage.getBytes(key, { maxBytes, ...pickDefined({ signal }) });
        break;
      }
    }
    if (!bytes) return undefined;
    return this.storeActaJson(keys, await this.extract(bytes, signal), signal);
  }

  private async extract(bytes: Buffer, signal?: AbortSignal): Promise<Acta> {
    return actaSchema.parse(await extractActa(bytes, { ...this.options.extract, ...pickDefined({ signal }) }));
  }

  private async storeActaJson(keys: SessionKeys, acta: Acta, signal?: AbortSignal): Promise<Acta> {
    await this.storage.put(keys.actaJson, `${JSON.stringify(acta, null, 2)}\n`, {
      contentType: 'application/json',
      ...pickDefined({ signal }),
    });
    return acta;
  }

  private async readStoredTranscript(keys: SessionKeys): Promise<Transcript | undefined> {
    if (!(await this.storage.exists(keys.transcript))) return undefined;
    return transcriptSchema.parse(JSON.parse(await this.readText(keys.transcript)));
  }

  /** Asks the transcript source, validates (and repairs) what it gives once, stores it: never transcribe twice. */
  private async transcribe(
    session: SessionSpec,
    keys: SessionKeys,
    source: SourceRecord,
    runOptions: MineSessionOptions,
    onState: (detail: string) => void,
  ): Promise<Transcript> {
    const raw = await this.options.transcripts.transcribe({
      tenantId: session.tenantId,
      sessionId: session.id,
      language: session.language,
      provider: session.provider,
      audioUri: this.storage.uriFor(keys.audio),
      audioSha256: source.sha256,
      videoUrl: session.videoUrl,
      durationSec: source.durationSec,
      ...pickDefined({ transcriptPath: session.transcriptPath, signal: runOptions.signal }),
      onProgress: (event) => onState(event.detail ? `${event.state} (${event.detail})` : event.state),
    });
    const { transcript, warnings, repairs } = validateTranscript(raw);
    const context = { tenantId: session.tenantId, sessionId: session.id };
    if (warnings.length > 0) this.logger.warn({ ...context, warnings }, 'transcript warnings');
    if (transcript.repairs) this.logger.info({ ...context, repairs }, 'transcript timing repaired');
    await this.storage.put(keys.transcript, `${JSON.stringify(transcript)}\n`, {
      contentType: 'application/json',
      ...pickDefined({ signal: runOptions.signal }),
    });
    return transcript;
  }

  private async alignToStorage(
    session: SessionSpec,
    keys: SessionKeys,
    transcript: Transcript,
    acta: Acta,
    align: Partial<AlignOptions>,
    signal?: AbortSignal,
  ): Promise<{ kept: number; rejected: number; keptSec: number }> {
    const context: ManifestContext = {
      audioFilepath: audioFilepathFor(this.storage.uriFor(keys.audio)),
      tenantId: session.tenantId,
      sessionId: session.id,
      // The URL may carry credentials or a signature: what is stored is the redacted form.
      sourceUrl: redactUrl(session.videoUrl),
      lang: session.language,
    };
    const lines = alignToManifest(transcript, acta, context, align);
    const header: SessionHeader = {
      session: {
        tenant_id: session.tenantId,
        session_id: session.id,
        transcript: {
          provider: transcript.provider,
          words: transcript.words.length,
          ...(transcript.repairs ? { repairs: transcript.repairs } : {}),
        },
        speakers: lines.speakers,
      },
    };
    await this.storage.put(keys.segments, formatJsonl(sessionSegmentLines(header, lines)), {
      contentType: 'application/x-ndjson',
      ...pickDefined({ signal }),
    });
    return { kept: lines.kept.length, rejected: lines.rejected.length, keptSec: lines.keptSec };
  }

  private async readText(key: string): Promise<string> {
    const bytes = await this.storage.getBytes(key, { maxBytes: this.options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES });
    return bytes.toString('utf8');
  }
}

const ACTA_CONTENT_TYPES: Record<ActaFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * Puts a session's local acta into storage at `{uuid}.acta.docx` or `{uuid}.acta.pdf` (by its bytes, not its
 * name) unless the same bytes are already there, removes a copy of the other format, and returns the bytes and
 * the key. `enqueue` uses it so that workers only read storage.
 */
export async function storeActa(
  storage: Storage,
  session: SessionSpec,
  options: { maxBytes?: number; signal?: AbortSignal; bytes?: Buffer } = {},
): Promise<{ bytes: Buffer; key: string }> {
  if (!session.actaPath) throw new MiningError('invalid_input', `Session on line ${session.line} has no acta_path`);
  const keys = sessionKeys(session.tenantId, session.id);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ACTA_BYTES;
  const local = options.bytes ?? (await readLocalActa(session.actaPath, maxBytes));
  const format = sniffActaFormat(local);
  if (!format) {
    throw new MiningError('invalid_input', `The acta ${session.actaPath} is neither a DOCX nor a PDF (by its content)`);
  }
  const key = format === 'pdf' ? keys.actaPdf : keys.acta;
  const other = format === 'pdf' ? keys.acta : keys.actaPdf;
  const signal = pickDefined({ signal: options.signal });
  if (await storage.exists(other)) await storage.delete(other);
  const stored = await storage.head(key);
  if (stored?.bytes === local.length) {
    const storedBytes = await storage.getBytes(key, { maxBytes, ...signal });
    if (sha256(storedBytes) === sha256(local)) return { bytes: local, key };
  }
  await storage.put(key, local, { contentType: ACTA_CONTENT_TYPES[format], ...signal });
  return { bytes: local, key };
}

async function readLocalActa(actaPath: string, maxBytes: number): Promise<Buffer> {
  const bytes = await readFile(actaPath).catch((cause: unknown) => {
    throw new MiningError('invalid_input', `Cannot read the acta ${actaPath}: ${(cause as Error).message}`, { cause });
  });
  if (bytes.length > maxBytes) throw new MiningError('invalid_input', `The acta ${actaPath} is over ${maxBytes} bytes`);
  return bytes;
}

/** NeMo wants a path it can open: file storage gives an absolute path, S3 keeps its s3:// URI. */
function audioFilepathFor(uri: string): string {
  return uri.startsWith('file://') ? fileURLToPath(uri) : uri;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pickDefined<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
