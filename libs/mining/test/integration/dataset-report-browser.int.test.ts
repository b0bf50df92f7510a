import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetKeys, type Storage } from '@astra/storage';
import { buildDataset, type BuiltDataset } from '../../src/dataset/build-dataset';
import { writeDataset } from '../../src/dataset/write-dataset';
import { writeReportFixture } from '../support/report-fixture';
import { serveFiles, type FileServer } from '@astra/demo';

/**
 * The report in a real browser: Debian's chromium (never a downloaded one), headless, with a fresh profile and
 * no background networking. Pages: the local copy written with `--cut` served over HTTP (players on the cut
 * WAVs), the copy in file storage opened as a file (players on the session WAVs with `#t=start,end`), and a
 * dataset whose audio is in S3 (no players, a notice).
 */
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let dir: string;
let storage: Storage;
let dataset: BuiltDataset;
let context: BrowserContext;
let server: FileServer;
let localReportUrl: string;
let storedReportUrl: string;
let s3ReportUrl: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'report-browser-'));
  storage = await writeReportFixture(path.join(dir, 'storage'));
  dataset = await buildDataset(storage, { tenantId: 't', name: 'v1', align: { maxCer: 0.3 } });
  const written = await writeDataset(storage, dataset, { outRoot: path.join(dir, 'out'), cut: true, tmpRoot: dir });
  server = await serveFiles(dir, { nested: true });
  localReportUrl = `${server.url}/${path.relative(dir, path.join(written.outDir ?? '', 'report.html'))}`;
  storedReportUrl = storage.uriFor(datasetKeys('t', 'v1').report);

  await writeReportFixture(path.join(dir, 'storage'), {
    tenantId: 's3t',
    audioUri: (id) => `s3://astra-raw/mining/s3t/${id}.wav`,
  });
  await writeDataset(storage, await buildDataset(storage, { tenantId: 's3t', name: 'v1' }));
  s3ReportUrl = pathToFileURL(path.join(dir, 'storage', datasetKeys('s3t', 'v1').report)).href;

  context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
  });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

type Opened = { page: Page; problems: string[] };

/** Opens a page and records every console error, uncaught exception, failed request and HTTP error. */
async function open(url: string): Promise<Opened> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    const why = request.failure()?.errorText ?? '';
    // The media loader cancels its own request once it has what `preload` asked for: not a failure.
    if (request.resourceType() === 'media' && why === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.url()} ${why}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, problems };
}

const visibleCers = (page: Page) =>
  page.$$eval('#segments tbody tr:not([hidden])', (rows) => rows.map((row) => Number(row.getAttribute('data-cer'))));

/** Loads every player's metadata and reports what the browser made of it. */
const loadPlayers = (page: Page) =>
  page.$$eval('audio', (players) =>
    Promise.all(
      players.map(
        (audio) =>
          new Promise<{ src: string; error: number | null; duration: number; currentTime: number }>((resolve) => {
            const done = () =>
              resolve({
                src: audio.getAttribute('src') ?? '',
                error: audio.error ? audio.error.code : null,
                duration: audio.duration,
                currentTime: audio.currentTime,
              });
            audio.addEventListener('loadedmetadata', done, { once: true });
            audio.addEventListener('error', done, { once: true });
            audio.preload = 'metadata';
            audio.load();
          }),
      ),
    ),
  );

describe('dataset report in headless chromium', () => {
  it('renders without console errors, runs no injected markup and shows the decision figures', async () => {
    for (const url of [localReportUrl, storedReportUrl, s3ReportUrl]) {
      const { page, problems } = await open(url);
      expect(await page.textContent('h1')).toBe('Dataset v1 — tenant ' + (url === s3ReportUrl ? 's3t' : 't'));
      // The fixture's label holds <script> and an <img onerror>: shown as text, never run.
      expect(await page.evaluate(() => (globalThis as { __injected?: number }).__injected)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('#segments').textContent()).toContain('<script>window.__injected = 1</script>');
      // Per-session yield: 3 sessions, one without a source record.
      expect(await page.locator('#session-table tbody tr').count()).toBe(3);
      expect(await page.locator('#session-table tbody').textContent()).toContain(
        'transcript repairs: overlaps 3, reordered 1',
      );
      expect(problems, url).toEqual([]);
      await page.close();
    }
  });

  it('says which splits are empty and what was rejected', async () => {
    const { page, problems } = await open(localReportUrl);
    for (const split of ['train', 'dev', 'test'] as const) {
      const empty = dataset.summary.splits[split].sessions === 0;
      expect(await page.locator(`[data-empty-split="${split}"]`).isVisible(), split).toBe(empty);
    }
    expect(await page.locator('#no-rejections').count()).toBe(0);
    expect(await page.locator('#provenance-facts').textContent()).toContain('max CER 0.3');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('sorts the segment table by a column, both ways, and the session table with unknown values last', async () => {
    const { page, problems } = await open(localReportUrl);
    const initial = await visibleCers(page);
    expect(initial).toHaveLength(7);
    // Worst first: kept rows by descending CER, then the rejected ones.
    const statuses = await page.$$eval('#segments tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.slice(0, 5).every((s) => s !== 'rejected')).toBe(true);
    expect(initial.slice(0, 5)).toEqual([...initial.slice(0, 5)].sort((a, b) => b - a));

    const cerHeader = page.locator('#segments thead th', { hasText: 'CER' });
    await cerHeader.click();
    expect(await cerHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await visibleCers(page)).toEqual([...initial].sort((a, b) => a - b));
    await cerHeader.click();
    expect(await cerHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await visibleCers(page)).toEqual([...initial].sort((a, b) => b - a));

    const audioHeader = page.locator('#session-table thead th', { hasText: /^audio/ });
    const audioColumn = () =>
      page.$$eval('#session-table tbody tr', (rows) => rows.map((row) => row.cells[3]?.getAttribute('data-v') ?? ''));
    await audioHeader.click();
    expect(await audioColumn()).toEqual(['10', '12', '']);
    await audioHeader.click();
    expect(await audioColumn()).toEqual(['12', '10', '']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the segment table by words, status and minimum CER', async () => {
    const { page, problems } = await open(localReportUrl);
    await page.fill('#segment-filter', 'unanimidad');
    expect(await visibleCers(page)).toEqual([0.25]);
    expect(await page.textContent('#segment-count')).toBe('1 of 7 rows shown');

    await page.fill('#segment-filter', '');
    await page.selectOption('#segment-status', 'rejected');
    expect((await visibleCers(page)).sort()).toEqual([0.1, 0.6]);
    await page.selectOption('#segment-status', 'kept');
    expect(await visibleCers(page)).toHaveLength(5);

    await page.fill('#segment-min-cer', '0.1');
    expect(await visibleCers(page)).toEqual([0.25, 0.12]);
    await page.selectOption('#segment-status', 'all');
    await page.fill('#segment-min-cer', '');
    await page.fill('#segment-filter', 'too_short');
    expect(await visibleCers(page)).toEqual([0.1]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('loads the cut WAV of each kept segment over HTTP', async () => {
    const { page, problems } = await open(localReportUrl);
    const players = await loadPlayers(page);
    expect(players).toHaveLength(7);
    for (const player of players) expect(player, player.src).toMatchObject({ error: null });
    const cut = players.filter((p) => p.src.startsWith('wavs/'));
    expect(cut).toHaveLength(5);
    const durations = dataset.report.segments.filter((s) => s.status !== 'rejected').map((s) => s.duration);
    expect(cut.map((p) => Math.round(p.duration * 100) / 100).sort()).toEqual([...durations].sort());
    expect(server.requests.some((r) => r.method === 'GET' && r.path.startsWith('/out/t/v1/wavs/'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays the span of the session WAV (media fragment) from the report stored in file storage', async () => {
    const { page, problems } = await open(storedReportUrl);
    const players = await loadPlayers(page);
    expect(players).toHaveLength(7);
    for (const player of players) {
      const start = Number(/#t=([\d.]+),/.exec(player.src)?.[1]);
      expect(player, player.src).toMatchObject({ error: null });
      expect(player.src.startsWith('../../')).toBe(true);
      expect(player.duration).toBeGreaterThan(5); // the whole session WAV
      expect(Math.abs(player.currentTime - start), player.src).toBeLessThan(0.05);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows where S3 audio is instead of a dead player', async () => {
    const { page, problems } = await open(s3ReportUrl);
    expect(await page.locator('audio').count()).toBe(0);
    expect(await page.locator('.unplayable').count()).toBe(7);
    expect(await page.locator('.notice', { hasText: 'a browser cannot play s3:// addresses' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
