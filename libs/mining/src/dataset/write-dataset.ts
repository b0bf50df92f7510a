import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatJsonl } from '@astra/aligner';
import { storeDataset, type BuiltDataset } from './build-dataset';
import { cutSegmentWavs } from './cut-segment-wavs';
import type { Storage } from '@astra/storage';

export type WrittenDataset = { storageKeys: string[]; outDir?: string };

export type WriteDatasetOptions = {
  /** Also write the files to `{outRoot}/{tenant}/{name}/`. */
  outRoot?: string;
  /** `--cut`: each kept segment as its own WAV under `{outDir}/wavs/`, local lines pointing there (architecture §6). */
  cut?: boolean;
  tmpRoot?: string;
};

/**
 * Puts a built dataset in storage and, when asked, in a local folder. With `--cut` only the local copy points
 * at the cut WAVs: the stored dataset keeps `audio_filepath` + offset into the session audio, valid anywhere.
 */
export async function writeDataset(
  storage: Storage,
  dataset: BuiltDataset,
  options: WriteDatasetOptions = {},
): Promise<WrittenDataset> {
  const storageKeys = await storeDataset(storage, dataset);
  if (!options.outRoot) return { storageKeys };
  const outDir = path.resolve(options.outRoot, dataset.summary.tenantId, dataset.summary.name);
  await mkdir(outDir, { recursive: true });
  const splits = { train: dataset.files.train, dev: dataset.files.dev, test: dataset.files.test };
  if (options.cut) {
    const cutOptions = { outDir: path.join(outDir, 'wavs'), ...(options.tmpRoot ? { tmpRoot: options.tmpRoot } : {}) };
    for (const split of ['train', 'dev', 'test'] as const) {
      splits[split] = formatJsonl(await cutSegmentWavs(storage, dataset.lines[split], cutOptions));
    }
  }
  await Promise.all([
    writeFile(path.join(outDir, 'train.jsonl'), splits.train),
    writeFile(path.join(outDir, 'dev.jsonl'), splits.dev),
    writeFile(path.join(outDir, 'test.jsonl'), splits.test),
    writeFile(path.join(outDir, 'rejected.jsonl'), dataset.files.rejected),
    writeFile(path.join(outDir, 'report.html'), dataset.files.report),
  ]);
  return { storageKeys, outDir };
}
