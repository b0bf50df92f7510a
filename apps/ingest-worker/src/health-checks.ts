import { checkToolVersions, type ToolMinimums } from '@astra/mining';
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
 *
 * A yt-dlp older than its minimum (`ASTRA_MIN_YTDLP_VERSION`) is reported as `outdated` and makes the answer
 * `degraded`, still 200: sites may refuse it, but a restart cannot update the binary, and failing liveness would
 * only make the orchestrator restart the whole fleet in a loop. The worker also warns about it at start.
 */
export function toolsCheck(
  probe: () => Promise<Record<string, string>>,
  minimums: ToolMinimums,
): () => Promise<HealthCheckResult> {
  let cached: Promise<HealthCheckResult> | undefined;
  return async () => {
    cached ??= probe().then(
      (versions) => {
        const outdated = checkToolVersions({ ytDlp: versions['ytDlp'] ?? '' }, minimums).map((w) => w.message);
        return { ok: true, ...versions, ...(outdated.length > 0 ? { degraded: true, outdated } : {}) };
      },
      (error: unknown) => {
        cached = undefined;
        throw error;
      },
    );
    return cached;
  };
}

/** Rejects with `message` when `promise` does not settle within `timeoutMs`: no Redis call may hang a check. */
export function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  message = `timed out after ${timeoutMs} ms`,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Whether Redis keeps the queue across a restart: `aof`, `rdb`, `none`, or `unknown` (CONFIG refused or timed out). */
export type RedisPersistence = 'aof' | 'rdb' | 'aof+rdb' | 'none' | 'unknown';

/**
 * Reads Redis's persistence settings (`CONFIG GET appendonly`, `CONFIG GET save`). Without AOF or RDB a
 * Redis restart silently loses every queued job (architecture §8), so the worker warns at start. Managed
 * Redis services often refuse CONFIG: that is `unknown`, not an error.
 */
export async function readRedisPersistence(
  client: { config(...args: ['GET', string]): Promise<unknown> },
  timeoutMs: number,
): Promise<RedisPersistence> {
  try {
    const [aof, save] = await withTimeout(
      Promise.all([client.config('GET', 'appendonly'), client.config('GET', 'save')]),
      timeoutMs,
      `Redis did not answer CONFIG GET within ${timeoutMs} ms`,
    );
    const aofOn = configValue(aof) === 'yes';
    const rdbOn = (configValue(save) ?? '').trim() !== '';
    return aofOn && rdbOn ? 'aof+rdb' : aofOn ? 'aof' : rdbOn ? 'rdb' : 'none';
  } catch {
    return 'unknown';
  }
}

/** `CONFIG GET name` answers `[name, value]`. */
function configValue(reply: unknown): string | undefined {
  return Array.isArray(reply) && typeof reply[1] === 'string' ? reply[1] : undefined;
}
