export { buildDataset, splitOf, storeDataset } from './build-dataset';
export type {
  BuildDatasetOptions,
  BuiltDataset,
  DatasetFiles,
  DatasetLines,
  DatasetSummary,
  SplitName,
} from './build-dataset';
export { cutSegmentWavs } from './cut-segment-wavs';
export type { CutSegmentWavsOptions } from './cut-segment-wavs';
export { chooseCaptionTrack } from './choose-caption-track';
export { ensureAudio } from './ensure-audio';
export type { DownloadSettings, EnsureAudioOptions, EnsureAudioResult } from './ensure-audio';
export { MiningError } from './errors';
export type { MiningErrorCode } from './errors';
export { DEFAULT_MINING_JOB_OPTIONS, MINING_QUEUE, miningJobId, miningJobSchema, toMiningJob } from './mining-job';
export type { MiningJob } from './mining-job';
export { MiningOrchestrator, storeActa } from './mining-orchestrator';
export type { MineSessionOptions, MiningOrchestratorOptions, TranscriptSource } from './mining-orchestrator';
export { sessionSpecSchema, silentLogger, transcriptSourceKindSchema } from './model';
export type {
  Logger,
  RowError,
  SessionOutcome,
  SessionSpec,
  SessionStage,
  StageProgress,
  TranscriptSourceKind,
} from './model';
export { DEFAULT_MAX_ACTA_BYTES, DEFAULT_MAX_CSV_BYTES, planSessions, readSessionsCsv } from './plan-sessions';
export type { PlanSessionsOptions, SessionPlan, SkippedRow } from './plan-sessions';
export { runSessions } from './run-sessions';
export { sourceRecordSchema } from './source-record';
export type { SourceRecord } from './source-record';
