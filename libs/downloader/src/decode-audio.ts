import type { Writable } from 'node:stream';
import { buildNormaliseArgs } from './build-tool-args';
import type { Logger } from './model';
import { createFfmpegInputReader, type FfmpegInputReport } from './read-ffmpeg-input';
import { startTool } from './run-tool';
import { toolFailureError } from './tool-failure-error';

export type DecodeAudioOptions = {
  ffmpegPath: string;
  /** A complete file, or `undefined` to decode what is written to `DecodeRun.stdin` while it downloads. */
  inputPath: string | undefined;
  outputPath: string;
  signal: AbortSignal;
  logger: Logger;
  /** Seconds of audio written so far (ffmpeg's `out_time`, about twice a second). May throw to stop the decode. */
  onOutputTime?: (seconds: number) => void;
  /** The duration the container declares, as soon as ffmpeg printed it. May throw to stop the decode. */
  onDeclaredDuration?: (seconds: number) => void;
};

export type DecodeRun = {
  /** Where to write the media when decoding from a pipe. */
  stdin: Writable | undefined;
  /** What ffmpeg said about its input; rejects with a classified DownloadError when ffmpeg failed. */
  done: Promise<FfmpegInputReport>;
};

/** ffmpeg's `[level]` tag and the `[demuxer @ 0x...]` context it may follow. */
const LEVEL_TAG = /^(?:\[[^\]]*@ 0x[0-9a-f]+\] )?\[(\w+)\] /;

/**
 * Starts ffmpeg decoding to the normalised WAV (`buildNormaliseArgs`) and reads its input description as it
 * comes: the caller gets the declared duration early enough to refuse an over-long source before decoding it.
 * Only warning and error lines are kept for the error message and its classification.
 */
export function decodeAudio(options: DecodeAudioOptions): DecodeRun {
  const reader = createFfmpegInputReader();
  let lastOutUs = -1;
  const tool = startTool({
    tool: 'ffmpeg',
    file: options.ffmpegPath,
    args: buildNormaliseArgs({ inputPath: options.inputPath, outputPath: options.outputPath }),
    signal: options.signal,
    logger: options.logger,
    stdin: options.inputPath === undefined ? 'pipe' : 'ignore',
    onStdoutLine: (line) => {
      const match = /^out_time_us=(\d+)$/.exec(line);
      if (!match) return;
      const outUs = Number(match[1]);
      if (outUs <= lastOutUs) return;
      lastOutUs = outUs;
      options.onOutputTime?.(outUs / 1e6);
    },
    onStderrLine: (line) => {
      const { declaredDurationSec } = reader.push(line.replace(LEVEL_TAG, ''));
      if (declaredDurationSec !== undefined) options.onDeclaredDuration?.(declaredDurationSec);
    },
    toStderrTail: (line) => {
      const level = LEVEL_TAG.exec(line)?.[1];
      return level === 'info' || level === 'verbose' || level === 'debug' ? undefined : line.replace(/\[(\w+)\] /, '');
    },
  });
  const done = tool.result.then((result) => {
    if (result.exitCode !== 0) throw toolFailureError('ffmpeg', result, 'convert the downloaded media');
    if (result.stderrTail.trim().length > 0) {
      options.logger.warn(
        { tool: 'ffmpeg', stderr: result.stderrTail.slice(0, 1000) },
        'ffmpeg reported errors but finished',
      );
    }
    return reader.report();
  });
  return { stdin: tool.stdin, done };
}
