import type { ManifestLine } from '@astra/aligner';

/** A manifest line for the report's unit tests: session `s{n}`, the given offset, CER and extras. */
export function testLine(
  session: number,
  offset: number,
  cer: number,
  extra: Partial<ManifestLine> = {},
): ManifestLine {
  return {
    audio_filepath: `file:///store/mining/t/s${session}.wav`,
    offset,
    duration: 2,
    text: `frase ${offset}`,
    text_original: `Frase ${offset}.`,
    asr_text: `frase ${offset}`,
    cer,
    score: Math.max(0, 1 - cer),
    lang: 'es',
    tenant_id: 't',
    session_id: `s${session}`,
    source_url: 'https://example.org/v',
    ...extra,
  };
}
