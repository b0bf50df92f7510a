import { describe, expect, it } from 'vitest';
import { YOUTUBE_AUTO_JSON3, YOUTUBE_AUTO_VTT } from '../../test/fixtures/caption-samples';
import { TranscriptError } from '../errors';
import { parseCaptions, type CaptionFormat } from './parse-captions';

describe('parseCaptions', () => {
  it('dispatches on the format', () => {
    expect(parseCaptions(YOUTUBE_AUTO_VTT, 'vtt', { language: 'es' }).words).toHaveLength(13);
    expect(parseCaptions(YOUTUBE_AUTO_JSON3, 'json3', { language: 'es' }).words).toHaveLength(12);
  });

  it('refuses other formats with unsupported_format', () => {
    let caught: unknown;
    try {
      parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nhola\n', 'srt' as CaptionFormat, { language: 'es' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TranscriptError);
    expect((caught as TranscriptError).code).toBe('unsupported_format');
    expect((caught as TranscriptError).retryable).toBe(false);
  });

  it('refuses the wrong parser for the content', () => {
    expect(() => parseCaptions(YOUTUBE_AUTO_VTT, 'json3', { language: 'es' })).toThrow(/not valid JSON/);
    expect(() => parseCaptions(YOUTUBE_AUTO_JSON3, 'vtt', { language: 'es' })).toThrow(/WEBVTT/);
  });
});
