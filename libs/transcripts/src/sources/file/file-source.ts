import type { Transcript } from '@astra/contracts';
import { TranscriptError } from '../../errors';
import type { TranscriptRequest, TranscriptSource } from '../../transcript-source';
import { readTranscriptFile, type ReadTranscriptFileOptions } from './read-transcript-file';

/** Transcripts already on disk, one per session (CSV column `transcript_path`), in any shape the formats read. */
export function createFileSource(options: Pick<ReadTranscriptFileOptions, 'maxBytes'> = {}): TranscriptSource {
  return {
    kind: 'file',
    async transcribe(request: TranscriptRequest): Promise<Transcript> {
      if (!request.transcriptPath) {
        throw new TranscriptError('read_failed', 'No transcript_path for this session (the file source needs one)');
      }
      return readTranscriptFile(request.transcriptPath, {
        ...options,
        hints: { language: request.language, durationSec: request.durationSec },
      });
    },
    async close() {
      // Nothing held between calls: every call spawns or opens and closes its own resources.
    },
  };
}
