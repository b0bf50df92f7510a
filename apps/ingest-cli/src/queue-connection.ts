import { Queue, type ConnectionOptions } from 'bullmq';
import { redactUrl } from '@astra/contracts';
import { MINING_QUEUE } from '@astra/mining';

/**
 * Connection settings for a short-lived CLI command: unlike a worker (which retries forever), a command
 * fails within a few seconds with a one-line reason when Redis is not reachable.
 */
export function cliConnection(redisUrl: string): ConnectionOptions {
  return {
    url: redisUrl,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (times: number) => (times > 2 ? null : times * 200),
  };
}

/** The `astra-mining` queue (architecture §8) the workers consume; close it when done. */
export async function openMiningQueue(redisUrl: string): Promise<Queue> {
  const queue = new Queue(MINING_QUEUE, { connection: cliConnection(redisUrl) });
  // Connection errors surface as the rejection of the first command; the event would only be noise.
  queue.on('error', () => undefined);
  try {
    await queue.waitUntilReady();
  } catch (error) {
    await queue.close().catch(() => undefined);
    throw new QueueUnavailableError(`Redis at ${redactUrl(redisUrl)} is not reachable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return queue;
}

/** Redis could not be reached (exit code 1, not 2: the usage was fine). */
export class QueueUnavailableError extends Error {
  override readonly name = 'QueueUnavailableError';
  readonly code = 'redis_unavailable';
}
