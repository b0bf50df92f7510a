import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** CPU seconds (user + sys) of this process's terminated and reaped children, from /proc/self/stat. */
export function reapedChildrenCpuSec(): number {
  const statLine = readFileSync('/proc/self/stat', 'utf8');
  const fields = statLine.slice(statLine.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): cutime is field 16, cstime field 17, in USER_HZ (100 on Linux).
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

export type Measured = { wallSec: number; cpuSec: number };

/**
 * Wall and CPU time of `run`: CPU is this process's own (what runs in-process) plus every child process it
 * started and reaped meanwhile, grandchildren included (yt-dlp's ffmpeg, the CLI's tools).
 */
export async function measure(run: () => Promise<void>): Promise<Measured> {
  const children = reapedChildrenCpuSec();
  const own = process.cpuUsage();
  const started = process.hrtime.bigint();
  await run();
  const wallSec = Number(process.hrtime.bigint() - started) / 1e9;
  const ownCpu = process.cpuUsage(own);
  return { wallSec, cpuSec: reapedChildrenCpuSec() - children + (ownCpu.user + ownCpu.system) / 1e6 };
}

/** Runs a command (no shell) to completion; rejects with its stderr tail on a non-zero exit. */
export function runCommand(file: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(stdout) : reject(new Error(`${file} exited ${code}: ${stderr.trim().slice(-1500)}`)),
    );
  });
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) out[arg.slice(2)] = argv[i + 1] ?? '';
  }
  return out;
}
