import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const repoRoot = path.resolve(appRoot, '../..');

export type CliRun = { exitCode: number; stdout: string; stderr: string };

/** The command line that runs the CLI from source (tsx, `@astra/source` condition). */
export function cliCommand(): string[] {
  return [process.execPath, '--import', 'tsx', '--conditions=@astra/source', path.join(appRoot, 'src/main.ts')];
}

/** Runs the real CLI from source as a child process. */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const [file = process.execPath, ...cliArgs] = cliCommand();
    execFile(
      file,
      [...cliArgs, ...args],
      {
        cwd: options.cwd ?? repoRoot,
        // The tests' media servers listen on 127.0.0.1; the tool-version cache stays out of the user's home.
        // NODE_NO_WARNINGS: no start-up warning about the Node.js running the tests (it depends on the date), so
        // what a test reads on stderr is what the command wrote.
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          NODE_NO_WARNINGS: '1',
          ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
          XDG_CACHE_HOME: path.join(os.tmpdir(), 'astra-ingest-cli-test-cache'),
          ...options.env,
        },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 300_000,
      },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? 1 : 0;
        resolve({ exitCode: code, stdout, stderr });
      },
    );
  });
}
