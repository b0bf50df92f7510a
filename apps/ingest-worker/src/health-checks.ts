import type { HealthCheckResult } from './start-health-server';

/** /healthz check of Redis: a PING answered within `timeoutMs`. */
export function redisCheck(client: { ping(): Promise<string> }, timeoutMs: number): () => Promise<HealthCheckResult> {
  return async () => {
    const started = performance.now();
    const pong = await withTimeout(client.ping(), timeoutMs, `Redis did not answer PING within ${timeoutMs} ms`);
    return { ok: pong === 'PONG', latencyMs: Math.round(performance.now() - started) };
  };
}

/**
 * /healthz check of yt-dlp and ffmpeg: their versions, probed once and cached (the binaries do not change
 * under a running process); a failed probe is not cached, so a fixed PATH shows up on the next request.
 */
export function toolsCheck(probe: () => Promise<Record<string, string>>): () => Promise<HealthCheckResult> {
  let cached: Promise<Record<string, string>> | undefined;
  return async () => {
    cached ??= probe().catch((error: unknown) => {
      cached = undefined;
      throw error;
    });
    return { ok: true, ...(await cached) };
  };
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
