/**
 * `@astra/mining/config`: what an app reads before it knows which command runs (settings, support checks, the
 * defaults its help shows). A separate entry so that `astra-ingest --help` or `download` does not load BullMQ,
 * pdf.js and the aligner: Node start-up is most of a one-off command's CPU overhead (issue 15).
 */
export { checkNodeSupport, SUPPORTED_NODE_RANGE } from './check-node-support';
export type { CheckNodeSupportOptions, NodeSupportProblem } from './check-node-support';
export { ConfigError } from './config-error';
export { booleanText, readVariable, wholeNumber } from './read-variable';
export type { Env } from './read-variable';
export { prepareProcessTempDir } from './prepare-process-temp-dir';
export type { ProcessTempDir, ProcessTempDirOptions } from './prepare-process-temp-dir';
export { LOG_LEVELS, resolveRuntimeConfig, RUNTIME_DEFAULTS } from './runtime-config';
export type { LogLevel, RuntimeConfig, RuntimeOverrides } from './runtime-config';
export { checkToolVersions, MIN_YTDLP_VERSION, resolveToolMinimums } from './tool-minimums';
export type { ToolMinimums, ToolVersionWarning } from './tool-minimums';
export { DEFAULT_MINING_JOB_OPTIONS } from '../queue/mining-job';
