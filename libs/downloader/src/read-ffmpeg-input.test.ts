import { describe, expect, it } from 'vitest';
import { createFfmpegInputReader } from './read-ffmpeg-input';

function read(text: string) {
  const reader = createFfmpegInputReader();
  const early: number[] = [];
  for (const line of text.split('\n')) {
    const { declaredDurationSec } = reader.push(line);
    if (declaredDurationSec !== undefined) early.push(declaredDurationSec);
  }
  return { report: reader.report(), early };
}

// Real ffmpeg 5.1 output (level tags already removed by decodeAudio).
const WEBM = `ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers
  built with gcc 12 (Debian 12.2.0-14+deb12u1)
Input #0, matroska,webm, from 'pipe:0':
  Metadata:
    ENCODER         : Lavf59.27.100
  Duration: 00:10:00.00, start: -0.007000, bitrate: N/A
  Stream #0:0: Audio: opus, 48000 Hz, stereo, fltp
    Metadata:
      DURATION        : 00:10:00.001000000
Stream mapping:
  Stream #0:0 -> #0:0 (opus (native) -> pcm_s16le (native))
Output #0, wav, to 'file:/tmp/j/audio.wav':
  Stream #0:0: Audio: pcm_s16le ([1][0][0][0] / 0x0001), 16000 Hz, mono, s16, 256 kb/s`;

const MP4_WITH_VIDEO = `ffmpeg version 6.1.1 Copyright (c) 2000-2023 the FFmpeg developers
Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:/tmp/j/source.media':
  Metadata:
    major_brand     : isom
  Duration: 01:02:03.50, start: 0.000000, bitrate: 268 kb/s
  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 160x120, 10 fps (default)
  Stream #0:1[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 48000 Hz, mono, fltp, 69 kb/s (default)
  Stream #0:2[0x3](eng): Audio: ac3, 48000 Hz, 5.1(side), fltp, 384 kb/s
Stream mapping:
  Stream #0:1 -> #0:0 (aac (native) -> pcm_s16le (native))`;

const MP3_ESTIMATED = `ffmpeg version 5.1.9 Copyright (c) 2000-2026 the FFmpeg developers
Estimating duration from bitrate, this may be inaccurate
Input #0, mp3, from 'file:/tmp/j/source.media':
  Duration: 00:00:03.55, start: 0.000000, bitrate: 48 kb/s
  Stream #0:0: Audio: mp3, 22050 Hz, mono, fltp, 48 kb/s
Output #0, wav, to 'file:/tmp/j/audio.wav':`;

const OGG_FROM_PIPE = `Input #0, ogg, from 'pipe:0':
  Duration: N/A, start: 0.000000, bitrate: N/A
  Stream #0:0: Audio: vorbis, 22050 Hz, mono, fltp, 80 kb/s
Stream mapping:`;

const VIDEO_ONLY = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'pipe:0':
  Duration: 00:00:03.00, start: 0.000000, bitrate: 28 kb/s
  Stream #0:0[0x1](und): Video: h264 (High 4:4:4 Predictive) (avc1 / 0x31637661), yuv444p, 160x120
Stream map '0:a:0' matches no streams.`;

describe('createFfmpegInputReader', () => {
  it.each([
    [
      'webm/opus from a pipe',
      WEBM,
      {
        ffmpegVersion: '5.1.9-0+deb12u1',
        formatName: 'matroska,webm',
        declaredDurationSec: 600,
        audioStreams: 1,
        videoStreams: 0,
        audioCodec: 'opus',
        durationReliable: true,
        complete: true,
      },
    ],
    [
      'mp4 with a video and two audio tracks',
      MP4_WITH_VIDEO,
      {
        ffmpegVersion: '6.1.1',
        declaredDurationSec: 3723.5,
        audioStreams: 2,
        videoStreams: 1,
        audioCodec: 'aac',
        complete: true,
      },
    ],
    [
      'mp3 whose duration is estimated',
      MP3_ESTIMATED,
      { declaredDurationSec: 3.55, durationReliable: false, complete: true },
    ],
    ['ogg from a pipe (no duration)', OGG_FROM_PIPE, { audioStreams: 1, audioCodec: 'vorbis', complete: true }],
    [
      'a video without audio',
      VIDEO_ONLY,
      { audioStreams: 0, videoStreams: 1, declaredDurationSec: 3, complete: false },
    ],
  ])('reads %s', (_label, text, expected) => {
    expect(read(text).report).toMatchObject(expected);
  });

  it('reports the declared duration once, as soon as it is read', () => {
    expect(read(WEBM).early).toEqual([600]);
    expect(read(OGG_FROM_PIPE).early).toEqual([]);
    expect(read(OGG_FROM_PIPE).report.declaredDurationSec).toBeUndefined();
  });

  it('ignores stream lines of the output and of other inputs', () => {
    expect(read(`${WEBM}\nInput #1, wav, from 'x':\n  Stream #0:0: Audio: pcm_s16le`).report.audioStreams).toBe(1);
  });
});
