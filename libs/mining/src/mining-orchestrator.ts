import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  alignSession,
  formatJsonl,
  toManifestLine,
  toRejectedLine,
  type AlignOptions,
  type ManifestContext,
} from '@astra/aligner';
import {
  parseCaptions,
  readTranscriptFile,
  transcriptSchema,
  validateTranscript,
  type CoreClient,
  type Transcript,
} from '@astra/core-client';
import { fetchCaptions } from '@astra/downloader';
import { actaSchema, extractActa, type Acta, type ExtractActaOptions } from '@astra/semantic-extractor';
import { sessionKeys, type SessionKeys, type Storage } from '@astra/storage';
import { MiningError } from './errors';
import {
  silentLogger,
  type Logger,
  type SessionOutcome,
  type SessionSpec,
  type SessionStage,
  type StageProgress,
} from './model';
import { chooseCaptionTrack } from './choose-caption-track';
import { DEFAULT_MAX_ACTA_BYTES } from './plan-sessions';
import { ensureAudio, type DownloadSettings } from './ensure-audio';
import type { SourceRecord } from './source-record';

/** How transcripts are obtained for this run (DESIGN §4). */
export type TranscriptSource =
  | { kind: 'astra-core'; client: CoreClient; options?: { diarize?: boolean; punctuate?: boolean } }
  | { kind: 'captions' }
  | { kind: 'file' };

export type MiningOrchestratorOptions = {
  storage: Storage;
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
    const log = this.logger;
    const context = { tenantId: session.tenantId, sessionId: session.id };

    try {
      report('start');
      const acta = await this.prepareActa(session, keys, runOptions.signal);
      report('done', acta ? { detail: `${acta.fragments.length} fragments` } : { detail: 'no acta' });

      stage = 'download';
      report('start');
      const audio = await ensureAudio(this.storage, session, {
        ...pickDefined({ download: this.options.download, tmpRoot: this.options.tmpRoot, signal: runOptions.signal }),
        logger: this.logger,
        onProgress: (event) => {
          if (event.stage === 'download' && event.percent !== undefined) report('progress', { percent: event.percent });
        },
      });
      const source = audio.record;
      if (audio.downloaded) ran.push('download');
      report(audio.downloaded ? 'done' : 'skip');
      log.info({ ...context, stage, durationSec: source.durationSec }, 'audio ready');

      stage = 'transcribe';
      let transcript = await this.readStoredTranscript(keys);
      if (transcript) {
        report('skip');
      } else {
        report('start');
        transcript = await this.transcribe(session, keys, source, runOptions.signal);
        ran.push('transcribe');
        report('done', { detail: `${transcript.words.length} words` });
      }

      if (!acta) {
        return { status: 'ok', session, audioSec: source.durationSec, keptSec: 0, kept: 0, rejected: 0, ran };
      }
      stage = 'align';
      report('start');
      const aligned = await this.alignToStorage(session, keys, transcript, acta);
      ran.push('align');
      report('done', { detail: `${aligned.kept} kept, ${aligned.rejected} rejected` });
      return { status: 'ok', session, audioSec: source.durationSec, ...aligned, ran };
    } catch (error) {
      const failure = describeFailure(error, runOptions.signal);
      log.warn(
        { ...context, stage, code: failure.code, retryable: failure.retryable },
        `session failed: ${failure.reason}`,
      );
      return { status: 'failed', session, stage, ...failure };
    }
  }

  /** Copies a local acta into storage (once; unchanged bytes are not rewritten), then extracts it. */
  private async prepareActa(session: SessionSpec, keys: SessionKeys, signal?: AbortSignal): Promise<Acta | undefined> {
    const maxBytes = this.options.maxActaBytes ?? DEFAULT_MAX_ACTA_BYTES;
    let docx: Buffer | undefined;
    if (session.actaPath) {
      docx = await storeActa(this.storage, session, { maxBytes, signal });
    } else if (await this.storage.exists(keys.acta)) {
      docx = await this.storage.getBytes(keys.acta, { maxBytes, signal });
    }
    if (!docx) return undefined;
    const acta = actaSchema.parse(await extractActa(docx, this.options.extract));
    await this.storage.put(keys.actaJson, `${JSON.stringify(acta, null, 2)}\n`, {
      contentType: 'application/json',
      signal,
    });
    return acta;
  }

  private async readStoredTranscript(keys: SessionKeys): Promise<Transcript | undefined> {
    if (!(await this.storage.exists(keys.transcript))) return undefined;
    return transcriptSchema.parse(JSON.parse(await this.readText(keys.transcript)));
  }

  private async transcribe(
    session: SessionSpec,
    keys: SessionKeys,
    source: SourceRecord,
    signal?: AbortSignal,
  ): Promise<Transcript> {
    const hints = { language: session.language, durationSec: source.durationSec };
    const transcripts = this.options.transcripts;
    let transcript: Transcript;
    if (transcripts.kind === 'astra-core') {
      const result = await transcripts.client.transcribe({
        tenantId: session.tenantId,
        sessionId: session.id,
        audioUri: this.storage.uriFor(keys.audio),
        provider: session.provider,
        language: session.language,
        options: { diarize: true, punctuate: true, ...transcripts.options },
        ...(signal ? { signal } : {}),
      });
      transcript = result.transcript;
    } else if (transcripts.kind === 'captions') {
      const tracks = await fetchCaptions(session.videoUrl, {
        languages: [session.language, `${session.language}-.*`],
        ...pickDefined({
          tmpRoot: this.options.tmpRoot,
          ytDlpPath: this.options.download?.ytDlpPath,
          allowedHosts: this.options.download?.allowedHosts,
          allowPrivateNetwork: this.options.download?.allowPrivateNetwork,
        }),
        ...(signal ? { signal } : {}),
        logger: this.logger,
      });
      const track = chooseCaptionTrack(tracks, session.language);
      if (!track) {
        throw new MiningError(
          'stage_failed',
          `No ${session.language} captions or subtitles were found for ${session.videoUrl}`,
        );
      }
      transcript = parseCaptions(track.text, track.format === 'json3' ? 'json3' : 'vtt', hints);
    } else {
      if (!session.transcriptPath) throw new MiningError('invalid_input', 'No transcript_path for --transcripts file');
      transcript = await readTranscriptFile(session.transcriptPath, { hints });
    }
    const validated = validateTranscript(transcript).transcript;
    await this.storage.put(keys.transcript, `${JSON.stringify(validated)}\n`, {
      contentType: 'application/json',
      signal,
    });
    return validated;
  }

  private async alignToStorage(
    session: SessionSpec,
    keys: SessionKeys,
    transcript: Transcript,
    acta: Acta,
  ): Promise<{ kept: number; rejected: number; keptSec: number }> {
    const result = alignSession(transcript, acta, { ...this.options.align, language: session.language });
    const context: ManifestContext = {
      audioFilepath: audioFilepathFor(this.storage.uriFor(keys.audio)),
      tenantId: session.tenantId,
      sessionId: session.id,
      sourceUrl: session.videoUrl,
      lang: session.language,
    };
    const lines = [
      ...result.kept.map((segment) => toManifestLine(segment, context)),
      ...result.rejected.map((segment) => toRejectedLine(segment, context)),
    ].sort((a, b) => a.offset - b.offset);
    await this.storage.put(keys.segments, formatJsonl(lines), { contentType: 'application/x-ndjson' });
    const keptSec = result.kept.reduce((sum, segment) => sum + segment.duration, 0);
    return { kept: result.kept.length, rejected: result.rejected.length, keptSec };
  }

  private async readText(key: string): Promise<string> {
    const bytes = await this.storage.getBytes(key, { maxBytes: this.options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES });
    return bytes.toString('utf8');
  }
}

/**
 * Puts a session's local acta into storage at `{uuid}.acta.docx` unless the same bytes are already there,
 * and returns the bytes. `enqueue` uses it so that workers only read storage.
 */
export async function storeActa(
  storage: Storage,
  session: SessionSpec,
  options: { maxBytes?: number; signal?: AbortSignal } = {},
): Promise<Buffer> {
  if (!session.actaPath) throw new MiningError('invalid_input', `Session on line ${session.line} has no acta_path`);
  const keys = sessionKeys(session.tenantId, session.id);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ACTA_BYTES;
  const local = await readFile(session.actaPath);
  if (local.length > maxBytes)
    throw new MiningError('invalid_input', `The acta ${session.actaPath} is over ${maxBytes} bytes`);
  const stored = await storage.head(keys.acta);
  if (stored?.bytes === local.length) {
    const storedBytes = await storage.getBytes(keys.acta, {
      maxBytes,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (sha256(storedBytes) === sha256(local)) return local;
  }
  await storage.put(keys.acta, local, {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return local;
}

/** NeMo wants a path it can open: file storage gives an absolute path, S3 keeps its s3:// URI. */
function audioFilepathFor(uri: string): string {
  return uri.startsWith('file://') ? fileURLToPath(uri) : uri;
}

function describeFailure(error: unknown, signal?: AbortSignal) {
  const err = error instanceof Error ? error : new Error(String(error));
  const coded = err as Error & { code?: unknown; retryable?: unknown };
  const aborted = signal?.aborted === true;
  return {
    reason: err.message.split('\n')[0] ?? err.message,
    ...(typeof coded.code === 'string' ? { code: coded.code } : aborted ? { code: 'aborted' } : {}),
    retryable: aborted || coded.retryable === true,
    error: err,
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function pickDefined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
