/**
 * The live view of `mine` in a real pseudo-terminal (tmux, 80 × 24; issue 13 item 2): 20 sessions, three of
 * which fail, on real yt-dlp/ffmpeg, s3rver and the astra-core dev server. While it runs the screen holds one
 * block (a header with counts, elapsed and ETA, then the running sessions with their progress) under the lines
 * already printed; at the end every session has left exactly one permanent line, no copy of the block is left
 * anywhere in the scrollback, logs are human-readable, and the summary fits the terminal.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMineFixture, type MineFixture } from '../support/mine-fixture';
import { cliCommand, repoRoot } from '../support/run-cli';
import { startTmuxSession, type TmuxSession } from '../support/tmux-session';

const COLUMNS = 80;
const ROWS = 24;
const SESSIONS = 20;
const HEADER = /^mine (\d+)\/20 done \((\d+) ok, (\d+) failed\), (\d+) running \| elapsed (\d+:\d\d) \| ETA (\S+)$/;

let dir: string;
let fixture: MineFixture;
let tmux: TmuxSession;
const frames: string[] = [];
let history = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'astra-live-view-'));
  fixture = await createMineFixture(dir, {
    count: SESSIONS,
    tenant: 'villa',
    missing: [3, 11],
    corrupt: [7],
    // Slow enough that downloads and polls are on screen for seconds, not milliseconds.
    throttleBytesPerSec: 150_000,
    asyncSteps: 2,
  });
  tmux = await startTmuxSession(dir, {
    command: [
      ...cliCommand(),
      'mine',
      '--input',
      fixture.csvPath,
      '--storage',
      's3://astra-raw',
      '--concurrency',
      '4',
      '--out',
      path.join(dir, 'out'),
    ],
    env: { ...fixture.env, LOG_LEVEL: 'info' },
    cwd: repoRoot,
    columns: COLUMNS,
    rows: ROWS,
  });
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    const screen = await tmux.screen();
    frames.push(screen);
    if (/^EXIT=\d+$/m.test(screen)) break;
    await sleep(250);
  }
  history = await tmux.history();
}, 20 * 60_000);

afterAll(async () => {
  await tmux?.close();
  await fixture?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const lines = (text: string) => text.split('\n').map((line) => line.trimEnd());

describe('mine on an 80×24 terminal', () => {
  it('ends with exit code 1 (three sessions failed) and a summary that fits the terminal', () => {
    expect(history).toMatch(/^EXIT=1$/m);
    const all = lines(history);
    const table = all.findIndex((line) => /^line +tenant +session +status/.test(line));
    const total = all.findIndex((line) => line.startsWith('sessions: '));
    expect(table).toBeGreaterThanOrEqual(0);
    expect(all[total]).toBe('sessions: 17 ok, 3 failed, 0 bad rows');
    // Rows are cut to the terminal: joined wrapped lines would be longer.
    for (const line of all.slice(table, total)) expect(line.length).toBeLessThan(COLUMNS);
    expect(all.slice(table + 1, total).filter((line) => /^\d+ +villa /.test(line))).toHaveLength(SESSIONS);
  });

  it('leaves exactly one permanent line per session and no copy of the live block', () => {
    const all = lines(history);
    for (let line = 2; line <= SESSIONS + 1; line += 1) {
      const permanent = all.filter((text) => new RegExp(`^(ok|FAILED) +line ${line} villa `).test(text));
      expect(permanent, `line ${line}`).toHaveLength(1);
      expect(permanent[0]?.startsWith(fixture.failingLines.includes(line) ? 'FAILED' : 'ok')).toBe(true);
    }
    expect(all.filter((text) => HEADER.test(text))).toEqual([]);
    expect(all.filter((text) => /^ {2}line \d+ villa [0-9a-f]{8} {2,}\S/.test(text))).toEqual([]);
  });

  it('prints logs human-readable above the block: the old yt-dlp warning and each failure', () => {
    const all = lines(history);
    expect(all.some((text) => /^\[\d\d:\d\d:\d\d\] WARN: yt-dlp 2023\.03\.04 is older than/.test(text))).toBe(true);
    expect(all.filter((text) => /^\[\d\d:\d\d:\d\d\] WARN: session failed/.test(text))).toHaveLength(3);
    expect(all.filter((text) => text.startsWith('{"level"'))).toEqual([]);
  });

  it('holds one block at the bottom of the screen while it runs: header, then running sessions', () => {
    const running = frames.filter((frame) => lines(frame).some((text) => HEADER.test(text)));
    expect(running.length).toBeGreaterThan(10);
    for (const frame of running) {
      const rows = lines(frame);
      const headers = rows.filter((text) => HEADER.test(text));
      expect(headers, frame).toHaveLength(1);
      const below = rows.slice(rows.findIndex((text) => HEADER.test(text)) + 1).filter((text) => text !== '');
      const match = HEADER.exec(headers[0] ?? '');
      expect(below.length, frame).toBe(Number(match?.[4]));
      expect(new Set(below.map((text) => text.slice(0, 26))).size, frame).toBe(below.length);
      for (const text of below)
        expect(text, frame).toMatch(/^ {2}line \d+ villa [0-9a-f]{8} {2,}(acta|download|transcribe|align) /);
      expect(rows.length).toBeLessThanOrEqual(ROWS + 1);
    }
  });

  it('shows counts with an ETA, download progress and the transcription state while astra-core is polled', () => {
    const seen = frames.flatMap(lines);
    const counted = seen.map((text) => HEADER.exec(text)).filter((m) => m !== null);
    expect(counted.some((m) => Number(m[1]) > 0 && Number(m[1]) < SESSIONS && /^\d+:\d\d$/.test(m[6] ?? ''))).toBe(
      true,
    );
    expect(counted.every((m) => Number(m[1]) === Number(m[2]) + Number(m[3]))).toBe(true);
    expect(seen.some((text) => /download +\d+% +\d+(\.\d)? kB\/s/.test(text))).toBe(true);
    expect(seen.some((text) => /transcribe processing \(poll \d+\)/.test(text))).toBe(true);
  });
});
