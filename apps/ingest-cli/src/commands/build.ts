import { buildDataset, writeDataset, type RuntimeConfig } from '@astra/mining';
import { checkDatasetNameArgument, checkOutputDirArgument, checkTenantArgument } from '../check-arguments';
import { UsageError } from '../config';
import type { Output } from '../output';
import { withProcessTempDir } from '../process-temp-dir';
import { withStorage } from '../with-storage';

export type BuildCommandFlags = {
  tenant: string;
  name: string;
  out?: string;
  cut?: boolean;
};

/** `astra-ingest build`: train/dev/test/rejected + report from every stored segments file of a tenant. */
export async function runBuildCommand(
  flags: BuildCommandFlags,
  config: RuntimeConfig,
  output: Output,
): Promise<number> {
  checkTenantArgument('--tenant', flags.tenant);
  checkDatasetNameArgument('--name', flags.name);
  const tenantId = flags.tenant;
  if (flags.cut && !flags.out) throw new UsageError('--cut writes segment WAVs next to a local copy: give --out <dir>');
  if (flags.out) await checkOutputDirArgument('--out', flags.out);
  const { dataset, written } = await withProcessTempDir(config.tmpRoot, output.logger, (tmpDir) =>
    withStorage(config, output, async (storage) => {
      const built = await buildDataset(storage, { tenantId, name: flags.name });
      return {
        dataset: built,
        written: await writeDataset(storage, built, { ...pickOut(flags), tmpRoot: tmpDir }),
      };
    }),
  );
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
