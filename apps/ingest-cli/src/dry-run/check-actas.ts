import { readActaFile } from '@astra/semantic-extractor';

/**
 * Parses each distinct acta once (10⁵ rows usually name a few hundred files): path → undefined when it parses,
 * else the reason. Sequential: parsing is CPU-bound and runs beside the network checks.
 */
export async function checkActas(actaPaths: Iterable<string>): Promise<Map<string, string | undefined>> {
  const results = new Map<string, string | undefined>();
  for (const actaPath of actaPaths) {
    if (results.has(actaPath)) continue;
    try {
      await readActaFile(actaPath);
      results.set(actaPath, undefined);
    } catch (error) {
      results.set(actaPath, (error as Error).message.split('\n')[0] ?? 'unreadable');
    }
  }
  return results;
}
