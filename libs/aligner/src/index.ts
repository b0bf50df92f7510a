export { alignSession } from './align-session';
export {
  DEFAULT_ALIGN_OPTIONS,
  resolveAlignOptions,
  type AlignOptions,
  type LabelStyle,
  type ResolvedAlignOptions,
  type SummaryPolicy,
} from './align-options';
export {
  manifestContextSchema,
  manifestLineSchema,
  rejectReasonSchema,
  rejectedLineSchema,
  rejectedSegmentSchema,
  segmentSchema,
  type AlignResult,
  type AlignStats,
  type ManifestContext,
  type ManifestLine,
  type RejectReason,
  type RejectedLine,
  type RejectedSegment,
  type Segment,
} from './model';
export { toManifestLine, toRejectedLine } from './to-manifest-line';
export { formatJsonl } from './format-jsonl';
export { normalizeForMatch } from './normalize-for-match';
export { toSpokenForm } from './to-spoken-form';
export { cleanWrittenLabel } from './clean-written-label';
export {
  MAX_SPELLED_NUMBER,
  numberToSpanishWords,
  ordinalToSpanishWords,
  type NumberGender,
  type NumberToWordsOptions,
  type OrdinalOptions,
} from './number-to-spanish-words';
export { computeCer, computeWer, type ErrorRateOptions } from './compute-error-rates';
export { AlignError, isAlignError, type AlignErrorCode, type AlignErrorOptions } from './errors';
