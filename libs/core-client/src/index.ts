export { CoreClient } from './core-client';
export type {
  CoreClientOptions,
  SleepFn,
  TranscribeProgress,
  TranscribeRequest,
  TranscribeResult,
  TranscriptionStatus,
} from './core-client';
export { CoreClientError } from './errors';
export type { CoreClientErrorCode, CoreClientErrorOptions } from './errors';
export {
  errorResponseSchema,
  transcriptionJobErrorSchema,
  transcriptionOptionsSchema,
  transcriptionRequestSchema,
  transcriptionResponseSchema,
  TRANSCRIPTION_STATES,
} from './api-model';
export type {
  ErrorResponse,
  TranscriptionJobError,
  TranscriptionOptions,
  TranscriptionRequest,
  TranscriptionResponse,
  TranscriptionState,
} from './api-model';
export { deepgramPrerecordedSchema, whisperVerboseJsonSchema } from './provider-payloads';
export type { DeepgramPrerecorded, WhisperVerboseJson } from './provider-payloads';
