import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The commit before issue 15: its downloader is the "current" pipeline of the variant table. */
export const BASELINE_COMMIT = '98a69719b6152140d11efd56009c4339fea2f013';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * `libs/downloader/src` of BASELINE_COMMIT, extracted (once) under tools/bench/download/.baseline/ (git-ignored;
 * inside the repo so that its imports of execa and zod resolve to the repo's node_modules). Returns the URL of
 * its index.ts, for a dynamic import under tsx.
 */
export function baselineDownloaderUrl(): string {
  const root = path.join(here, '.baseline', BASELINE_COMMIT.slice(0, 12));
  const index = path.join(root, 'libs', 'downloader', 'src', 'index.ts');
  if (!existsSync(index)) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    const archive = execFileSync(
      'git',
      ['-C', path.resolve(here, '../../..'), 'archive', BASELINE_COMMIT, 'libs/downloader/src'],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    execFileSync('tar', ['-x', '-C', root], { input: archive });
  }
  return pathToFileURL(index).href;
}
