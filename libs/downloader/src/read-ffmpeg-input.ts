import type { MediaProbe } from './probe-media';

/** What ffmpeg's own report (stderr at `-loglevel info`) says about its input, read line by line. */
export type FfmpegInputReport = MediaProbe & {
  /** `5.1.6-0+deb12u1` from the `ffmpeg version ...` banner line. */
  ffmpegVersion?: string;
  /** `matroska,webm`, `mov,mp4,m4a,3gp,3g2,mj2`, ... */
  formatName?: string;
  videoStreams: number;
  /** True once the input description is complete (ffmpeg printed its stream mapping or output). */
  complete: boolean;
};

export type FfmpegInputReader = {
  /** Feeds one stderr line; returns the declared duration the first time it is read, for early limit checks. */
  push(line: string): { declaredDurationSec?: number };
  report(): FfmpegInputReport;
};

const VERSION_LINE = /^ffmpeg version (\S+)/;
const INPUT_LINE = /^Input #0, (.+?), from /;
const DURATION_LINE = /^\s+Duration: (?:(\d+):(\d{2}):(\d{2}(?:\.\d+)?)|N\/A)/;
const STREAM_LINE = /^\s+Stream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: (Audio|Video|Subtitle|Data|Attachment): ([\w-]+)/;
const END_OF_INPUT = /^(Stream mapping:|Output #0)/;

/**
 * Reads the input description ffmpeg prints before decoding (banner, `Input #0, <format>`, `Duration:`, one
 * `Stream #0:N: Audio|Video: <codec>` line per stream, the bitrate-estimate warning) into what ffprobe would
 * have said, so the decode needs no separate ffprobe run. Lines of later inputs or of the output are ignored.
 */
export function createFfmpegInputReader(): FfmpegInputReader {
  const report: FfmpegInputReport = { audioStreams: 0, videoStreams: 0, durationReliable: true, complete: false };
  let inInput = false;
  return {
    push(line) {
      if (/Estimating duration from bitrate/i.test(line)) report.durationReliable = false;
      if (report.complete) return {};
      const version = VERSION_LINE.exec(line);
      if (version?.[1]) {
        report.ffmpegVersion = version[1].slice(0, 200);
        return {};
      }
      const input = INPUT_LINE.exec(line);
      if (input?.[1]) {
        inInput = true;
        report.formatName = input[1];
        return {};
      }
      if (!inInput) return {};
      if (END_OF_INPUT.test(line)) {
        report.complete = true;
        return {};
      }
      const duration = DURATION_LINE.exec(line);
      if (duration) {
        const [, hours, minutes, seconds] = duration;
        if (hours === undefined || minutes === undefined || seconds === undefined) return {};
        const total = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
        if (!Number.isFinite(total) || total <= 0 || report.declaredDurationSec !== undefined) return {};
        report.declaredDurationSec = total;
        return { declaredDurationSec: total };
      }
      const stream = STREAM_LINE.exec(line);
      if (stream) {
        if (stream[1] === 'Audio') {
          report.audioStreams += 1;
          if (report.audioCodec === undefined && stream[2]) report.audioCodec = stream[2];
        } else if (stream[1] === 'Video') {
          report.videoStreams += 1;
        }
      }
      return {};
    },
    report: () => ({ ...report }),
  };
}
