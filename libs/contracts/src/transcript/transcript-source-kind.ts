/**
 * Where a session's transcript came from: logged, stored in the transcript's provenance and chosen by
 * `ASTRA_TRANSCRIPTS`. Here, not in `@astra/transcripts`, so that reading the configuration does not load the
 * sources themselves (HTTP client, caption parsers): a one-off CLI command starts faster.
 */
export const TRANSCRIPT_SOURCE_KINDS = ['astra-core', 'captions', 'file'] as const;
export type TranscriptSourceKind = (typeof TRANSCRIPT_SOURCE_KINDS)[number];
