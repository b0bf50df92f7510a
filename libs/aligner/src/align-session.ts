import type { Transcript } from '@astra/contracts';
import type { Acta } from '@astra/contracts';
import { resolveAlignOptions, type AlignOptions } from './align-options';
import { createNearMatcher } from './match/align-gap';
import { alignTokens } from './match/align-tokens';
import { buildNgramIndex, createAnchorTables } from './match/find-anchors';
import { buildActaStream, buildTranscriptStream, Vocabulary } from './match/build-streams';
import { createEditDistanceScratch } from './score/compute-error-rates';
import { cutSegments } from './segments/cut-segments';
import { createEdgeEvidence } from './segments/edge-evidence';
import { findLabelDefects } from './segments/find-label-defects';
import { mapSpeakers } from './speakers/map-speakers';
import { checkActa, checkTranscript } from './check-inputs';
import {
  rejectReasonSchema,
  type AlignResult,
  type AlignStats,
  type RejectReason,
  type RejectedSegment,
  type Segment,
} from './model';
import { resolveOverlaps } from './segments/resolve-overlaps';
import { scoreCandidate } from './score/score-segment';

function emptyReasons(): Record<RejectReason, number> {
  return Object.fromEntries(rejectReasonSchema.options.map((reason) => [reason, 0])) as Record<RejectReason, number>;
}

/**
 * Aligns the acta's label fragments with the transcript's words and cuts scored segments. Pure and
 * deterministic: same inputs, same output. Throws {@link AlignError} only for malformed inputs or options.
 */
export function alignSession(transcript: Transcript, acta: Acta, options: AlignOptions = {}): AlignResult {
  const resolved = resolveAlignOptions(options);
  checkTranscript(transcript);
  checkActa(acta);
  const vocabulary = new Vocabulary();
  const actaStream = buildActaStream(acta, vocabulary, resolved.language);
  const transcriptStream = buildTranscriptStream(transcript, vocabulary, resolved.language);
  const tokens = alignTokens(
    {
      a: actaStream.ids,
      b: transcriptStream.ids,
      near: createNearMatcher(vocabulary.words),
      fragmentOf: actaStream.fragment,
      aNgrams: buildNgramIndex(actaStream.ids, vocabulary.words.length),
      bNgrams: buildNgramIndex(transcriptStream.ids, vocabulary.words.length),
      tables: createAnchorTables(actaStream.ids.length, transcriptStream.ids.length),
    },
    actaStream,
  );
  const scratch = createEditDistanceScratch();
  const defects = findLabelDefects({
    acta: actaStream,
    transcript: transcriptStream,
    words: transcript.words,
    vocabulary: vocabulary.words,
    alignment: tokens.alignment,
    language: resolved.language,
    scratch,
  });
  const edgeEvidence = createEdgeEvidence(actaStream, tokens.alignment, vocabulary.words, resolved.language);
  const lastEnd = transcript.words[transcript.words.length - 1]?.end ?? 0;
  const candidates = cutSegments({
    acta: actaStream,
    transcript: transcriptStream,
    words: transcript.words,
    durationSec: Math.max(transcript.durationSec, lastEnd),
    vocabulary: vocabulary.words,
    alignment: tokens.alignment,
    solid: tokens.solid,
    defects,
    edgeEvidence,
    options: resolved,
  });
  const scoreInput = {
    acta: actaStream,
    transcript: transcriptStream,
    words: transcript.words,
    vocabulary: vocabulary.words,
    solid: tokens.solid,
    defects,
    edgeEvidence,
    options: resolved,
    scratch,
  };
  const passed: Segment[] = [];
  const rejected: RejectedSegment[] = [];
  for (const candidate of candidates) {
    const { segment, reason } = scoreCandidate(scoreInput, candidate);
    if (reason === undefined) passed.push(segment);
    else rejected.push({ ...segment, reason });
  }
  // Speakers: the mapping is learnt from the labels every other check accepted, then applied to them.
  const speakerMap = mapSpeakers(passed);
  const keptCandidates: Segment[] = [];
  let unlabelledSpeakers = 0;
  for (const segment of passed) {
    if (!speakerMap.contradicts(segment)) keptCandidates.push(segment);
    else if (resolved.speakerMismatch === 'reject') rejected.push({ ...segment, reason: 'speaker_mismatch' });
    else {
      const { speaker: _contradicted, ...unlabelled } = segment;
      keptCandidates.push(unlabelled);
      unlabelledSpeakers += 1;
    }
  }
  const { kept, dropped } = resolveOverlaps(keptCandidates);
  for (const segment of dropped) rejected.push({ ...segment, reason: 'overlap' });
  rejected.sort((x, y) => x.offset - y.offset || x.wordRange[0] - y.wordRange[0]);
  const rejectedByReason = emptyReasons();
  for (const segment of rejected) rejectedByReason[segment.reason] += 1;
  let matchedTokens = 0;
  for (let i = 0; i < tokens.solid.length; i += 1) matchedTokens += tokens.solid[i] ?? 0;
  const stats: AlignStats = {
    transcriptWords: transcript.words.length,
    labelFragments: actaStream.fragments.length,
    verbatimFragments: actaStream.fragments.filter((f) => f.fragment.verbatim).length,
    alignedFragments: new Set(kept.map((s) => s.fragmentId)).size,
    actaTokens: actaStream.ids.length,
    transcriptTokens: transcriptStream.ids.length,
    matchedTokens,
    anchors: tokens.anchors,
    reorderedBlocks: tokens.reorderedBlocks,
    kept: kept.length,
    rejected: rejected.length,
    keptDurationSec: kept.reduce((total, s) => total + s.duration, 0),
    rejectedDurationSec: rejected.reduce((total, s) => total + s.duration, 0),
    rejectedByReason,
    diarized: defects.diarized,
    unlabelledSpeakers,
  };
  resolved.logger.debug({ stage: 'align', ...stats, speakers: speakerMap.mappings.length }, 'aligned session');
  return { kept, rejected, speakers: speakerMap.mappings, stats };
}
