import { z } from 'zod';
import { AlignError } from './errors';
import { silentLogger, type Logger } from '@astra/contracts';

/** Label styles, summary and speaker-mismatch policies: the values every caller (CLI choices, queue jobs) offers. */
export const LABEL_STYLES = ['written', 'spoken'] as const;
export type LabelStyle = (typeof LABEL_STYLES)[number];

/**
 * What to do with segments of summarised fragments (`verbatim: false`): `strict` keeps one only when it matches the
 * audio far better than required of verbatim text (CER ≤ maxCer / 2, coverage ≥ 0.9); `reject` never keeps one.
 */
export const SUMMARY_POLICIES = ['strict', 'reject'] as const;
export type SummaryPolicy = (typeof SUMMARY_POLICIES)[number];

/**
 * What to do with a segment whose acta speaker the session's diarization contradicts (`speaker_mismatch`): `reject`
 * it; or `unlabel` it — keep it without a speaker. Per segment, an acta naming the wrong person and diarization
 * confusing two voices look the same, and either way the words are the label's: `unlabel` keeps that speech for
 * datasets where the text matters and the speaker does not, and never keeps a speaker the audio contradicts.
 * A segment crossing a change of diarized speaker is rejected under both.
 */
export const SPEAKER_MISMATCH_POLICIES = ['reject', 'unlabel'] as const;
export type SpeakerMismatchPolicy = (typeof SPEAKER_MISMATCH_POLICIES)[number];

export interface AlignOptions {
  /** Segment duration bounds in seconds (docs/architecture.md §6: 1..30). */
  minDurationSec?: number;
  maxDurationSec?: number;
  /** Highest CER between the normalised label and the ASR words of a kept segment. */
  maxCer?: number;
  /** Lowest score of a kept segment (0 = no score filter). */
  minScore?: number;
  /** Lowest share of label tokens matched by ASR words in a kept segment. */
  minCoverage?: number;
  labelStyle?: LabelStyle;
  /** BCP-47 language of acta and transcript; Spanish rules (numbers, abbreviations) apply to `es*`. */
  language?: string;
  /** Shortest silence between two ASR words where a segment may start or end. */
  minPauseSec?: number;
  /** Most silence kept before the first and after the last word of a segment. */
  maxPadSec?: number;
  summaryPolicy?: SummaryPolicy;
  speakerMismatch?: SpeakerMismatchPolicy;
  logger?: Logger;
}

export type ResolvedAlignOptions = Required<AlignOptions>;

export const DEFAULT_ALIGN_OPTIONS: ResolvedAlignOptions = Object.freeze({
  minDurationSec: 1,
  maxDurationSec: 30,
  maxCer: 0.3,
  minScore: 0,
  minCoverage: 0.6,
  labelStyle: 'written',
  language: 'es',
  minPauseSec: 0.15,
  maxPadSec: 0.25,
  summaryPolicy: 'strict',
  speakerMismatch: 'reject',
  logger: silentLogger,
});

const numbersSchema = z
  .object({
    minDurationSec: z.number().finite().nonnegative(),
    maxDurationSec: z.number().finite().positive(),
    maxCer: z.number().finite().min(0).max(1),
    minScore: z.number().finite().min(0).max(1),
    minCoverage: z.number().finite().min(0).max(1),
    labelStyle: z.enum(LABEL_STYLES),
    language: z.string().min(1),
    minPauseSec: z.number().finite().nonnegative(),
    maxPadSec: z.number().finite().nonnegative(),
    summaryPolicy: z.enum(SUMMARY_POLICIES),
    speakerMismatch: z.enum(SPEAKER_MISMATCH_POLICIES),
  })
  .refine((o) => o.maxDurationSec > o.minDurationSec, { message: 'maxDurationSec must be above minDurationSec' });

/** Applies the defaults and validates; throws {@link AlignError} `invalid_options` with the first problem. */
export function resolveAlignOptions(options: AlignOptions = {}): ResolvedAlignOptions {
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const merged = { ...DEFAULT_ALIGN_OPTIONS, ...defined } as ResolvedAlignOptions;
  const { logger, ...rest } = merged;
  const parsed = numbersSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    throw new AlignError(
      'invalid_options',
      `Invalid align options: ${path === '' ? '' : `${path}: `}${issue?.message ?? 'invalid'}.`,
      {
        cause: parsed.error,
        path,
      },
    );
  }
  return { ...parsed.data, logger };
}
