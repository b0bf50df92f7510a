import { describe, expect, it } from 'vitest';
import { ffprobeOutputSchema } from './model';
import { summariseProbe } from './probe-media';

const parse = (value: unknown) => ffprobeOutputSchema.parse(value);

describe('summariseProbe', () => {
  it('prefers the audio stream duration and names its codec', () => {
    const output = parse({
      streams: [
        { index: 0, codec_type: 'video', codec_name: 'h264', duration: '3.100000' },
        { index: 1, codec_type: 'audio', codec_name: 'aac', channels: 2, sample_rate: '48000', duration: '3.000000' },
      ],
      format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '3.100000' },
    });
    expect(summariseProbe(output, '')).toEqual({
      audioStreams: 1,
      audioCodec: 'aac',
      declaredDurationSec: 3,
      durationReliable: true,
    });
  });

  it('falls back to the container duration (webm has none per stream)', () => {
    const output = parse({
      streams: [{ index: 0, codec_type: 'audio', codec_name: 'opus' }],
      format: { duration: '3.008000' },
    });
    expect(summariseProbe(output, '').declaredDurationSec).toBe(3.008);
  });

  it('counts no audio stream in a video-only file', () => {
    const output = parse({
      streams: [{ index: 0, codec_type: 'video', codec_name: 'h264' }],
      format: { duration: '3.0' },
    });
    expect(summariseProbe(output, '').audioStreams).toBe(0);
  });

  it('marks a duration estimated from the bitrate as unreliable', () => {
    const output = parse({
      streams: [{ index: 0, codec_type: 'audio', codec_name: 'mp3' }],
      format: { duration: '10.0' },
    });
    const stderr = '[mp3 @ 0x1] Estimating duration from bitrate, this may be inaccurate';
    expect(summariseProbe(output, stderr).durationReliable).toBe(false);
  });

  it('ignores N/A and zero durations', () => {
    const output = parse({
      streams: [{ index: 0, codec_type: 'audio', duration: 'N/A' }],
      format: { duration: '0.000000' },
    });
    expect(summariseProbe(output, '').declaredDurationSec).toBeUndefined();
  });
});
