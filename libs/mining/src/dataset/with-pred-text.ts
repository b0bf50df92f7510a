import type { ManifestLine } from '@astra/aligner';

/**
 * The line with `pred_text` = `asr_text` right after `asr_text` (key order is the file's column order). NeMo's
 * Speech Data Explorer reads a model's prediction from `pred_text`; ours is what the ASR heard in the span.
 */
export function withPredText<L extends ManifestLine>(line: L): L & { pred_text: string } {
  // Destructuring keeps the fields as a fixed shape (fast to build and to serialise for 100k lines), in the
  // manifest's order: the six leading fields, pred_text, then the rest as they came.
  const { audio_filepath, offset, duration, text, text_original, asr_text, ...rest } = line as L & {
    pred_text?: string;
  };
  const { pred_text: _stale, ...others } = rest;
  return { audio_filepath, offset, duration, text, text_original, asr_text, pred_text: asr_text, ...others } as L & {
    pred_text: string;
  };
}
