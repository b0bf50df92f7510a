import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { storeDataset, type BuiltDataset } from '@astra/mining';
import type { Storage } from '@astra/storage';

export type WrittenDataset = { storageKeys: string[]; outDir?: string };

/** Puts a built dataset in storage and, when asked, also in `{outRoot}/{tenant}/{name}/`. */
export async function writeDataset(storage: Storage, dataset: BuiltDataset, outRoot?: string): Promise<WrittenDataset> {
  const storageKeys = await storeDataset(storage, dataset);
  if (!outRoot) return { storageKeys };
  const outDir = path.resolve(outRoot, dataset.summary.tenantId, dataset.summary.name);
  await mkdir(outDir, { recursive: true });
  const { files } = dataset;
  await Promise.all([
    writeFile(path.join(outDir, 'train.jsonl'), files.train),
    writeFile(path.join(outDir, 'dev.jsonl'), files.dev),
    writeFile(path.join(outDir, 'test.jsonl'), files.test),
    writeFile(path.join(outDir, 'rejected.jsonl'), files.rejected),
    writeFile(path.join(outDir, 'report.html'), files.report),
  ]);
  return { storageKeys, outDir };
}
