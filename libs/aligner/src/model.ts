import { z } from 'zod';

/**
 * Why a candidate segment was not kept. Stable: `rejected.jsonl` rows carry it. `label_missing_speech`: the ASR
 * heard real words (content, confident, no filler or repetition) the label lacks; `label_extra_text`: the label has
 * content words nobody said (no time for them in the audio); `speaker_mismatch`: the span crosses a change of
 * diarized speaker, or its diarized speaker contradicts the session's acta-speaker mapping.
 */
export const rejectReasonSchema = z.enum([
  'label_missing_speech',
  'label_extra_text',
  'speaker_mismatch',
  'summary_fragment',
  'too_short',
  'too_long',
  'boundary_uncertain',
  'low_coverage',
  'cer_above_max',
  'score_below_min',
  'overlap',
  /** Set by the dataset build, not the aligner: the label holds an id number, e-mail or phone (never a label). */
  'personal_data',
]);
export type RejectReason = z.infer<typeof rejectReasonSchema>;

/** One labelled span of the session audio, seconds from the start of the recording. */
export const segmentSchema = z.object({
  offset: z.number().finite().nonnegative(),
  duration: z.number().finite().positive(),
  /** The label in the chosen style (`written`: acta text cleaned; `spoken`: {@link toSpokenForm}). */
  text: z.string(),
  /** The acta text for the span exactly as written (whole words, their punctuation included). */
  textOriginal: z.string(),
  /** What the ASR heard in the span (its words joined by spaces). */
  asrText: z.string(),
  /** Character / word error rate of the match-normalised label against the ASR words. */
  cer: z.number().finite().nonnegative(),
  wer: z.number().finite().nonnegative(),
  score: z.number().finite().min(0).max(1),
  speaker: z.string().optional(),
  /** The diarized speaker of the span's transcript words (of most of them), when the transcript has diarization. */
  diarizationSpeaker: z.number().int().nonnegative().optional(),
  agendaItem: z.number().int().positive().optional(),
  fragmentId: z.string().min(1),
  /** Transcript words of the span: `[first, last + 1)` (half-open indices into `transcript.words`). */
  wordRange: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});
export type Segment = z.infer<typeof segmentSchema>;

export const rejectedSegmentSchema = segmentSchema.extend({ reason: rejectReasonSchema });
export type RejectedSegment = z.infer<typeof rejectedSegmentSchema>;

/** Where the session comes from: fills the fields of a manifest line that are not the segment's own. */
export const manifestContextSchema = z.object({
  audioFilepath: z.string().min(1),
  tenantId: z.string().min(1),
  sessionId: z.string().min(1),
  sourceUrl: z.string(),
  lang: z.string().min(1),
});
export type ManifestContext = z.infer<typeof manifestContextSchema>;

/** One `train.jsonl` line (docs/architecture.md §6), NeMo-manifest compatible; times in seconds rounded to the millisecond. */
export const manifestLineSchema = z.object({
  audio_filepath: z.string().min(1),
  offset: z.number().finite().nonnegative(),
  duration: z.number().finite().positive(),
  text: z.string(),
  text_original: z.string(),
  asr_text: z.string(),
  cer: z.number().finite().nonnegative(),
  score: z.number().finite().min(0).max(1),
  lang: z.string().min(1),
  tenant_id: z.string().min(1),
  session_id: z.string().min(1),
  source_url: z.string(),
  speaker: z.string().optional(),
  agenda_item: z.number().int().positive().optional(),
});
export type ManifestLine = z.infer<typeof manifestLineSchema>;

/** One `rejected.jsonl` line: a manifest line plus why it was not kept. */
export const rejectedLineSchema = manifestLineSchema.extend({ reason: rejectReasonSchema });
export type RejectedLine = z.infer<typeof rejectedLineSchema>;

const count = z.number().int().nonnegative();

/** Words and segments of kept labels of one acta speaker heard on one diarized speaker. */
export const speakerEvidenceSchema = z.object({
  diarizationSpeaker: count,
  words: count,
  segments: count,
});
export type SpeakerEvidence = z.infer<typeof speakerEvidenceSchema>;

/**
 * What the session taught about one acta speaker (the extractor's canonical name): the diarized speakers it is
 * heard on. For the session's segments file and the report.
 */
export const speakerMappingSchema = z.object({
  actaSpeaker: z.string().min(1),
  /** Diarized speakers accepted for this acta speaker, most evidence first (a voice split by diarization gives two). */
  diarizationSpeakers: z.array(count),
  /** Enough evidence (words) that segments contradicting the mapping are rejected as `speaker_mismatch`. */
  established: z.boolean(),
  words: count,
  /** Per diarized speaker, most words first. */
  evidence: z.array(speakerEvidenceSchema),
});
export type SpeakerMapping = z.infer<typeof speakerMappingSchema>;

/** Figures about one alignment run (for logs and the dataset report). */
export interface AlignStats {
  transcriptWords: number;
  /** Fragments usable as labels (kinds intervention, reading, vote, procedural) and how many of them are verbatim. */
  labelFragments: number;
  verbatimFragments: number;
  /** Fragments with at least one kept segment. */
  alignedFragments: number;
  actaTokens: number;
  transcriptTokens: number;
  /** Acta tokens matched (exactly or nearly) inside well-supported regions. */
  matchedTokens: number;
  /** Anchors of the main in-order chain, and agenda blocks placed by the out-of-order re-search. */
  anchors: number;
  reorderedBlocks: number;
  kept: number;
  rejected: number;
  keptDurationSec: number;
  rejectedDurationSec: number;
  rejectedByReason: Record<RejectReason, number>;
  /** The transcript carries diarized speakers (the speaker checks ran). */
  diarized: boolean;
  /** Kept segments whose contradicted acta speaker was dropped (`speakerMismatch: 'unlabel'`; 0 under `reject`). */
  unlabelledSpeakers: number;
}

export interface AlignResult {
  kept: Segment[];
  rejected: RejectedSegment[];
  /** Acta speaker → diarized speakers learnt from this session (empty without diarization), by acta speaker. */
  speakers: SpeakerMapping[];
  stats: AlignStats;
}
