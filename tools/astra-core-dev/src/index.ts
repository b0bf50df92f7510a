export {
  startCoreDevServer,
  DEFAULT_CORE_DEV_SERVER_OPTIONS,
  resolveCoreDevServerOptions,
  parseFaults,
} from './start-core-dev-server';
export type { ResolvedCoreDevServerOptions } from './start-core-dev-server';
export { coreDevFaultSchema } from './model';
export type {
  CoreDevFault,
  CoreDevMode,
  CoreDevServer,
  CoreDevServerOptions,
  CoreDevStats,
  RecordedRequest,
} from './model';
export { CoreDevServerError } from './errors';
export type { CoreDevServerErrorCode } from './errors';
export { createTranscriptStore, stemOfUri } from './transcript-store';
export type { LookupResult, TranscriptStore } from './transcript-store';
