import type { Transcript, TranscriptSourceKind } from '@astra/contracts';

/** What a transcript source is asked for: one stored recording of one session. */
export type TranscriptRequest = {
  tenantId: string;
  /** The session UUID (part of astra-core's Idempotency-Key). */
  sessionId: string;
  /** BCP-47 language of the session. */
  language: string;
  /** astra-core provider (`deepgram`); other sources ignore it. */
  provider: string;
  /** Where the normalised WAV is stored (`s3://astra-raw/mining/t/<uuid>.wav`): what astra-core reads. */
  audioUri: string;
  /** sha256 of the stored WAV: the same audio in another storage is the same transcription. */
  audioSha256?: string;
  /** The recording's page or media URL: where captions come from. */
  videoUrl: string;
  /** Duration of the stored audio: fills transcripts that do not say it and bounds word times. */
  durationSec: number;
  /** A transcript already on disk (the `file` source; CSV column `transcript_path`). */
  transcriptPath?: string;
  signal?: AbortSignal;
  /** Where the source is (`queued`, `processing` while astra-core is polled…), for live views. */
  onProgress?: (event: TranscriptProgress) => void;
};

export type TranscriptProgress = { state: string; detail?: string };

/**
 * One way of getting a session's transcript (architecture §4). A source returns the transcript normalised
 * but not yet validated: the pipeline validates and repairs every transcript the same way, whatever its
 * source. Adding a source (SRT files, another service) means adding one folder under `sources/`.
 */
export interface TranscriptSource {
  /** `astra-core`, `captions`, `file`: written to logs and to the stored transcript's provenance. */
  readonly kind: TranscriptSourceKind;
  transcribe(request: TranscriptRequest): Promise<Transcript>;
  /** Releases sockets and the like; the source is unusable afterwards. */
  close(): Promise<void>;
}
