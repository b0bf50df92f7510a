import type { ManifestLine } from '@astra/aligner';

/**
 * The line with `pred_text` = `asr_text` right after `asr_text` (key order is the file's column order). NeMo's
 * Speech Data Explorer reads a model's prediction from `pred_text`; ours is what the ASR heard in the span.
 */
export function withPredText<L extends ManifestLine>(line: L): L & { pred_text: string } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(line)) {
    if (key === 'pred_text') continue;
    out[key] = value;
    if (key === 'asr_text') out.pred_text = line.asr_text;
  }
  return out as L & { pred_text: string };
}
