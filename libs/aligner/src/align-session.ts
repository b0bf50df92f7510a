import type { Transcript } from '@astra/core-client';
import type { Acta } from '@astra/semantic-extractor';
import { resolveAlignOptions, type AlignOptions } from './align-options';
import { createNearMatcher } from './match/align-gap';
import { alignTokens } from './match/align-tokens';
import { buildNgramIndex, createAnchorTables } from './match/find-anchors';
import { buildActaStream, buildTranscriptStream, Vocabulary } from './match/build-streams';
import { createEditDistanceScratch } from './score/compute-error-rates';
import { cutSegments } from './segments/cut-segments';
import { AlignError } from './errors';
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

function checkTranscript(transcript: Transcript): void {
  if (transcript === null || typeof transcript !== 'object' || !Array.isArray(transcript.words)) {
    throw new AlignError('invalid_transcript', 'Transcript has no words array.', { path: 'words' });
  }
  let previousStart = 0;
  transcript.words.forEach((word, index) => {
    const path = `words[${index}]`;
    if (word === null || typeof word !== 'object' || typeof word.text !== 'string') {
      throw new AlignError('invalid_transcript', `Transcript word ${index} has no text.`, { path: `${path}.text` });
    }
    const { start, end } = word;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start) {
      throw new AlignError(
        'invalid_transcript',
        `Transcript word ${index} has bad times (start ${String(start)}, end ${String(end)}).`,
        { path },
      );
    }
    if (start < previousStart) {
      throw new AlignError('invalid_transcript', `Transcript word ${index} starts before the word before it.`, {
        path: `${path}.start`,
      });
    }
    previousStart = start;
  });
}

/**
 * Structural check of the acta (the extractor validated it already; this guards hand-made or stale JSON without
 * loading the extractor at run time).
 */
function checkActa(acta: Acta): void {
  if (acta === null || typeof acta !== 'object' || !Array.isArray(acta.fragments)) {
    throw new AlignError('invalid_acta', 'Acta has no fragments array.', { path: 'fragments' });
  }
  acta.fragments.forEach((fragment, index) => {
    const path = `fragments[${index}]`;
    const ok =
      fragment !== null &&
      typeof fragment === 'object' &&
      typeof fragment.id === 'string' &&
      fragment.id !== '' &&
      typeof fragment.text === 'string' &&
      typeof fragment.kind === 'string' &&
      typeof fragment.verbatim === 'boolean' &&
      Number.isInteger(fragment.itemIndex) &&
      fragment.itemIndex >= 0 &&
      (fragment.speaker === undefined || typeof fragment.speaker === 'string');
    if (!ok)
      throw new AlignError(
        'invalid_acta',
        `Acta fragment ${index} is malformed (id, kind, verbatim, itemIndex, text).`,
        { path },
      );
  });
}

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
  const lastEnd = transcript.words[transcript.words.length - 1]?.end ?? 0;
  const candidates = cutSegments({
    acta: actaStream,
    transcript: transcriptStream,
    words: transcript.words,
    durationSec: Math.max(transcript.durationSec, lastEnd),
    vocabulary: vocabulary.words,
    alignment: tokens.alignment,
    solid: tokens.solid,
    options: resolved,
  });
  const scoreInput = {
    acta: actaStream,
    transcript: transcriptStream,
    words: transcript.words,
    vocabulary: vocabulary.words,
    solid: tokens.solid,
    options: resolved,
    scratch: createEditDistanceScratch(),
  };
  const keptCandidates: Segment[] = [];
  const rejected: RejectedSegment[] = [];
  for (const candidate of candidates) {
    const { segment, reason } = scoreCandidate(scoreInput, candidate);
    if (reason === undefined) keptCandidates.push(segment);
    else rejected.push({ ...segment, reason });
  }
  const { kept, dropped } = resolveOverlaps(keptCandidates);
  for (const segment of dropped) rejected.push({ ...segment, reason: 'overlap' });
  rejected.sort((x, y) => x.offset - y.offset || x.wordRange[0] - y.wordRange[0]);
  const rejectedByReason = emptyReasons();
  for (const segment of rejected) rejectedByReason[segment.reason] += 1;
  let matchedTokens = 0;
  for (const flag of tokens.solid) matchedTokens += flag;
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
  };
  resolved.logger.debug({ stage: 'align', ...stats }, 'aligned session');
  return { kept, rejected, stats };
}
