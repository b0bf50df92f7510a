import path from 'node:path';
import { DEFAULT_MAX_ACTA_BYTES, readSessionsCsv, type RuntimeConfig, type SessionPlan } from '@astra/mining';
import type { TranscriptSourceKind } from '@astra/contracts';
import type { Output } from './output';

export type PlanFlags = { input: string; tenant?: string; acta: boolean; actasDir?: string };

/** Reads and validates sessions.csv the same way for `mine` and `enqueue` (architecture §2). */
export async function planFromFlags(
  flags: PlanFlags,
  config: RuntimeConfig,
  transcripts: TranscriptSourceKind,
  output: Output,
): Promise<SessionPlan> {
  const plan = await readSessionsCsv(flags.input, {
    ...(flags.actasDir ? { baseDir: path.resolve(flags.actasDir) } : {}),
    ...(flags.tenant ? { tenant: flags.tenant } : {}),
    requireActa: flags.acta,
    transcripts,
    defaultProvider: config.provider,
    defaultLanguage: config.language,
    maxActaBytes: DEFAULT_MAX_ACTA_BYTES,
  });
  for (const skipped of plan.skipped) output.logger.info({ line: skipped.line }, `row skipped: ${skipped.reason}`);
  return plan;
}
