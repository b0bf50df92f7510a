import { describe, expect, it } from 'vitest';
import type { CaptionTrack } from '@astra/downloader';
import { chooseCaptionTrack } from './choose-caption-track';

const track = (language: string, format: string, automatic: boolean): CaptionTrack => ({
  language,
  format,
  automatic,
  text: `${language}/${format}/${automatic}`,
});

describe('chooseCaptionTrack', () => {
  it.each([
    ['human before automatic', [track('es', 'vtt', true), track('es', 'vtt', false)], 'es/vtt/false'],
    ['json3 before vtt', [track('es', 'vtt', false), track('es', 'json3', false)], 'es/json3/false'],
    ['exact language before a variant', [track('es-419', 'json3', false), track('es', 'vtt', true)], 'es/vtt/true'],
    [
      'a regional variant when that is all there is',
      [track('en', 'vtt', false), track('es-ES', 'vtt', true)],
      'es-ES/vtt/true',
    ],
  ])('prefers %s', (_name, tracks, expected) => {
    expect(chooseCaptionTrack(tracks, 'es')?.text).toBe(expected);
  });

  it.each([
    ['no tracks', []],
    ['other languages only', [track('en', 'vtt', false)]],
    ['unparseable formats only', [track('es', 'srv3', false)]],
  ])('returns undefined for %s', (_name, tracks) => {
    expect(chooseCaptionTrack(tracks, 'es')).toBeUndefined();
  });
});
