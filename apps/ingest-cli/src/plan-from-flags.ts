import path from 'node:path';
import { DEFAULT_MAX_ACTA_BYTES, readSessionsCsv, type SessionPlan, type TranscriptSourceKind } from '@astra/mining';
import { DEFAULT_LANGUAGE, resolveProvider, type Env } from './config';
import type { Output } from './output';

export type PlanFlags = { input: string; tenant?: string; provider?: string; acta: boolean; actasDir?: string };

/** Reads and validates sessions.csv the same way for `mine` and `enqueue` (DESIGN §2). */
export async function planFromFlags(
  flags: PlanFlags,
  transcripts: TranscriptSourceKind,
  env: Env,
  output: Output,
): Promise<SessionPlan> {
  const plan = await readSessionsCsv(flags.input, {
    ...(flags.actasDir ? { baseDir: path.resolve(flags.actasDir) } : {}),
    ...(flags.tenant ? { tenant: flags.tenant } : {}),
    requireActa: flags.acta,
    transcripts,
    defaultProvider: resolveProvider(flags.provider, env),
    defaultLanguage: DEFAULT_LANGUAGE,
    maxActaBytes: DEFAULT_MAX_ACTA_BYTES,
  });
  for (const skipped of plan.skipped) output.logger.info({ line: skipped.line }, `row skipped: ${skipped.reason}`);
  return plan;
}
