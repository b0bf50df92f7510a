import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type TmuxSession = {
  /** What the terminal shows now (rows × columns, escape sequences stripped). */
  screen(): Promise<string>;
  /** Scrollback and screen, wrapped lines joined. */
  history(): Promise<string>;
  close(): Promise<void>;
};

/**
 * A real pseudo-terminal of `columns` × `rows` (tmux on its own server socket) running `command` with `env`.
 * The pane stays open after the command ends (`remain-on-exit`), so its last screen can still be read.
 */
export async function startTmuxSession(
  dir: string,
  options: { command: string[]; env: Record<string, string>; cwd: string; columns: number; rows: number },
): Promise<TmuxSession> {
  const socket = `astra-test-${process.pid}-${Date.now()}`;
  const config = path.join(dir, 'tmux.conf');
  await writeFile(config, 'set -g history-limit 100000\nset -g remain-on-exit on\n');
  const script = path.join(dir, 'run-in-tmux.sh');
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  await writeFile(
    script,
    [
      '#!/bin/sh',
      ...Object.entries(options.env).map(([name, value]) => `export ${name}=${quote(value)}`),
      `cd ${quote(options.cwd)}`,
      options.command.map(quote).join(' '),
      'echo "EXIT=$?"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
  const tmux = (...args: string[]) => run('tmux', ['-L', socket, ...args], { maxBuffer: 64 * 1024 * 1024 });
  await tmux(
    '-f',
    config,
    'new-session',
    '-d',
    '-s',
    'astra',
    '-x',
    String(options.columns),
    '-y',
    String(options.rows),
    script,
  );
  return {
    screen: async () => (await tmux('capture-pane', '-p', '-t', 'astra')).stdout,
    history: async () => (await tmux('capture-pane', '-p', '-J', '-S', '-', '-E', '-', '-t', 'astra')).stdout,
    close: async () => {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
