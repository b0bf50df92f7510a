import { ContractError } from '../errors';
import { firstIssuePath, formatZodError } from '../format-zod-error';
import { transcriptSchema, type Transcript, type Word } from './model';

export type ValidateTranscriptOptions = {
  /** Words may end this far past `durationSec`; they are clamped to it (with a warning). Default 0.5 s. */
  durationToleranceSec?: number;
  /** A word may start this much earlier than the previous word and still count as ordered. Default 0.001 s. */
  orderToleranceSec?: number;
};

export const DEFAULT_VALIDATE_TRANSCRIPT_OPTIONS: Required<ValidateTranscriptOptions> = {
  durationToleranceSec: 0.5,
  orderToleranceSec: 0.001,
};

export function resolveValidateTranscriptOptions(
  options: ValidateTranscriptOptions = {},
): Required<ValidateTranscriptOptions> {
  return { ...DEFAULT_VALIDATE_TRANSCRIPT_OPTIONS, ...stripUndefined(options) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type ValidateTranscriptResult = { transcript: Transcript; warnings: string[] };

function invalid(message: string, path: string): ContractError {
  return new ContractError('invalid_transcript', `Invalid transcript: ${message}`, { path });
}

/**
 * Checks a transcript before use (architecture §4) and returns a new, cleaned one with warnings.
 * Errors (ContractError `invalid_transcript`, `path` naming the word): a schema violation (missing
 * field, non-finite or negative time, confidence outside [0, 1]); a word ending before it starts; a
 * word starting before the previous one (words must be in time order; overlaps are allowed); a word
 * ending more than `durationToleranceSec` past `durationSec`.
 * Warnings (each starts with a stable code, then `: detail`): `clamped_to_duration` (ends within the
 * tolerance were clamped to `durationSec`), `dropped_empty_words` (blank words removed), and
 * `empty_transcript` (no words: allowed, but flagged).
 */
export function validateTranscript(
  transcript: Transcript,
  options?: ValidateTranscriptOptions,
): ValidateTranscriptResult {
  const { durationToleranceSec, orderToleranceSec } = resolveValidateTranscriptOptions(options);
  const parsed = transcriptSchema.safeParse(transcript);
  if (!parsed.success) {
    throw new ContractError('invalid_transcript', `Invalid transcript: ${formatZodError(parsed.error)}`, {
      cause: parsed.error,
      path: firstIssuePath(parsed.error) ?? '',
    });
  }
  const { durationSec } = parsed.data;
  const warnings: string[] = [];
  const words: Word[] = [];
  let empty = 0;
  let clamped = 0;
  let maxOvershoot = 0;
  let previousStart = 0;
  parsed.data.words.forEach((word, index) => {
    const path = `words[${index}]`;
    if (word.end < word.start) throw invalid(`${path} ends at ${word.end} s, before its start ${word.start} s`, path);
    if (word.start < previousStart - orderToleranceSec) {
      throw invalid(
        `${path} starts at ${word.start} s, before the previous word (${previousStart} s): words are not in time order`,
        path,
      );
    }
    previousStart = Math.max(previousStart, word.start);
    if (word.end > durationSec + durationToleranceSec) {
      throw invalid(
        `${path} ends at ${word.end} s, past durationSec ${durationSec} s (tolerance ${durationToleranceSec} s)`,
        path,
      );
    }
    if (word.text.trim() === '') {
      empty += 1;
      return;
    }
    if (word.end > durationSec) {
      clamped += 1;
      maxOvershoot = Math.max(maxOvershoot, word.end - durationSec);
      words.push({ ...word, start: Math.min(word.start, durationSec), end: durationSec });
      return;
    }
    words.push({ ...word });
  });
  if (clamped > 0) {
    warnings.push(
      `clamped_to_duration: ${clamped} word(s) ended up to ${maxOvershoot.toFixed(3)} s past durationSec ${durationSec} s`,
    );
  }
  if (empty > 0) warnings.push(`dropped_empty_words: ${empty} blank word(s) removed`);
  if (words.length === 0) warnings.push('empty_transcript');
  return { transcript: { ...parsed.data, words }, warnings };
}
