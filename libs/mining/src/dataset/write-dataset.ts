import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatJsonl } from '@astra/aligner';
import { storeDataset, type BuiltDataset, type DatasetLines } from './build-dataset';
import { cutSegmentWavs } from './cut-segment-wavs';
import { renderDatasetReport } from './report/render-dataset-report';
import type { DatasetReport } from './report/report-model';
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
 * The local copy has its own report, whose players point at the cut WAVs (or, without `--cut`, at the session
 * audio relative to that folder).
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
  let report = dataset.report;
  if (options.cut) {
    const cutOptions = { outDir: path.join(outDir, 'wavs'), ...(options.tmpRoot ? { tmpRoot: options.tmpRoot } : {}) };
    const cut: DatasetLines = { train: [], dev: [], test: [] };
    for (const split of ['train', 'dev', 'test'] as const) {
      cut[split] = await cutSegmentWavs(storage, dataset.lines[split], cutOptions);
      splits[split] = formatJsonl(cut[split]);
    }
    report = withCutAudio(report, dataset.lines, cut);
  }
  const reportHtml = renderDatasetReport(report, { reportUrl: pathToFileURL(path.join(outDir, 'report.html')).href });
  await Promise.all([
    writeFile(path.join(outDir, 'train.jsonl'), splits.train),
    writeFile(path.join(outDir, 'dev.jsonl'), splits.dev),
    writeFile(path.join(outDir, 'test.jsonl'), splits.test),
    writeFile(path.join(outDir, 'rejected.jsonl'), dataset.files.rejected),
    writeFile(path.join(outDir, 'report.html'), reportHtml),
  ]);
  return { storageKeys, outDir };
}

/** The report with each kept segment's player on its cut WAV (kept segments of a session never overlap). */
function withCutAudio(report: DatasetReport, original: DatasetLines, cut: DatasetLines): DatasetReport {
  const cutFile = new Map<string, string>();
  for (const split of ['train', 'dev', 'test'] as const) {
    original[split].forEach((line, i) => {
      const cutLine = cut[split][i];
      if (cutLine) cutFile.set(`${line.session_id}@${line.offset}`, cutLine.audio_filepath);
    });
  }
  return {
    ...report,
    segments: report.segments.map((segment) => {
      const file = segment.status === 'rejected' ? undefined : cutFile.get(`${segment.sessionId}@${segment.offset}`);
      return file === undefined ? segment : { ...segment, audio: { filepath: file, offset: 0 } };
    }),
  };
}
