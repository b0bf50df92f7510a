import type { Transcript } from '@astra/contracts';
import { fetchCaptions, type FetchCaptionsOptions } from '@astra/downloader';
import { TranscriptError } from '../../errors';
import { parseCaptions } from '../../formats/parse-captions';
import type { TranscriptRequest, TranscriptSource } from '../../transcript-source';
import { chooseCaptionTrack } from './choose-caption-track';

/** yt-dlp settings for the caption download (the same the audio download uses). */
export type CaptionsSourceOptions = Omit<FetchCaptionsOptions, 'languages' | 'signal'>;

/**
 * Transcripts from the video's own subtitles or automatic captions, fetched by yt-dlp: no credentials and no
 * cost, but only where the platform has captions in the session's language.
 */
export function createCaptionsSource(options: CaptionsSourceOptions = {}): TranscriptSource {
  return {
    kind: 'captions',
    async transcribe(request: TranscriptRequest): Promise<Transcript> {
      const tracks = await fetchCaptions(request.videoUrl, {
        ...options,
        languages: [request.language, `${request.language}-.*`],
        ...(request.signal ? { signal: request.signal } : {}),
      });
      const track = chooseCaptionTrack(tracks, request.language);
      if (!track) {
        throw new TranscriptError(
          'no_captions',
          `No ${request.language} captions or subtitles were found for this video (tracks: ${
            tracks.map((t) => `${t.language}.${t.format}`).join(', ') || 'none'
          })`,
        );
      }
      return parseCaptions(track.text, track.format === 'json3' ? 'json3' : 'vtt', {
        language: request.language,
        durationSec: request.durationSec,
      });
    },
    async close() {
      // Nothing held between calls: every call spawns or opens and closes its own resources.
    },
  };
}
