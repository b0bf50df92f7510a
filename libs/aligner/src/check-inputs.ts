import type { Transcript } from '@astra/contracts';
import type { Acta } from '@astra/contracts';
import { AlignError } from './errors';

/**
 * Structural check of the transcript. Word times must already be in order: transcript validation
 * (`validateTranscript` of @astra/core-client) repairs the jitter word-timestamp ASR produces before this point;
 * overlaps are tolerated.
 */
export function checkTranscript(transcript: Transcript): void {
  if (transcript === null || typeof transcript !== 'object' || !Array.isArray(transcript.words)) {
    throw new AlignError('invalid_transcript', 'Transcript has no words array.', { path: 'words' });
  }
  let previousStart = 0;
  const { words } = transcript;
  for (let index = 0; index < words.length; index += 1) {
    const word = words[index];
    if (word === null || typeof word !== 'object' || typeof word.text !== 'string') {
      throw new AlignError('invalid_transcript', `Transcript word ${index} has no text.`, {
        path: `words[${index}].text`,
      });
    }
    const { start, end } = word;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end < start) {
      throw new AlignError(
        'invalid_transcript',
        `Transcript word ${index} has bad times (start ${String(start)}, end ${String(end)}).`,
        { path: `words[${index}]` },
      );
    }
    if (start < previousStart) {
      throw new AlignError(
        'invalid_transcript',
        `Transcript word ${index} starts before the word before it (repair the transcript with validateTranscript first).`,
        { path: `words[${index}].start` },
      );
    }
    previousStart = start;
  }
}

/**
 * Structural check of the acta (the extractor validated it already; this guards hand-made or stale JSON without
 * loading the extractor at run time).
 */
export function checkActa(acta: Acta): void {
  if (acta === null || typeof acta !== 'object' || !Array.isArray(acta.fragments)) {
    throw new AlignError('invalid_acta', 'Acta has no fragments array.', { path: 'fragments' });
  }
  acta.fragments.forEach((fragment, index) => {
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
        { path: `fragments[${index}]` },
      );
  });
}
