export { TRANSCRIPT_SOURCE_KINDS } from './transcript-source';
export type {
  TranscriptProgress,
  TranscriptRequest,
  TranscriptSource,
  TranscriptSourceKind,
} from './transcript-source';
export { createAstraCoreSource } from './sources/astra-core/astra-core-source';
export type { AstraCoreSourceOptions } from './sources/astra-core/astra-core-source';
export { createCaptionsSource } from './sources/captions/captions-source';
export type { CaptionsSourceOptions } from './sources/captions/captions-source';
export { createFileSource } from './sources/file/file-source';
export { readTranscriptFile } from './sources/file/read-transcript-file';
export type { ReadTranscriptFileOptions } from './sources/file/read-transcript-file';
export { normalizeTranscript } from './formats/normalize-transcript';
export type { TranscriptHints } from './formats/normalize-transcript';
export { parseCaptions } from './formats/parse-captions';
export type { CaptionFormat } from './formats/parse-captions';
export { TranscriptError } from './errors';
export type { TranscriptErrorCode } from './errors';
