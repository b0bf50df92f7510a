export { actaMetaSchema, actaSchema, agendaItemSchema, fragmentKindSchema, fragmentSchema } from './acta/model';
export type { Acta, ActaMeta, AgendaItem, Fragment, FragmentKind } from './acta/model';
export { describeValue } from './describe-value';
export { ContractError } from './errors';
export type { ContractErrorCode } from './errors';
export { firstIssuePath, formatZodError } from './format-zod-error';
export { silentLogger } from './logging/logger';
export type { Logger } from './logging/logger';
export {
  datasetNameSchema,
  DATASET_NAME_PATTERN,
  isDatasetName,
  isSessionId,
  isTenantId,
  languageSchema,
  LANGUAGE_PATTERN,
  providerSchema,
  PROVIDER_PATTERN,
  tenantIdSchema,
  TENANT_ID_PATTERN,
} from './naming/naming-rules';
export { redactText, redactUrl } from './redaction/redact-url';
export { canonicalVideoUrl } from './session/canonical-video-url';
export { sessionIdFor } from './session/session-id-for';
export { youtubeVideoId } from './session/youtube-video-id';
export { transcriptRepairsSchema, transcriptSchema, wordSchema } from './transcript/model';
export type { Transcript, TranscriptRepairs, Word } from './transcript/model';
export { TRANSCRIPT_SOURCE_KINDS } from './transcript/transcript-source-kind';
export type { TranscriptSourceKind } from './transcript/transcript-source-kind';
export { validateTranscript } from './transcript/validate-transcript';
export type { ValidateTranscriptOptions, ValidateTranscriptResult } from './transcript/validate-transcript';
