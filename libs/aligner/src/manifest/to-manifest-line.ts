import { AlignError } from '../errors';
import {
  manifestContextSchema,
  type ManifestContext,
  type ManifestLine,
  type RejectedLine,
  type RejectedSegment,
  type Segment,
} from '../model';

/** Seconds rounded to the millisecond; rates and scores to three decimals. */
function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

const isFilled = (x: unknown): boolean => typeof x === 'string' && x.length > 0;

/** {@link manifestContextSchema}'s test by hand for the common valid case: zod on every line was most of the writing. */
function isValidContext(context: ManifestContext): boolean {
  const value = context as unknown;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { audioFilepath, tenantId, sessionId, sourceUrl, lang } = value as Record<string, unknown>;
  return (
    isFilled(audioFilepath) &&
    isFilled(tenantId) &&
    isFilled(sessionId) &&
    typeof sourceUrl === 'string' &&
    isFilled(lang)
  );
}

function checkContext(context: ManifestContext): void {
  if (isValidContext(context)) return;
  // Anything else goes through zod, which words the error.
  const parsed = manifestContextSchema.safeParse(context);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new AlignError(
      'invalid_manifest_context',
      `Invalid manifest context: ${path}: ${issue?.message ?? 'invalid'}.`,
      {
        cause: parsed.error,
        path,
      },
    );
  }
}

/**
 * One `train.jsonl` line (docs/architecture.md §6): exactly its fields, in its order, snake_case; offset and duration rounded
 * to the millisecond (duration never rounded to 0), cer and score to three decimals. `speaker` and `agenda_item`
 * only when known.
 */
export function toManifestLine(segment: Segment, context: ManifestContext): ManifestLine {
  checkContext(context);
  if (
    !Number.isFinite(segment.offset) ||
    !Number.isFinite(segment.duration) ||
    segment.offset < 0 ||
    segment.duration <= 0
  ) {
    throw new AlignError('invalid_segment', `Segment of fragment ${segment.fragmentId} has bad times.`, {
      path: 'offset',
    });
  }
  const offset = round3(segment.offset);
  const duration = Math.max(0.001, round3(segment.offset + segment.duration) - offset);
  return {
    audio_filepath: context.audioFilepath,
    offset,
    duration: round3(duration),
    text: segment.text,
    text_original: segment.textOriginal,
    asr_text: segment.asrText,
    cer: round3(segment.cer),
    score: round3(segment.score),
    lang: context.lang,
    tenant_id: context.tenantId,
    session_id: context.sessionId,
    source_url: context.sourceUrl,
    ...(segment.speaker === undefined ? {} : { speaker: segment.speaker }),
    ...(segment.agendaItem === undefined ? {} : { agenda_item: segment.agendaItem }),
  };
}

/** One `rejected.jsonl` line: the manifest line of the segment plus its `reason`. */
export function toRejectedLine(segment: RejectedSegment, context: ManifestContext): RejectedLine {
  return { ...toManifestLine(segment, context), reason: segment.reason };
}
