import type { ManifestLine, RejectedLine } from '@astra/aligner';

export type SplitName = 'train' | 'dev' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'dev', 'test'];

/**
 * A line of `train/dev/test.jsonl`: the manifest line of architecture §6 plus `pred_text`, the ASR text under the
 * name NeMo's Speech Data Explorer reads (the same words as `asr_text`).
 */
export type DatasetLine = ManifestLine & { pred_text: string };
/** A line of `rejected.jsonl`: a rejected segment's line, with `pred_text` too. */
export type DatasetRejectedLine = RejectedLine & { pred_text: string };

export type DatasetSummary = {
  tenantId: string;
  name: string;
  sessions: number;
  splits: Record<SplitName, { sessions: number; segments: number; hours: number }>;
  rejected: { segments: number; hours: number; byReason: Record<string, number> };
};
