import type { Transcript } from '@astra/contracts';
import type { CoreClient, TranscriptionOptions } from '@astra/core-client';
import { normalizeTranscript } from '../../formats/normalize-transcript';
import type { TranscriptRequest, TranscriptSource } from '../../transcript-source';

export type AstraCoreSourceOptions = {
  client: CoreClient;
  /** Provider options sent with every request; default `{ diarize: true, punctuate: true }`. */
  providerOptions?: TranscriptionOptions;
  /** Close the client with the source (default true: the source was given the client to own). */
  ownsClient?: boolean;
};

/** Transcripts from astra-core: the stored audio URI is sent, the provider's payload normalised. */
export function createAstraCoreSource(options: AstraCoreSourceOptions): TranscriptSource {
  const { client } = options;
  return {
    kind: 'astra-core',
    async transcribe(request: TranscriptRequest): Promise<Transcript> {
      const result = await client.transcribe({
        tenantId: request.tenantId,
        sessionId: request.sessionId,
        audioUri: request.audioUri,
        ...(request.audioSha256 ? { audioSha256: request.audioSha256 } : {}),
        provider: request.provider,
        language: request.language,
        options: { diarize: true, punctuate: true, ...options.providerOptions },
        ...(request.signal ? { signal: request.signal } : {}),
        ...(request.onProgress
          ? {
              onProgress: (event) =>
                request.onProgress?.({
                  state: event.status,
                  ...(event.attempt !== undefined ? { detail: `poll ${event.attempt}` } : {}),
                }),
            }
          : {}),
      });
      return normalizeTranscript(result.payload, {
        provider: request.provider,
        language: request.language,
        durationSec: request.durationSec,
      });
    },
    async close() {
      if (options.ownsClient !== false) await client.close();
    },
  };
}
