export { checkNodeSupport, SUPPORTED_NODE_RANGE } from './config/check-node-support';
export type { CheckNodeSupportOptions, NodeSupportProblem } from './config/check-node-support';
export { ConfigError } from './config/config-error';
export { booleanText, readVariable, wholeNumber } from './config/read-variable';
export type { Env } from './config/read-variable';
export { prepareProcessTempDir } from './config/prepare-process-temp-dir';
export type { ProcessTempDir, ProcessTempDirOptions } from './config/prepare-process-temp-dir';
export { LOG_LEVELS, resolveRuntimeConfig, RUNTIME_DEFAULTS } from './config/runtime-config';
export type { LogLevel, RuntimeConfig, RuntimeOverrides } from './config/runtime-config';
export { checkToolVersions, MIN_YTDLP_VERSION, resolveToolMinimums } from './config/tool-minimums';
export type { ToolMinimums, ToolVersionWarning } from './config/tool-minimums';
export { createPipeline } from './create-pipeline';
export type { Pipeline, PipelineOptions } from './create-pipeline';
export { buildDataset } from './dataset/build-dataset';
export type { BuiltDataset, DatasetSummary } from './dataset/build-dataset';
export { writeDataset } from './dataset/write-dataset';
export type { WriteDatasetOptions, WrittenDataset } from './dataset/write-dataset';
export { MiningError } from './errors';
export type { MiningErrorCode } from './errors';
export { formatFailure, sessionFailureSchema } from './model';
export type { RowError, SessionFailure, SessionOutcome, SessionSpec, SessionStage, StageProgress } from './model';
export { DEFAULT_MAX_ACTA_BYTES, readSessionsCsv } from './plan/plan-sessions';
export type { SessionPlan } from './plan/plan-sessions';
export {
  DEFAULT_MINING_JOB_OPTIONS,
  MINING_QUEUE,
  miningJobId,
  miningJobSchema,
  toMiningJob,
} from './queue/mining-job';
export type { JobAlignSettings, MiningJob } from './queue/mining-job';
export { alignToManifest } from './session/align-to-manifest';
export type { SessionLines } from './session/align-to-manifest';
export { ensureAudio } from './session/ensure-audio';
export { storeActa } from './session/mining-orchestrator';
export type { MineSessionOptions } from './session/mining-orchestrator';
export { runSessions } from './session/run-sessions';
