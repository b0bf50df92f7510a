import { DownloadError } from './errors';
import type { MediaProbe } from './probe-media';

/** Decoded audio may fall short of the container's duration by this much before the source counts as truncated. */
export const TRUNCATION_TOLERANCE = { minSec: 1, ratio: 0.005 } as const;

/**
 * Throws `invalid_media` when ffmpeg decoded clearly less audio than the container declares: ffmpeg exits 0 on
 * a truncated webm or mp3 and writes what it could decode. Skipped when the declared duration is unknown or was
 * estimated from the bitrate.
 */
export function checkDecodedDuration(decodedSec: number, probe: MediaProbe): void {
  const declared = probe.declaredDurationSec;
  if (declared === undefined || !probe.durationReliable) return;
  const tolerance = Math.max(TRUNCATION_TOLERANCE.minSec, declared * TRUNCATION_TOLERANCE.ratio);
  if (decodedSec < declared - tolerance) {
    throw new DownloadError(
      'invalid_media',
      `The source is truncated or corrupt: ${decodedSec.toFixed(2)} s of audio decoded, the container declares ${declared.toFixed(2)} s`,
    );
  }
}
