import { stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveAlignOptions, type AlignOptions } from '@astra/aligner';
import { isDatasetName, isTenantId, TENANT_ID_PATTERN } from '@astra/contracts';
import { UsageError } from './config';

/**
 * Checks of command-line arguments made before any work starts, so a typo costs a second instead of a run:
 * each failure is a {@link UsageError} (exit 2) that names the flag, the value and what is wrong with it.
 */

/** `--input x.csv`, `extract <acta>`: an existing regular file. */
export async function checkFileArgument(flag: string, filePath: string): Promise<void> {
  const info = await statArgument(flag, filePath);
  if (info.isDirectory())
    throw new UsageError(`${flag} ${filePath} is a directory, not a file`, { code: 'not_a_file' });
  if (!info.isFile()) throw new UsageError(`${flag} ${filePath} is not a regular file`, { code: 'not_a_file' });
}

/** `--actas-dir`: an existing directory. */
export async function checkDirectoryArgument(flag: string, dirPath: string): Promise<void> {
  const info = await statArgument(flag, dirPath);
  if (!info.isDirectory()) throw new UsageError(`${flag} ${dirPath} is not a directory`, { code: 'not_a_directory' });
}

/** `--out <dir>`: a directory, or a path where one can be made (no file in the way). */
export async function checkOutputDirArgument(flag: string, dirPath: string): Promise<void> {
  let current = path.resolve(dirPath);
  for (;;) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new UsageError(`${flag} ${dirPath}: ${osReason(error)}`, { code: 'bad_path', cause: error });
    });
    if (info) {
      if (info.isDirectory()) return;
      throw new UsageError(`${flag} ${dirPath}: ${current} is a file, not a directory`, { code: 'not_a_directory' });
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

export function checkTenantArgument(flag: string, tenant: string | undefined): void {
  if (tenant === undefined || isTenantId(tenant)) return;
  throw new UsageError(`${flag} "${tenant.slice(0, 80)}" is not a tenant id (${TENANT_ID_PATTERN.source})`, {
    code: 'invalid_tenant',
  });
}

export function checkDatasetNameArgument(flag: string, name: string): void {
  if (isDatasetName(name)) return;
  throw new UsageError(`${flag} "${name.slice(0, 80)}" is not a dataset name (a-z, 0-9, _ and -, 1-63 characters)`, {
    code: 'invalid_name',
  });
}

/** `--min-duration`, `--max-duration`, `--max-cer` together (e.g. min below max), as the aligner will check them. */
export function checkAlignArguments(options: Partial<AlignOptions>): void {
  try {
    resolveAlignOptions(options);
  } catch (error) {
    const flagByOption: Record<string, string> = {
      minDurationSec: '--min-duration',
      maxDurationSec: '--max-duration',
      maxCer: '--max-cer',
    };
    const message = (error as Error).message.replace(
      /\b(minDurationSec|maxDurationSec|maxCer)\b/g,
      (name) => flagByOption[name] ?? name,
    );
    throw new UsageError(message.replace(/^Invalid align options: /, ''), {
      code: 'invalid_align_options',
      cause: error,
    });
  }
}

async function statArgument(flag: string, target: string) {
  return stat(target).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`${flag} ${target}: ${osReason(error)}`, { code: 'bad_path', cause: error });
  });
}

/** `ENOENT: no such file or directory, stat '/x'` → `no such file or directory (ENOENT)`. */
export function osReason(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const reason = /^E[A-Z]+: ([^,]+)/.exec(text)?.[1] ?? text;
  return typeof code === 'string' && !reason.includes(code) ? `${reason} (${code})` : reason;
}
