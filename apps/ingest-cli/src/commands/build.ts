import { buildDataset } from '@astra/mining';
import { assertTenantId } from '@astra/storage';
import { resolveTmpRoot, UsageError, type Env } from '../config';
import type { Output } from '../output';
import { withStorage } from '../with-storage';
import { writeDataset } from '../write-dataset';

export type BuildCommandFlags = {
  tenant: string;
  name: string;
  storage?: string;
  s3Endpoint?: string;
  out?: string;
  cut?: boolean;
};

/** `astra-ingest build`: train/dev/test/rejected + report from every stored segments file of a tenant. */
export async function runBuildCommand(flags: BuildCommandFlags, env: Env, output: Output): Promise<number> {
  const tenantId = assertTenantId(flags.tenant);
  if (flags.cut && !flags.out) throw new UsageError('--cut writes segment WAVs next to a local copy: give --out <dir>');
  const tmpRoot = resolveTmpRoot(env);
  const { dataset, written } = await withStorage(flags, env, output, async (storage) => {
    const built = await buildDataset(storage, { tenantId, name: flags.name });
    return {
      dataset: built,
      written: await writeDataset(storage, built, { ...pickOut(flags), ...(tmpRoot ? { tmpRoot } : {}) }),
    };
  });
  const { summary } = dataset;
  output.result({ ...summary, ...written }, () =>
    [
      `dataset ${tenantId}/${flags.name}: ${summary.sessions} sessions`,
      ...(['train', 'dev', 'test'] as const).map(
        (split) =>
          `  ${split.padEnd(5)} ${summary.splits[split].sessions} sessions, ${summary.splits[split].segments} segments, ${summary.splits[split].hours.toFixed(3)} h`,
      ),
      `  rejected ${summary.rejected.segments} segments`,
      `  → ${written.outDir ?? written.storageKeys.join(', ')}`,
    ].join('\n'),
  );
  return 0;
}

function pickOut(flags: BuildCommandFlags): { outRoot?: string; cut?: boolean } {
  return { ...(flags.out ? { outRoot: flags.out } : {}), ...(flags.cut ? { cut: true } : {}) };
}
