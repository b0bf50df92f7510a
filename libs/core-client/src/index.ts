export { transcriptRepairsSchema, transcriptSchema, wordSchema } from './model';
export type { Transcript, TranscriptRepairs, Word } from './model';

export { CoreClient, DEFAULT_CORE_CLIENT_OPTIONS, resolveCoreClientOptions } from './core-client';
export type {
  CoreClientOptions,
  ResolvedCoreClientOptions,
  SleepFn,
  TranscribeProgress,
  TranscribeRequest,
  TranscribeResult,
  TranscriptionStatus,
} from './core-client';

export { CoreClientError, TranscriptError } from './errors';
export type { CoreClientErrorCode, CoreClientErrorOptions, TranscriptErrorCode } from './errors';

export {
  LANGUAGE_PATTERN,
  PROVIDER_PATTERN,
  SESSION_ID_PATTERN,
  TENANT_ID_PATTERN,
  TRANSCRIPTION_ID_PATTERN,
  TRANSCRIPTION_STATES,
  errorResponseSchema,
  transcriptionJobErrorSchema,
  transcriptionOptionsSchema,
  transcriptionRequestSchema,
  transcriptionResponseSchema,
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

export { ESTIMATED_TIMING_CONFIDENCE, detectTranscriptShape, normalizeTranscript } from './normalize-transcript';
export type { TranscriptHints, TranscriptShape } from './normalize-transcript';

export {
  DEFAULT_VALIDATE_TRANSCRIPT_OPTIONS,
  resolveValidateTranscriptOptions,
  validateTranscript,
} from './validate-transcript';
export type { ValidateTranscriptOptions, ValidateTranscriptResult } from './validate-transcript';

export {
  DEFAULT_READ_TRANSCRIPT_FILE_OPTIONS,
  readTranscriptFile,
  resolveReadTranscriptFileOptions,
} from './read-transcript-file';
export type { ReadTranscriptFileOptions } from './read-transcript-file';

export { MAX_CAPTION_CHARS, parseCaptions } from './parse-captions';
export type { CaptionFormat } from './parse-captions';
export { DEFAULT_CAPTION_HINTS } from './build-caption-transcript';
export type { CaptionHints } from './build-caption-transcript';
export { parseWebVtt } from './parse-web-vtt';
export { json3Schema, parseJson3 } from './parse-json3';

export { redactUri } from './redact';
export { silentLogger } from './logger';
export type { Logger } from './logger';
