import type { Word } from '@astra/contracts';
import type { ResolvedAlignOptions } from '../align-options';
import type { ActaStream, TranscriptStream } from '../match/build-streams';
import { cleanWrittenLabel } from '../segments/clean-written-label';
import { editDistance, stringEditDistance, type EditDistanceScratch } from './compute-error-rates';
import type { Candidate } from '../segments/cut-segments';
import type { EdgeEvidence } from '../segments/edge-evidence';
import { countIn, type LabelDefects } from '../segments/find-label-defects';
import type { RejectReason, Segment } from '../model';

/** Below this boundary confidence a cut is not trusted (an edge that could not be placed scores 0). */
export const MIN_BOUNDARY_CONFIDENCE = 0.3;
/** Summaries must match this much better than verbatim text to be kept under the `strict` policy. */
const SUMMARY_CER_FACTOR = 0.5;
const SUMMARY_MIN_COVERAGE = 0.9;

export interface ScoreInput {
  acta: ActaStream;
  transcript: TranscriptStream;
  words: readonly Word[];
  vocabulary: readonly string[];
  solid: Uint8Array;
  defects: LabelDefects;
  edgeEvidence: EdgeEvidence;
  options: ResolvedAlignOptions;
  scratch: EditDistanceScratch;
}

/** Match forms of stream tokens [first, last] joined by spaces (what CER is computed on). */
function joinTokens(ids: Int32Array, first: number, last: number, vocabulary: readonly string[]): string {
  const parts: string[] = [];
  for (let k = first; k <= last; k += 1) parts.push(vocabulary[ids[k] ?? 0] ?? '');
  return parts.join(' ');
}

/** Highest token id written as one UTF-16 unit below the surrogate range. */
const MAX_CHAR_ID = 0xd7ff - 0x100;

function tokenChars(ids: Int32Array, first: number, last: number): string | undefined {
  let out = '';
  for (let k = first; k <= last; k += 1) {
    const id = ids[k] ?? 0;
    if (id > MAX_CHAR_ID) return undefined;
    out += String.fromCharCode(0x100 + id);
  }
  return out;
}

/** Word-level edit distance: tokens as characters through the bit-parallel string distance (DP as a fallback). */
function tokenEditDistance(
  a: Int32Array,
  aFirst: number,
  aLast: number,
  b: Int32Array,
  bFirst: number,
  bLast: number,
  scratch: EditDistanceScratch,
): number {
  const x = tokenChars(a, aFirst, aLast);
  const y = tokenChars(b, bFirst, bLast);
  if (x !== undefined && y !== undefined) return stringEditDistance(x, y, scratch);
  return editDistance(a.subarray(aFirst, aLast + 1), b.subarray(bFirst, bLast + 1));
}

export interface ScoredSegment {
  segment: Segment;
  reason: RejectReason | undefined;
}

/**
 * Score in [0, 1]: (1 − CER) × (0.5 + 0.5 × coverage) × (0.75 + 0.25 × boundary confidence). CER and coverage
 * dominate; a clean cut adds the last quarter.
 */
export function scoreOf(cer: number, coverage: number, boundaryConfidence: number): number {
  const value = (1 - Math.min(1, cer)) * (0.5 + 0.5 * coverage) * (0.75 + 0.25 * boundaryConfidence);
  return Math.min(1, Math.max(0, value));
}

interface Checks {
  duration: number;
  boundaryConfidence: number;
  coverage: number;
  cer: number;
  score: number;
  missingSpeech: boolean;
  extraText: boolean;
  speakerChange: boolean;
  /** Both edges hold a content word the ASR heard. */
  edgesHeard: boolean;
}

/** The first failing check, label defects first (they say the label is wrong, whatever its other figures). */
function firstFailure(options: ResolvedAlignOptions, checks: Checks): RejectReason | undefined {
  if (checks.missingSpeech) return 'label_missing_speech';
  if (checks.extraText) return 'label_extra_text';
  if (checks.speakerChange) return 'speaker_mismatch';
  if (checks.duration < options.minDurationSec) return 'too_short';
  if (checks.duration > options.maxDurationSec) return 'too_long';
  if (checks.boundaryConfidence < MIN_BOUNDARY_CONFIDENCE || !checks.edgesHeard) return 'boundary_uncertain';
  if (checks.coverage < options.minCoverage) return 'low_coverage';
  if (checks.cer > options.maxCer) return 'cer_above_max';
  if (checks.score < options.minScore) return 'score_below_min';
  return undefined;
}

/** The diarized speaker of most words of [first, last] (lowest id on a tie), or undefined when none has one. */
function diarizedSpeaker(words: readonly Word[], first: number, last: number): number | undefined {
  const counts = new Map<number, number>();
  for (let w = first; w <= last; w += 1) {
    const speaker = words[w]?.speaker;
    if (speaker !== undefined) counts.set(speaker, (counts.get(speaker) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [speaker, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== undefined && speaker < best)) best = speaker;
  }
  return best;
}

/** Turns a candidate into a segment (labels, ASR text, CER/WER, score) and decides whether it is kept. */
export function scoreCandidate(input: ScoreInput, candidate: Candidate): ScoredSegment {
  const { acta, transcript, words, vocabulary, solid, options } = input;
  const labelFragment = acta.fragments[candidate.fragmentIndex];
  if (labelFragment === undefined) throw new RangeError(`No fragment ${candidate.fragmentIndex}.`);
  const { fragment, spoken } = labelFragment;
  // Whole chunks (acta words as written) and whole transcript words, never parts of them.
  let aFirst = candidate.aFirst;
  let aLast = candidate.aLast;
  while (aFirst > labelFragment.first && acta.chunk[aFirst - 1] === acta.chunk[aFirst]) aFirst -= 1;
  while (aLast + 1 < labelFragment.end && acta.chunk[aLast + 1] === acta.chunk[aLast]) aLast += 1;
  let bFirst = candidate.bFirst;
  let bLast = candidate.bLast;
  while (bFirst > 0 && transcript.word[bFirst - 1] === transcript.word[bFirst]) bFirst -= 1;
  while (bLast + 1 < transcript.word.length && transcript.word[bLast + 1] === transcript.word[bLast]) bLast += 1;
  const firstChunk = spoken.chunks[acta.chunk[aFirst] ?? 0];
  const lastChunk = spoken.chunks[acta.chunk[aLast] ?? 0];
  const textOriginal = fragment.text.slice(firstChunk?.start ?? 0, lastChunk?.end ?? fragment.text.length);
  let text: string;
  if (options.labelStyle === 'spoken') {
    const from = firstChunk?.firstToken ?? 0;
    const to = (lastChunk?.firstToken ?? 0) + (lastChunk?.tokenCount ?? 0);
    text = spoken.tokens.slice(from, to).join(' ');
  } else text = cleanWrittenLabel(textOriginal);
  const firstWord = transcript.word[bFirst] ?? 0;
  const lastWord = transcript.word[bLast] ?? firstWord;
  const heard: string[] = [];
  for (let w = firstWord; w <= lastWord; w += 1) {
    const wordText = words[w]?.text.trim() ?? '';
    if (wordText !== '') heard.push(wordText);
  }
  const asrText = heard.join(' ');
  const labelChars = joinTokens(acta.ids, aFirst, aLast, vocabulary);
  const heardChars = joinTokens(transcript.ids, bFirst, bLast, vocabulary);
  const same = labelChars === heardChars;
  const cer =
    labelChars.length === 0
      ? 1
      : same
        ? 0
        : stringEditDistance(labelChars, heardChars, input.scratch) / labelChars.length;
  const wer =
    aLast < aFirst
      ? 1
      : same
        ? 0
        : tokenEditDistance(acta.ids, aFirst, aLast, transcript.ids, bFirst, bLast, input.scratch) /
          (aLast - aFirst + 1);
  let solidCount = 0;
  for (let i = aFirst; i <= aLast; i += 1) solidCount += solid[i] ?? 0;
  const coverage = solidCount / Math.max(1, aLast - aFirst + 1);
  const score = scoreOf(cer, coverage, candidate.boundaryConfidence);
  const duration = candidate.end - candidate.offset;
  const { defects } = input;
  const diarizationSpeaker = defects.diarized ? diarizedSpeaker(words, firstWord, lastWord) : undefined;
  const segment: Segment = {
    offset: candidate.offset,
    duration,
    text,
    textOriginal,
    asrText,
    cer,
    wer,
    score,
    ...(fragment.speaker === undefined ? {} : { speaker: fragment.speaker }),
    ...(diarizationSpeaker === undefined ? {} : { diarizationSpeaker }),
    ...(fragment.itemIndex > 0 ? { agendaItem: fragment.itemIndex } : {}),
    fragmentId: fragment.id,
    wordRange: [firstWord, lastWord + 1],
  };
  let reason = firstFailure(options, {
    duration,
    boundaryConfidence: candidate.boundaryConfidence,
    coverage,
    cer,
    score,
    missingSpeech: countIn(defects.missingSpeech, bFirst, bLast) > 0,
    extraText: countIn(defects.extraText, aFirst, aLast) > 0,
    speakerChange: defects.crossesSpeakerChange(bFirst, bLast),
    edgesHeard: input.edgeEvidence(aFirst, aLast),
  });
  if (!fragment.verbatim) {
    const strictPass = cer <= options.maxCer * SUMMARY_CER_FACTOR && coverage >= SUMMARY_MIN_COVERAGE;
    if (options.summaryPolicy === 'reject' || reason !== undefined || !strictPass) reason = 'summary_fragment';
  }
  return { segment, reason };
}
