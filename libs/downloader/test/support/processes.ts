import { readFileSync, readdirSync } from 'node:fs';

/** Live processes whose command line contains `needle` (read from /proc; Linux only). */
export function findProcesses(needle: string): { pid: number; argv0: string }[] {
  const found: { pid: number; argv0: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (argv.some((arg) => arg.includes(needle)) && isProcessAlive(Number(entry))) {
        found.push({ pid: Number(entry), argv0: argv[0] ?? '' });
      }
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

/** True while the process exists and is not a zombie. */
export function isProcessAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Polls `condition` every 25 ms until it holds or `limitMs` passes; returns whether it held. */
export async function waitFor(condition: () => boolean, limitMs: number): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return condition();
}
