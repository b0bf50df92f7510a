import type { CaptionTrack } from '@astra/downloader';

/**
 * Picks the caption track to use as a transcript: the session's language (exact before regional
 * variants), human subtitles before automatic captions, json3 before VTT (json3 keeps per-word times).
 */
export function chooseCaptionTrack(tracks: readonly CaptionTrack[], language: string): CaptionTrack | undefined {
  const base = language.toLowerCase().split('-')[0] ?? language;
  const rank = (track: CaptionTrack): number => {
    const lang = track.language.toLowerCase();
    const languageRank = lang === language.toLowerCase() ? 0 : lang.split('-')[0] === base ? 1 : 9;
    const formatRank = track.format === 'json3' ? 0 : track.format === 'vtt' ? 1 : 9;
    return languageRank * 100 + (track.automatic ? 10 : 0) + formatRank;
  };
  const usable = tracks.filter((track) => rank(track) < 900 && (track.format === 'json3' || track.format === 'vtt'));
  return [...usable].sort((a, b) => rank(a) - rank(b))[0];
}
