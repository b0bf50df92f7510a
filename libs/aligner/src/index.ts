export { alignSession } from './align-session';
export { LABEL_STYLES, resolveAlignOptions, SPEAKER_MISMATCH_POLICIES, SUMMARY_POLICIES } from './align-options';
export type {
  AlignOptions,
  LabelStyle,
  ResolvedAlignOptions,
  SpeakerMismatchPolicy,
  SummaryPolicy,
} from './align-options';
export {
  manifestLineSchema,
  rejectReasonSchema,
  rejectedLineSchema,
  speakerMappingSchema,
  type AlignResult,
  type AlignStats,
  type ManifestContext,
  type ManifestLine,
  type RejectReason,
  type RejectedLine,
  type RejectedSegment,
  type Segment,
  type SpeakerEvidence,
  type SpeakerMapping,
} from './model';
export { toManifestLine, toRejectedLine } from './manifest/to-manifest-line';
export { formatJsonl } from './manifest/format-jsonl';
export { normalizeForMatch } from './spanish/normalize-for-match';
export { toSpokenForm } from './spanish/to-spoken-form';
export { computeCer, computeWer, type ErrorRateOptions } from './score/compute-error-rates';
export { AlignError, type AlignErrorCode, type AlignErrorOptions } from './errors';
