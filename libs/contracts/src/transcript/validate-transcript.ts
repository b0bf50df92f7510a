import { ContractError } from '../errors';
import { firstIssuePath, formatZodError } from '../format-zod-error';
import { transcriptSchema, type Transcript, type TranscriptRepairs, type Word } from './model';

export type ValidateTranscriptOptions = {
  /** Words may end this far past `durationSec`; they are clamped to it. Further is a gross defect. Default 0.5 s. */
  durationToleranceSec?: number;
  /**
   * Timing jitter repaired in place: a word starting up to this much before the previous word's start, or ending up
   * to this much before its own start. A word further out of order is moved to its place by start time. Default 0.5 s.
   */
  maxInversionSec?: number;
  /** Share of words further out of order than `maxInversionSec` above which the transcript is rejected. Default 0.02. */
  maxOutOfOrderShare?: number;
};

export const DEFAULT_VALIDATE_TRANSCRIPT_OPTIONS: Required<ValidateTranscriptOptions> = {
  durationToleranceSec: 0.5,
  maxInversionSec: 0.5,
  maxOutOfOrderShare: 0.02,
};

export function resolveValidateTranscriptOptions(
  options: ValidateTranscriptOptions = {},
): Required<ValidateTranscriptOptions> {
  return { ...DEFAULT_VALIDATE_TRANSCRIPT_OPTIONS, ...stripUndefined(options) };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export type ValidateTranscriptResult = {
  transcript: Transcript;
  /** Human-readable notes for logs, each starting with a stable code (`repaired_timing: …`). */
  warnings: string[];
  /** What this validation repaired, by kind (all zero for a clean transcript). */
  repairs: TranscriptRepairs;
};

function invalid(message: string, path: string): ContractError {
  return new ContractError('invalid_transcript', `Invalid transcript: ${message}`, { path });
}

function noRepairs(): TranscriptRepairs {
  return { inversions: 0, overlaps: 0, endsBeforeStart: 0, reordered: 0, clampedToDuration: 0, droppedEmpty: 0 };
}

function addRepairs(a: TranscriptRepairs, b: TranscriptRepairs): TranscriptRepairs {
  const sum = noRepairs();
  for (const key of Object.keys(sum) as (keyof TranscriptRepairs)[]) sum[key] = a[key] + b[key];
  return sum;
}

function anyRepair(repairs: TranscriptRepairs): boolean {
  return Object.values(repairs).some((n) => n > 0);
}

const roundMs = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Marks the words that are out of time order by more than `tolerance`: the words outside one longest run of
 * non-decreasing starts (patience sorting, O(n log n)) that also start more than `tolerance` away from where that
 * run says they belong. A word far in the future is caught as well as one far in the past.
 */
function findDisplaced(starts: readonly number[], tolerance: number): Uint8Array {
  const n = starts.length;
  const tails: number[] = [];
  const previous = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) {
    const start = starts[i] ?? 0;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((starts[tails[mid] ?? 0] ?? 0) <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] ?? -1;
    tails[lo] = i;
  }
  const inRun = new Uint8Array(n);
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) inRun[i] = 1;
  const displaced = new Uint8Array(n);
  let before = Number.NEGATIVE_INFINITY;
  const after = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
  for (let i = n - 1; i >= 0; i -= 1) after[i] = inRun[i] === 1 ? (starts[i] ?? 0) : (after[i + 1] ?? Infinity);
  for (let i = 0; i < n; i += 1) {
    const start = starts[i] ?? 0;
    if (inRun[i] === 1) before = start;
    else if (start < before - tolerance || start > (after[i + 1] ?? Infinity) + tolerance) displaced[i] = 1;
  }
  return displaced;
}

/**
 * Least-squares non-decreasing fit of a sequence (pool adjacent violators), in place. Only runs that violate the
 * order change; each becomes the mean of its values (to the millisecond).
 */
function fitNonDecreasing(values: Float64Array): void {
  const n = values.length;
  const blockValue = new Float64Array(n);
  const blockSize = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i += 1) {
    let v = values[i] ?? 0;
    let size = 1;
    while (top > 0 && (blockValue[top - 1] ?? 0) > v) {
      top -= 1;
      const lastSize = blockSize[top] ?? 1;
      v = ((blockValue[top] ?? 0) * lastSize + v * size) / (lastSize + size);
      size += lastSize;
    }
    blockValue[top] = v;
    blockSize[top] = size;
    top += 1;
  }
  let k = 0;
  for (let b = 0; b < top; b += 1) {
    const size = blockSize[b] ?? 1;
    const v = roundMs(blockValue[b] ?? 0);
    if (size === 1) k += 1;
    else for (const end = k + size; k < end; k += 1) values[k] = v;
  }
  // Rounding may leave a pooled value a hair above an untouched neighbour.
  for (let i = 1; i < n; i += 1) if ((values[i] ?? 0) < (values[i - 1] ?? 0)) values[i] = values[i - 1] ?? 0;
}

/**
 * Repairs word times in recognition order: the provider's word order is what was said, so small inversions and
 * overlaps are timing jitter, fixed by the smallest change that makes every word start after the previous one
 * ends (start₁ ≤ end₁ ≤ start₂ ≤ end₂ …). Words far out of order are first moved to their place by start time.
 */
function repairTiming(words: Word[], repairs: TranscriptRepairs, maxInversionSec: number): Word[] {
  const displaced = findDisplaced(
    words.map((w) => w.start),
    maxInversionSec,
  );
  let ordered = words;
  if (displaced.some((d) => d === 1)) {
    ordered = words.filter((_, i) => displaced[i] === 0);
    const moved = words.filter((_, i) => displaced[i] === 1).sort((a, b) => a.start - b.start);
    for (const word of moved) {
      let lo = 0;
      let hi = ordered.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((ordered[mid]?.start ?? 0) <= word.start) lo = mid + 1;
        else hi = mid;
      }
      ordered.splice(lo, 0, word);
      repairs.reordered += 1;
    }
  }
  const edges = new Float64Array(2 * ordered.length);
  let consistent = true;
  ordered.forEach((word, i) => {
    const next = ordered[i + 1];
    if (word.end < word.start) repairs.endsBeforeStart += 1;
    if (next !== undefined && next.start < word.start && word.start - next.start <= maxInversionSec)
      repairs.inversions += 1;
    if (next !== undefined && word.end > next.start) repairs.overlaps += 1;
    if (word.end < word.start || (next !== undefined && word.end > next.start)) consistent = false;
    edges[2 * i] = word.start;
    edges[2 * i + 1] = word.end;
  });
  if (consistent) return ordered;
  fitNonDecreasing(edges);
  return ordered.map((word, i) => {
    const start = edges[2 * i] ?? word.start;
    const end = edges[2 * i + 1] ?? word.end;
    return start === word.start && end === word.end ? word : { ...word, start, end };
  });
}

const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** The words of `value` as {@link wordSchema} parses them (unknown keys dropped), or undefined at the first miss. */
function copyWords(value: unknown): Word[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const words: Word[] = new Array<Word>(value.length);
  for (let i = 0; i < value.length; i += 1) {
    const w: unknown = value[i];
    if (typeof w !== 'object' || w === null) return undefined;
    const { text, start, end, confidence, speaker } = w as Record<string, unknown>;
    if (typeof text !== 'string' || !isTime(start) || !isTime(end)) return undefined;
    const word: Word = { text, start, end };
    if (confidence !== undefined) {
      if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1)
        return undefined;
      word.confidence = confidence;
    }
    if (speaker !== undefined) {
      if (!isCount(speaker)) return undefined;
      word.speaker = speaker as number;
    }
    words[i] = word;
  }
  return words;
}

/**
 * {@link transcriptSchema} parsing, by hand for the common valid case (zod would build the same copy ten times
 * slower on a 40 000-word session); anything the fast path does not accept goes through zod, which gives the error.
 */
function parseTranscript(transcript: Transcript): { data: Transcript } {
  const value = transcript as unknown;
  if (typeof value === 'object' && value !== null) {
    const { provider, language, durationSec, words, repairs } = value as Record<string, unknown>;
    const copied = copyWords(words);
    const repairsOk =
      repairs === undefined ||
      (typeof repairs === 'object' &&
        repairs !== null &&
        Object.keys(noRepairs()).every((key) => isCount((repairs as Record<string, unknown>)[key])));
    if (
      typeof provider === 'string' &&
      provider !== '' &&
      typeof language === 'string' &&
      language !== '' &&
      isTime(durationSec) &&
      copied !== undefined &&
      repairsOk
    ) {
      const data: Transcript = { provider, language, durationSec, words: copied };
      if (repairs !== undefined) {
        const counts = noRepairs();
        for (const key of Object.keys(counts) as (keyof TranscriptRepairs)[])
          counts[key] = (repairs as Record<string, number>)[key] ?? 0;
        data.repairs = counts;
      }
      return { data };
    }
  }
  const parsed = transcriptSchema.safeParse(transcript);
  if (parsed.success) return { data: parsed.data };
  const issues = parsed.error.issues.length;
  throw new ContractError(
    'invalid_transcript',
    `Invalid transcript (${issues} problem${issues === 1 ? '' : 's'}): ${formatZodError(parsed.error)}`,
    { cause: parsed.error, path: firstIssuePath(parsed.error) ?? '' },
  );
}

function describeRepairs(r: TranscriptRepairs): string[] {
  const warnings: string[] = [];
  const timing = [
    [r.inversions, 'start inversion(s)'],
    [r.overlaps, 'overlap(s)'],
    [r.endsBeforeStart, 'end(s) before start'],
    [r.reordered, 'word(s) moved to their place by start time'],
  ] as const;
  const parts = timing.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  if (parts.length > 0) warnings.push(`repaired_timing: ${parts.join(', ')}`);
  return warnings;
}

/**
 * Checks a transcript before use (docs/architecture.md §4) and returns a new, repaired one, what was repaired
 * (`repairs`, also stored on the transcript when non-zero) and warnings.
 *
 * Repaired (word-timestamp ASR does this routinely): a word starting up to `maxInversionSec` before the previous
 * one, a word ending after the next one starts, a word ending before it starts — times are fixed by the smallest
 * change that orders them, keeping the provider's word order; a few words further out of order are moved to their
 * place by start time; ends up to `durationToleranceSec` past `durationSec` are clamped; blank words are dropped.
 *
 * Rejected (ContractError `invalid_transcript`, message saying which and how many, `path` naming the first
 * word): a schema violation (missing field, non-finite or negative time, confidence outside [0, 1]); words ending
 * more than `durationToleranceSec` past `durationSec`; more than `maxOutOfOrderShare` of the words further than
 * `maxInversionSec` out of order (or ending that much before they start).
 *
 * Warnings (each starts with a stable code, then `: detail`): `repaired_timing`, `clamped_to_duration`,
 * `dropped_empty_words`, `empty_transcript` (no words: allowed, but flagged).
 */
export function validateTranscript(
  transcript: Transcript,
  options?: ValidateTranscriptOptions,
): ValidateTranscriptResult {
  const { durationToleranceSec, maxInversionSec, maxOutOfOrderShare } = resolveValidateTranscriptOptions(options);
  const parsed = parseTranscript(transcript);
  const { durationSec } = parsed.data;
  const repairs = noRepairs();
  const words: Word[] = [];
  let pastEnd = 0;
  let firstPastEnd = -1;
  let outOfOrder = 0;
  let firstOutOfOrder = -1;
  let outOfOrderDetail = '';
  let latestStart = Number.NEGATIVE_INFINITY;
  parsed.data.words.forEach((word, index) => {
    if (word.end > durationSec + durationToleranceSec) {
      pastEnd += 1;
      if (firstPastEnd < 0) firstPastEnd = index;
    }
    const backwards = word.start - word.end > maxInversionSec;
    const early = latestStart - word.start > maxInversionSec;
    if (backwards || early) {
      outOfOrder += 1;
      if (firstOutOfOrder < 0) {
        firstOutOfOrder = index;
        outOfOrderDetail = backwards
          ? `words[${index}] ends at ${word.end} s, ${roundMs(word.start - word.end)} s before its start`
          : `words[${index}] starts at ${word.start} s, ${roundMs(latestStart - word.start)} s before an earlier word`;
      }
    }
    latestStart = Math.max(latestStart, word.start);
    if (word.text.trim() === '') {
      repairs.droppedEmpty += 1;
      return;
    }
    if (backwards) {
      // An end far before its own start says nothing about the word's length: keep the start only.
      repairs.endsBeforeStart += 1;
      words.push({ ...word, end: word.start });
    } else words.push(word);
  });
  if (pastEnd > 0) {
    const first = parsed.data.words[firstPastEnd];
    throw invalid(
      `${pastEnd} word(s) end more than ${durationToleranceSec} s past durationSec ${durationSec} s ` +
        `(first: words[${firstPastEnd}] ends at ${first?.end ?? '?'} s)`,
      `words[${firstPastEnd}]`,
    );
  }
  // The streaming count above over-counts a word far in the future (each later word looks early); the run-based
  // count is exact. Either over the limit means the order is not jitter.
  const total = parsed.data.words.length;
  const limit = maxOutOfOrderShare * total;
  if (outOfOrder > limit) {
    const displaced = findDisplaced(
      parsed.data.words.map((w) => w.start),
      maxInversionSec,
    ).reduce((n, d) => n + d, 0);
    const count = Math.max(displaced, parsed.data.words.filter((w) => w.start - w.end > maxInversionSec).length);
    if (count > limit) {
      throw invalid(
        `${count} of ${total} words (${((100 * count) / total).toFixed(1)} %) are more than ${maxInversionSec} s ` +
          `out of time order (limit ${(100 * maxOutOfOrderShare).toFixed(1)} %; first: ${outOfOrderDetail})`,
        `words[${firstOutOfOrder}]`,
      );
    }
  }
  let maxOvershoot = 0;
  const repaired = repairTiming(words, repairs, maxInversionSec).map((word) => {
    if (word.end <= durationSec) return word;
    repairs.clampedToDuration += 1;
    maxOvershoot = Math.max(maxOvershoot, word.end - durationSec);
    return { ...word, start: Math.min(word.start, durationSec), end: durationSec };
  });
  const warnings = describeRepairs(repairs);
  if (repairs.clampedToDuration > 0) {
    warnings.push(
      `clamped_to_duration: ${repairs.clampedToDuration} word(s) ended up to ${maxOvershoot.toFixed(3)} s past durationSec ${durationSec} s`,
    );
  }
  if (repairs.droppedEmpty > 0) warnings.push(`dropped_empty_words: ${repairs.droppedEmpty} blank word(s) removed`);
  if (repaired.length === 0) warnings.push('empty_transcript');
  const { repairs: earlier, ...rest } = parsed.data;
  const stored = earlier === undefined ? repairs : addRepairs(earlier, repairs);
  return {
    transcript: { ...rest, words: repaired, ...(anyRepair(stored) ? { repairs: stored } : {}) },
    warnings,
    repairs,
  };
}
