import { describe, expect, it } from 'vitest';
import { parseToolVersion } from './probe-tools';

describe('parseToolVersion', () => {
  it.each([
    ['yt-dlp', '2023.03.04\n', '2023.03.04'],
    ['yt-dlp', '2025.06.30 (pip)', '2025.06.30 (pip)'],
    ['ffmpeg', 'ffmpeg version 5.1.6-0+deb12u1 Copyright (c) 2000-2024 the FFmpeg developers', '5.1.6-0+deb12u1'],
    ['ffprobe', 'ffprobe version n7.1 Copyright (c) 2007-2024 the FFmpeg developers', 'n7.1'],
    ['ffmpeg', 'something else entirely', 'something else entirely'],
  ] as const)('%s: %j → %j', (tool, line, expected) => {
    expect(parseToolVersion(tool, line)).toBe(expected);
  });
});
