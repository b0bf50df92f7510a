import { buildProbeArgs } from './build-tool-args';
import { classifyToolFailure } from './classify-tool-failure';
import { DownloadError } from './errors';
import { ffprobeOutputSchema, type FfprobeOutput, type Logger } from './model';
import { runTool } from './run-tool';

export type MediaProbe = {
  audioStreams: number;
  /** Codec of the first audio stream (`opus`, `aac`, ...). */
  audioCodec?: string;
  /** What the container says the audio lasts (first audio stream, else the container). */
  declaredDurationSec?: number;
  /** False when ffprobe guessed the duration from the bitrate (then it cannot reveal a truncated file). */
  durationReliable: boolean;
};

const MAX_PROBE_OUTPUT_CHARS = 4 * 1024 * 1024;

/** Reads ffprobe's JSON (and its warnings) into what downloadAudio checks: is there audio, how long should it be. */
export function summariseProbe(output: FfprobeOutput, stderr: string): MediaProbe {
  const audio = output.streams.filter((stream) => stream.codec_type === 'audio');
  const first = audio[0];
  const declared = toSeconds(first?.duration) ?? toSeconds(output.format?.duration);
  const probe: MediaProbe = {
    audioStreams: audio.length,
    durationReliable: !/Estimating duration from bitrate/i.test(stderr),
  };
  if (first?.codec_name) probe.audioCodec = first.codec_name;
  if (declared !== undefined) probe.declaredDurationSec = declared;
  return probe;
}

/** Runs ffprobe on a downloaded file. A file ffprobe cannot read is `invalid_media`. */
export async function probeMedia(
  path: string,
  options: { ffprobePath: string; signal: AbortSignal; logger: Logger },
): Promise<MediaProbe> {
  let stdout = '';
  const result = await runTool({
    tool: 'ffprobe',
    file: options.ffprobePath,
    args: buildProbeArgs(path),
    signal: options.signal,
    logger: options.logger,
    onStdoutLine: (line) => {
      if (stdout.length + line.length > MAX_PROBE_OUTPUT_CHARS) {
        throw new DownloadError('invalid_media', `ffprobe printed more than ${MAX_PROBE_OUTPUT_CHARS} characters`);
      }
      stdout += `${line}\n`;
    },
  });
  if (result.exitCode !== 0) {
    const failure = classifyToolFailure('ffprobe', result.stderrTail);
    throw new DownloadError(
      failure.code === 'tool_failed' ? 'invalid_media' : failure.code,
      `ffprobe could not read the downloaded media${failure.detail ? `: ${failure.detail.replace(/^file:\S+?: /, '')}` : ''}`,
      { command: result.command, exitCode: result.exitCode, stderrTail: result.stderrTail },
    );
  }
  const parsed = ffprobeOutputSchema.safeParse(safeJson(stdout));
  if (!parsed.success) {
    throw new DownloadError('tool_failed', 'ffprobe printed output that is not the expected JSON', {
      cause: parsed.error,
      retryable: false,
      command: result.command,
    });
  }
  return summariseProbe(parsed.data, result.stderrTail);
}

function toSeconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
