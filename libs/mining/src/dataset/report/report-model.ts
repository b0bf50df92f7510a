import type { DatasetSummary, SplitName } from '../dataset-model';

/** Where a segment of the report ended up: one of the splits, or rejected. */
export type SegmentStatus = SplitName | 'rejected';

/** What one session gave: the per-session table of the report. */
export type ReportSession = {
  sessionId: string;
  split: SplitName;
  /** The recording's title (yt-dlp metadata) or the caller's session id, when known. */
  title?: string;
  /** Length of the session audio (`{uuid}.source.json`); undefined when there is no source record. */
  audioSec?: number;
  /** Provider of the stored transcript (`{uuid}.transcript.json`), when there is one. */
  transcriptProvider?: string;
  kept: number;
  keptSec: number;
  rejected: number;
  rejectedSec: number;
  rejectedByReason: Record<string, number>;
  /** Duration-weighted CER of the kept segments (undefined without any). */
  meanCer?: number;
  /** Optional per-session facts shown as they are (transcript repairs, speaker mapping, unreadable sidecars). */
  notes: string[];
};

/** One row of the segment table. */
export type ReportSegment = {
  status: SegmentStatus;
  reason?: string;
  /** Why it is in the table: among the highest CER, the random sample of the rest, or a rejected example. */
  pick: 'worst' | 'sample' | 'rejected';
  sessionId: string;
  /** Position of the segment in the session recording, seconds. */
  offset: number;
  duration: number;
  /** Where its audio is: the session audio at `offset`, or a cut WAV of the segment alone (offset 0). */
  audio: { filepath: string; offset: number };
  cer: number;
  score: number;
  text: string;
  textOriginal: string;
  asrText: string;
  speaker?: string;
};

/** Kept and rejected segments whose value (CER, duration) falls in one bucket. */
export type ReportBucket = { label: string; kept: number; keptSec: number; rejected: number; rejectedSec: number };

/** The alignment settings the segments were made with (architecture §6). */
export type ReportAlignSettings = {
  minDurationSec: number;
  maxDurationSec: number;
  maxCer: number;
  minScore: number;
  minCoverage: number;
  labelStyle: string;
  summaryPolicy: string;
  /** What the aligner did with labels the diarization contradicts: `reject` or `unlabel`. */
  speakerMismatch: string;
};

export type ReportProvenance = {
  /** ISO 8601. */
  builtAt: string;
  storageUri: string;
  devShare: number;
  testShare: number;
  /** Undefined when the builder does not know them (`build` over segments mined earlier). */
  align?: ReportAlignSettings;
  /** Tool → version → sessions whose audio it made (from the source records). */
  tools: Record<string, Record<string, number>>;
  /** Package → version of the code that built the dataset. */
  packages: Record<string, string>;
};

/** How many segments the table holds, of how many. */
export type ReportSelection = {
  worst: number;
  sample: number;
  rejected: number;
  totalKept: number;
  totalRejected: number;
};

/** Everything the HTML report shows; rendering it is pure (`renderDatasetReport`). */
export type DatasetReport = {
  summary: DatasetSummary;
  sessions: ReportSession[];
  cerBuckets: ReportBucket[];
  durationBuckets: ReportBucket[];
  segments: ReportSegment[];
  selection: ReportSelection;
  provenance: ReportProvenance;
};
