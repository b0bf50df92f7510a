import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ManifestLine } from '@astra/aligner';
import { testLine } from '../../../test/support/test-line';
import type { DatasetSummary, SplitName } from '../dataset-model';
import { collectDatasetReport } from './collect-dataset-report';
import type { ReportLimits } from './pick-report-segments';
import type { SessionRecord } from './read-session-records';
import { renderDatasetReport } from './render-dataset-report';
import type { ReportAlignSettings } from './report-model';

const ALIGN: ReportAlignSettings = {
  minDurationSec: 1,
  maxDurationSec: 30,
  maxCer: 0.3,
  minScore: 0,
  minCoverage: 0.6,
  labelStyle: 'spoken',
  summaryPolicy: 'strict',
  speakerMismatch: 'reject',
};

type Build = {
  kept?: Partial<Record<SplitName, ManifestLine[]>>;
  rejected?: Array<ManifestLine & { reason: string }>;
  sessionSplits?: Array<[string, SplitName]>;
  records?: Array<[string, SessionRecord]>;
  align?: ReportAlignSettings;
  limits?: ReportLimits;
  name?: string;
};

function build(input: Build = {}) {
  const kept = { train: [], dev: [], test: [], ...input.kept };
  const rejected = input.rejected ?? [];
  const sessionSplits = new Map<string, SplitName>(input.sessionSplits ?? [['s1', 'train']]);
  const splitSummary = (split: SplitName) => ({
    sessions: [...sessionSplits.values()].filter((s) => s === split).length,
    segments: kept[split].length,
    hours: kept[split].reduce((n, l) => n + l.duration, 0) / 3600,
  });
  const byReason: Record<string, number> = {};
  for (const line of rejected) byReason[line.reason] = (byReason[line.reason] ?? 0) + 1;
  const summary: DatasetSummary = {
    tenantId: 't',
    name: input.name ?? 'v1',
    sessions: sessionSplits.size,
    splits: { train: splitSummary('train'), dev: splitSummary('dev'), test: splitSummary('test') },
    rejected: { segments: rejected.length, hours: 0, byReason },
  };
  return collectDatasetReport({
    summary,
    kept,
    rejected,
    sessionSplits,
    records: new Map(input.records ?? []),
    provenance: {
      builtAt: '2026-01-01T00:00:00.000Z',
      storageUri: 'file:///store',
      devShare: 0.1,
      testShare: 0.1,
      ...(input.align ? { align: input.align } : {}),
      packages: { '@astra/mining': '0.1.0', node: 'v20.0.0' },
    },
    ...(input.limits ? { limits: input.limits } : {}),
  });
}

const REPORT_URL = 'file:///store/mining/t/datasets/v1/report.html';
const rowCount = (html: string) => html.split('<tr data-status=').length - 1;

describe('renderDatasetReport', () => {
  it.each([
    ['only train', [['s1', 'train']], ['dev', 'test']],
    [
      'train and dev',
      [
        ['s1', 'train'],
        ['s2', 'dev'],
      ],
      ['test'],
    ],
    [
      'no train',
      [
        ['s2', 'dev'],
        ['s3', 'test'],
      ],
      ['train'],
    ],
    [
      'every split',
      [
        ['s1', 'train'],
        ['s2', 'dev'],
        ['s3', 'test'],
      ],
      [],
    ],
  ] as Array<[string, Array<[string, SplitName]>, SplitName[]]>)(
    'says which splits are empty (%s) instead of leaving a bare zero',
    (_name, sessionSplits, empty) => {
      const kept = { train: [testLine(1, 0, 0)], dev: [testLine(2, 0, 0)], test: [testLine(3, 0, 0)] };
      const present = new Set(sessionSplits.map(([, split]) => split));
      const html = renderDatasetReport(
        build({
          sessionSplits,
          kept: Object.fromEntries(Object.entries(kept).filter(([split]) => present.has(split as SplitName))),
        }),
      );
      const flagged = [...html.matchAll(/data-empty-split="(\w+)"/g)].map((m) => m[1]);
      expect(flagged).toEqual(empty);
    },
  );

  it('says when a split has sessions but no kept segment', () => {
    const html = renderDatasetReport(
      build({
        sessionSplits: [
          ['s1', 'train'],
          ['s2', 'dev'],
        ],
        kept: { train: [testLine(1, 0, 0)] },
      }),
    );
    expect(html).toContain('<strong>dev has no segment</strong>');
  });

  it('says "no segment was rejected" rather than drawing an empty table', () => {
    const html = renderDatasetReport(build({ kept: { train: [testLine(1, 0, 0)] } }));
    expect(html).toContain('id="no-rejections"');
    expect(html).not.toContain('<th>reason</th>');
    const withRejections = renderDatasetReport(
      build({ kept: { train: [testLine(1, 0, 0)] }, rejected: [{ ...testLine(1, 5, 0.9), reason: 'cer_above_max' }] }),
    );
    expect(withRejections).not.toContain('id="no-rejections"');
    expect(withRejections).toContain('<tr><td>cer_above_max</td><td class="n">1</td></tr>');
  });

  it('says when there is no segment at all', () => {
    const html = renderDatasetReport(build());
    expect(html).toContain('No segment, kept or rejected');
    expect(rowCount(html)).toBe(0);
  });

  it('plays local audio relative to the page with the span as a media fragment', () => {
    const html = renderDatasetReport(build({ kept: { train: [testLine(1, 812.44, 0.1)] } }), { reportUrl: REPORT_URL });
    expect(html).toContain('<audio controls preload="none" src="../../s1.wav#t=812.44,814.44"></audio>');
  });

  it('renders no dead player for S3 audio and says why', () => {
    const line = testLine(1, 3, 0.1, { audio_filepath: 's3://astra-raw/mining/t/s1.wav' });
    const html = renderDatasetReport(build({ kept: { train: [line] } }), { reportUrl: REPORT_URL });
    expect(html).not.toContain('<audio');
    expect(html).toContain('a browser cannot play <code>s3://</code> addresses');
    expect(html).toContain('S3: not playable in a browser</span><br><code>s3://astra-raw/mining/t/s1.wav</code>');
  });

  it('shows the alignment settings, or says they are unknown', () => {
    const known = renderDatasetReport(build({ align: ALIGN }));
    expect(known).toContain('data-known="yes">segments 1–30 s, max CER 0.3, min score 0, min coverage 0.6');
    expect(known).toContain('<dt>label style</dt><dd>spoken</dd>');
    const unknown = renderDatasetReport(build());
    expect(unknown).toContain('data-known="no">unknown');
    expect(unknown).toContain('<dt>label style</dt><dd>unknown</dd>');
    expect(unknown).toContain(
      'The alignment settings (thresholds, label style) these segments were made with are unknown',
    );
  });

  it('shows per-session yield, tool versions and notes from the session records', () => {
    const html = renderDatasetReport(
      build({
        kept: { train: [testLine(1, 0, 0.1, { duration: 6 })] },
        records: [
          [
            's1',
            { title: 'Pleno', audioSec: 60, tools: { ytDlp: '2023.03.04' }, notes: ['transcript repairs: overlaps 2'] },
          ],
        ],
      }),
    );
    expect(html).toMatch(
      /<tr data-session="s1"><td data-v="Pleno">Pleno<br><code title="s1">s1<\/code><\/td><td>train<\/td><td>unknown<\/td><td class="n" data-v="60">1\.0 min<\/td><td class="n" data-v="6">6\.0 s<\/td><td class="n" data-v="0\.1">10\.0 %/,
    );
    expect(html).toContain('transcript repairs: overlaps 2');
    expect(html).toContain('yt-dlp 2023.03.04 (1 session)');
  });

  it('escapes every text that comes from documents, ASR or storage', () => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const line = testLine(1, 0, 0.1, { text: hostile, text_original: hostile, asr_text: hostile, speaker: hostile });
    const html = renderDatasetReport(
      build({
        name: 'v1',
        kept: { train: [line] },
        rejected: [{ ...testLine(1, 5, 0.9, { text: hostile }), reason: hostile }],
        records: [['s1', { title: hostile, tools: { [hostile]: hostile }, notes: [hostile] }]],
      }),
    );
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(2)>');
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  it('runs only its own inline script (Content-Security-Policy with the script hash), loads nothing', () => {
    const html = renderDatasetReport(build({ kept: { train: [testLine(1, 0, 0)] } }));
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="https?:|href="https?:/);
  });

  it('lists kept segments worst first, then rejected ones', () => {
    const html = renderDatasetReport(
      build({
        kept: { train: [testLine(1, 0, 0.05), testLine(1, 3, 0.2), testLine(1, 6, 0.1)] },
        rejected: [{ ...testLine(1, 9, 0.9), reason: 'cer_above_max' }],
      }),
    );
    const rows = [...html.matchAll(/<tr data-status="(\w+)" data-cer="([\d.]+)">/g)].map((m) => `${m[1]}:${m[2]}`);
    expect(rows).toEqual(['train:0.2', 'train:0.1', 'train:0.05', 'rejected:0.9']);
  });

  it('stays small for a big dataset: the table holds the worst and a sample, and says so', () => {
    const kept = Array.from({ length: 5_000 }, (_, i) => testLine(i % 40, i * 3, (i % 97) / 100));
    const rejected = Array.from({ length: 1_000 }, (_, i) => ({
      ...testLine(i % 40, i * 3 + 1, 0.6),
      reason: 'cer_above_max',
    }));
    const sessionSplits = Array.from({ length: 40 }, (_, i) => [`s${i}`, 'train'] as [string, SplitName]);
    const html = renderDatasetReport(build({ kept: { train: kept }, rejected, sessionSplits }));
    expect(rowCount(html)).toBe(400);
    expect(html).toContain(
      'The table holds 400 of 6000 segments: the 200 kept segments with the highest CER, 100 of the other 4800',
    );
    expect(html.length).toBeLessThan(1_000_000);
  });
});
