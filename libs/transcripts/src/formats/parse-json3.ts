import { z } from 'zod';
import { buildCaptionTranscript, type CaptionHints, type TimedChunk } from './build-caption-transcript';
import { decodeEntities } from './caption-text';
import { TranscriptError } from '../errors';
import { firstIssuePath, formatZodError } from '@astra/contracts';
import type { Transcript } from '@astra/contracts';

/** YouTube's json3 timed text: `events[]` with `tStartMs`, `dDurationMs` and `segs[]` (`utf8`, `tOffsetMs`). */
export const json3Schema = z.looseObject({
  events: z.array(
    z.looseObject({
      tStartMs: z.number().nonnegative().optional(),
      dDurationMs: z.number().nonnegative().optional(),
      aAppend: z.number().optional(),
      segs: z
        .array(
          z.looseObject({
            utf8: z.string().optional(),
            tOffsetMs: z.number().nonnegative().optional(),
          }),
        )
        .optional(),
    }),
  ),
});
type Json3Event = z.infer<typeof json3Schema>['events'][number];

type ContentEvent = { start: number; end: number | undefined; segs: { text: string; offsetMs: number | undefined }[] };

/** Events with text, in time order, and the start times of every event with segs (line breaks included). */
function readEvents(events: readonly Json3Event[]): { content: ContentEvent[]; boundaries: number[] } {
  const content: ContentEvent[] = [];
  const boundaries: number[] = [];
  for (const event of events) {
    if (event.tStartMs === undefined || event.segs === undefined) continue;
    const start = event.tStartMs / 1000;
    boundaries.push(start);
    const segs = event.segs.map((seg) => ({ text: decodeEntities(seg.utf8 ?? ''), offsetMs: seg.tOffsetMs }));
    if (!segs.some((seg) => seg.text.trim() !== '')) continue;
    content.push({ start, end: event.dDurationMs === undefined ? undefined : start + event.dDurationMs / 1000, segs });
  }
  const ordered = content
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.start - b.event.start || a.index - b.index)
    .map(({ event }) => event);
  return { content: ordered, boundaries: boundaries.sort((a, b) => a - b) };
}

/** The first value of a sorted array greater than `from` (binary search). */
function firstAfter(sorted: readonly number[], from: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) > from) high = mid;
    else low = mid + 1;
  }
  return sorted[low];
}

/**
 * A parsed json3 document (already `JSON.parse`d) to a Transcript; see {@link parseJson3}.
 * @throws TranscriptError `invalid_captions`
 */
export function jsonToJson3Transcript(value: unknown, hints: CaptionHints): Transcript {
  const parsed = json3Schema.safeParse(value);
  if (!parsed.success) {
    const path = firstIssuePath(parsed.error);
    throw new TranscriptError('invalid_captions', `Invalid json3 captions: ${formatZodError(parsed.error)}`, {
      cause: parsed.error,
      ...(path === undefined ? {} : { path }),
    });
  }
  const { content, boundaries } = readEvents(parsed.data.events);
  /** Where text starting at `from` stops showing: the event's stated end, cut at the next event with segs. */
  const endAfter = (from: number, stated: number | undefined): number => {
    const next = firstAfter(boundaries, from);
    const end = stated === undefined ? (next ?? from) : next === undefined ? stated : Math.min(stated, next);
    return Math.max(from, end);
  };
  const chunks: TimedChunk[] = [];
  for (const event of content) {
    const wordTimed = event.segs.some((seg) => seg.offsetMs !== undefined);
    if (!wordTimed) {
      const text = event.segs.map((seg) => seg.text).join('');
      chunks.push({ text, start: event.start, end: endAfter(event.start, event.end), wordTimed });
      continue;
    }
    const starts = event.segs.map((seg) => event.start + (seg.offsetMs ?? 0) / 1000);
    event.segs.forEach((seg, segIndex) => {
      if (seg.text.trim() === '') return;
      const start = starts[segIndex] ?? event.start;
      const nextSeg = starts.slice(segIndex + 1).find((s) => s > start);
      chunks.push({ text: seg.text, start, end: nextSeg ?? endAfter(start, event.end), wordTimed });
    });
  }
  return buildCaptionTranscript(chunks, hints);
}

/**
 * Parses YouTube json3 captions. Automatic captions carry one seg per word with `tOffsetMs` from the
 * event start: each word starts there and ends where the next word starts (the last one at the event
 * end, cut at the start of the next event with segs — usually the `aAppend` line break — since
 * auto-caption events stay on screen long after they are spoken). Events without per-word offsets
 * (human subtitles) have their words spread over the event, cut the same way, by character length
 * with `estimatedConfidence` (default 0.5). Line-break events and window definitions carry no words.
 * @throws TranscriptError `invalid_captions` when the text is not JSON or not json3.
 */
export function parseJson3(text: string, hints: CaptionHints): Transcript {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new TranscriptError('invalid_captions', 'Invalid json3 captions: not valid JSON', { cause: error });
  }
  return jsonToJson3Transcript(value, hints);
}
