import { isDatasetName, isTenantId, TENANT_ID_PATTERN } from '@astra/contracts';
import { buildDataset, writeDataset, type RuntimeConfig } from '@astra/mining';
import { UsageError } from '../config';
import type { Output } from '../output';
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
  if (!isTenantId(flags.tenant)) {
    throw new UsageError(`--tenant "${flags.tenant.slice(0, 80)}" is not a tenant id (${TENANT_ID_PATTERN.source})`, {
      code: 'invalid_tenant',
    });
  }
  if (!isDatasetName(flags.name)) {
    throw new UsageError(
      `--name "${flags.name.slice(0, 80)}" is not a dataset name (a-z, 0-9, _ and -, 1-63 characters)`,
      {
        code: 'invalid_name',
      },
    );
  }
  const tenantId = flags.tenant;
  if (flags.cut && !flags.out) throw new UsageError('--cut writes segment WAVs next to a local copy: give --out <dir>');
  const { dataset, written } = await withStorage(config, output, async (storage) => {
    const built = await buildDataset(storage, { tenantId, name: flags.name });
    return {
      dataset: built,
      written: await writeDataset(storage, built, { ...pickOut(flags), tmpRoot: config.tmpRoot }),
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
