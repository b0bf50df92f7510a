/**
 * The module boundaries of docs/architecture.md §1 are enforced by lint, not by good will: the workspace's own
 * ESLint config (the one `nx lint` runs) refuses an import that goes against the arrows. Each case lints one
 * line of source as if it stood in a real project's `src/`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const eslint = new ESLint({ cwd: repoRoot });

async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@nx/enforce-module-boundaries' && message.severity === 2)
    .map((message) => message.message);
}

describe('module boundaries (nx lint)', () => {
  it.each([
    [
      'contracts imports nothing of ours',
      'libs/contracts/src/probe.ts',
      "export { openStorage } from '@astra/storage';",
    ],
    [
      'a publishable lib never imports the private composition lib',
      'libs/downloader/src/probe.ts',
      "export { createPipeline } from '@astra/mining';",
    ],
    [
      'a lib never imports the composition lib',
      'libs/aligner/src/probe.ts',
      "export { buildDataset } from '@astra/mining';",
    ],
    [
      'production code never imports the test tools',
      'apps/ingest-worker/src/probe.ts',
      "export { startCoreDevServer } from '@astra/core-dev';",
    ],
  ])(
    'refuses: %s',
    async (_rule, file, source) => {
      expect(await boundaryErrors(file, source)).not.toEqual([]);
    },
    120_000,
  );

  it.each([
    ['a lib imports contracts', 'libs/downloader/src/probe.ts', "export { redactUrl } from '@astra/contracts';"],
    ['the composition lib imports libs', 'libs/mining/src/probe.ts', "export { alignSession } from '@astra/aligner';"],
    [
      'an app imports the composition lib',
      'apps/ingest-cli/src/probe.ts',
      "export { createPipeline } from '@astra/mining';",
    ],
  ])(
    'allows: %s',
    async (_rule, file, source) => {
      expect(await boundaryErrors(file, source)).toEqual([]);
    },
    120_000,
  );
});
