import { redactUrl } from '@astra/contracts';
import { CoreClient, CoreClientError } from '@astra/core-client';

export type CoreCheck = { ok: true; detail: string } | { ok: false; reason: string };

/** A transcription id that no job has: asking for it costs astra-core nothing. */
const PROBE_ID = 'astra-ingest-dry-run-probe';

/**
 * astra-core's API (architecture §4.2) has no health route, so the dry run asks for a job that cannot exist
 * with the real token: 404 means the service answers and accepts the token; 401/403 mean it refuses the token;
 * anything else (no answer, 5xx) means transcription would fail. One try, bounded in time.
 */
export async function checkAstraCore(
  core: { baseUrl: string; token?: string },
  options: { timeoutMs: number },
): Promise<CoreCheck> {
  const client = new CoreClient({
    ...core,
    maxRetries: 0,
    connectTimeoutMs: options.timeoutMs,
    headersTimeoutMs: options.timeoutMs,
    bodyTimeoutMs: options.timeoutMs,
    maxWaitMs: options.timeoutMs * 2,
  });
  const where = redactUrl(core.baseUrl);
  try {
    await client.getTranscription(PROBE_ID);
    return { ok: true, detail: `${where} answers and accepts the token` };
  } catch (error) {
    if (error instanceof CoreClientError && error.code === 'http_status') {
      if (error.status === 404) return { ok: true, detail: `${where} answers and accepts the token` };
      if (error.status === 401 || error.status === 403) {
        return {
          ok: false,
          reason: `astra-core at ${where} refuses the token (HTTP ${error.status}): check ASTRA_CORE_TOKEN`,
        };
      }
    }
    return { ok: false, reason: `astra-core at ${where} does not answer: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await client.close();
  }
}
