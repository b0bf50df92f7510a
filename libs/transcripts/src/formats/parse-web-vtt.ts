import { buildCaptionTranscript, type CaptionHints, type TimedChunk } from './build-caption-transcript';
import { toPlainCaptionText } from './caption-text';
import { TranscriptError } from '../errors';
import type { Transcript } from '@astra/contracts';

type Cue = { start: number; end: number; lines: string[] };

const CUE_TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})$/;
const INLINE_TIMESTAMP = /<(?:\d+:)?\d{1,2}:\d{2}\.\d{3}>/;
const INLINE_TIMESTAMP_SPLIT = /<((?:\d+:)?\d{1,2}:\d{2}\.\d{3})>/;
const NON_CUE_BLOCK = /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/;
/** Consecutive cues repeating the previous cue's last line, from which a file counts as rolling captions. */
const ROLLING_MIN_CARRY_OVERS = 2;

/** Seconds of a WebVTT timestamp (`01:02:03.456`, `02:03.456`), or undefined. */
export function parseVttTimestamp(value: string): number | undefined {
  const match = CUE_TIMESTAMP.exec(value.trim());
  if (!match) return undefined;
  const [, hours, minutes, seconds, millis] = match;
  const m = Number(minutes);
  const s = Number(seconds);
  if (m > 59 || s > 59) return undefined;
  return Number(hours ?? 0) * 3600 + m * 60 + s + Number(millis) / 1000;
}

function parseCues(text: string): Cue[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/^WEBVTT(?:[ \t][^\n]*)?(?:\n|$)/.test(normalized)) {
    throw new TranscriptError('invalid_captions', 'Not a WebVTT file: the first line must be "WEBVTT"');
  }
  const blocks = normalized.split(/\n{2,}/).slice(1);
  const cues: Cue[] = [];
  let badCues = 0;
  for (const block of blocks) {
    const lines = block.split('\n');
    if (NON_CUE_BLOCK.test(lines[0] ?? '')) continue;
    const timingIndex = lines.findIndex((line) => line.includes('-->'));
    if (timingIndex < 0 || timingIndex > 1) continue;
    const timing = /^\s*(\S+)\s+-->\s+(\S+)/.exec(lines[timingIndex] ?? '');
    const start = timing ? parseVttTimestamp(timing[1] ?? '') : undefined;
    const end = timing ? parseVttTimestamp(timing[2] ?? '') : undefined;
    if (start === undefined || end === undefined || end < start) {
      badCues += 1;
      continue;
    }
    cues.push({ start, end, lines: lines.slice(timingIndex + 1) });
  }
  if (cues.length === 0 && badCues > 0) {
    throw new TranscriptError('invalid_captions', `WebVTT file has ${badCues} cue(s) and none with valid timings`);
  }
  return cues;
}

/** Chunks of one line with YouTube per-word tags: `buenas<00:00:00.480><c> tardes</c>`. */
function taggedChunks(line: string, cue: Cue): TimedChunk[] {
  const parts = line.split(INLINE_TIMESTAMP_SPLIT);
  const pieces: { text: string; start: number }[] = [{ text: toPlainCaptionText(parts[0] ?? ''), start: cue.start }];
  for (let i = 1; i < parts.length; i += 2) {
    const stamp = parseVttTimestamp(parts[i] ?? '') ?? cue.start;
    const previous = pieces[pieces.length - 1]?.start ?? cue.start;
    const start = Math.min(cue.end, Math.max(previous, stamp));
    pieces.push({ text: toPlainCaptionText(parts[i + 1] ?? ''), start });
  }
  const chunks: TimedChunk[] = [];
  pieces.forEach((piece, index) => {
    if (piece.text === '') return;
    const end = pieces[index + 1]?.start ?? cue.end;
    chunks.push({ text: piece.text, start: piece.start, end, wordTimed: true });
  });
  return chunks;
}

function countCarryOvers(cues: readonly Cue[]): number {
  let count = 0;
  let previousLast: string | undefined;
  for (const cue of cues) {
    const plain = cue.lines.map(toPlainCaptionText).filter((line) => line !== '');
    if (plain.length === 0) continue;
    if (previousLast !== undefined && plain[0] === previousLast) count += 1;
    previousLast = plain[plain.length - 1];
  }
  return count;
}

/**
 * Parses WebVTT captions into a Transcript (provider `captions` unless hinted).
 *
 * - Plain subtitles: each cue's words are spread over the cue by character length (confidence
 *   `estimatedConfidence`, default 0.5, marks the estimated timing).
 * - YouTube automatic captions: per-word `<00:00:01.234><c> word</c>` tags give each word its own start
 *   (its end is the next word's start, the last word's the cue end; no confidence: captions carry none).
 *   The rolling layout — every cue repeats the previous line, plus 10 ms cues holding only that
 *   line — is detected (inline tags, or cues repeating the previous cue's last line) and repeated lines
 *   are skipped, so each spoken word appears once.
 * - Markup and entities are removed; `[Música]`-style annotations and tokens with no letter or digit dropped.
 * Cues with unreadable timings are skipped.
 * @throws TranscriptError `invalid_captions` when the text is not WebVTT or no cue has a valid timing.
 */
export function parseWebVtt(text: string, hints: CaptionHints): Transcript {
  const cues = parseCues(text);
  const rolling =
    cues.some((cue) => cue.lines.some((line) => INLINE_TIMESTAMP.test(line))) ||
    countCarryOvers(cues) >= ROLLING_MIN_CARRY_OVERS;
  const chunks: TimedChunk[] = [];
  let previousLines: string[] = [];
  for (const cue of cues) {
    const lines = cue.lines.map((raw) => ({ raw, plain: toPlainCaptionText(raw) })).filter((line) => line.plain !== '');
    if (lines.length === 0) continue;
    if (!rolling) {
      chunks.push({
        text: lines.map((line) => line.plain).join(' '),
        start: cue.start,
        end: cue.end,
        wordTimed: false,
      });
    } else {
      for (const line of lines) {
        if (INLINE_TIMESTAMP.test(line.raw)) chunks.push(...taggedChunks(line.raw, cue));
        else if (!previousLines.includes(line.plain)) {
          chunks.push({ text: line.plain, start: cue.start, end: cue.end, wordTimed: false });
        }
      }
    }
    previousLines = lines.map((line) => line.plain);
  }
  return buildCaptionTranscript(chunks, hints);
}
