import type { CaptionHints } from './build-caption-transcript';
import { TranscriptError } from '../errors';
import type { Transcript } from '@astra/contracts';
import { parseJson3 } from './parse-json3';
import { parseWebVtt } from './parse-web-vtt';

/** Caption formats {@link parseCaptions} reads. */
export type CaptionFormat = 'vtt' | 'json3';

/** Largest caption text accepted, in characters (a 6 h meeting's auto-captions are ~10 MB as VTT). */
export const MAX_CAPTION_CHARS = 64 * 1024 * 1024;

/**
 * Parses a caption track (as fetched by `@astra/downloader`'s `fetchCaptions`) into a Transcript.
 * @throws TranscriptError `unsupported_format` for other formats, `too_large`, `invalid_captions`.
 */
export function parseCaptions(text: string, format: CaptionFormat, hints: CaptionHints): Transcript {
  if (text.length > MAX_CAPTION_CHARS) {
    throw new TranscriptError('too_large', `Caption text of ${text.length} characters exceeds ${MAX_CAPTION_CHARS}`);
  }
  switch (format) {
    case 'vtt':
      return parseWebVtt(text, hints);
    case 'json3':
      return parseJson3(text, hints);
    default:
      throw new TranscriptError(
        'unsupported_format',
        `Unsupported caption format "${String(format)}": expected vtt or json3`,
      );
  }
}
