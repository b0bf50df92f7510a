import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
/* eslint-disable @nx/enforce-module-boundaries -- the bench's session generator (not a project) is test data here */
import { generateSession, type ProfileName } from '../../../../tools/bench/align/generate-session';
import { scoreAlignment } from '../../../../tools/bench/align/score-alignment';
import { writeSessionFiles } from '../../../../tools/bench/align/write-session-files';
/* eslint-enable @nx/enforce-module-boundaries */
import {
  alignSession,
  formatJsonl,
  manifestLineSchema,
  rejectedLineSchema,
  toManifestLine,
  toRejectedLine,
  type ManifestContext,
} from '../../src/index';
import type { Acta, Transcript } from '../helpers/build-session';

/**
 * The bench's synthetic sessions (ground truth known) through files on disk, alignSession, the scorer and
 * train.jsonl / rejected.jsonl; quality thresholds of the issue (no time assertions here: see the bench).
 */
describe('alignSession on synthetic sessions (generator → files → align → score → jsonl)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'astra-aligner-int-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each<[ProfileName, number, number]>([
    ['typical', 0.97, 0.9],
    ['hard', 0.9, 0.8],
  ])('%s profile: precision ≥ %d, recall ≥ %d, no overlaps', async (profile, minPrecision, minRecall) => {
    const session = generateSession({ seed: 1, profile, targetWords: 6000 });
    const files = await writeSessionFiles(session, join(dir, profile));
    expect((await readFile(join(dir, profile, 'acta.docx'))).subarray(0, 2).toString()).toBe('PK');
    expect(files).toHaveLength(5);
    const transcript = JSON.parse(await readFile(join(dir, profile, 'transcript.json'), 'utf8')) as Transcript;
    const acta = JSON.parse(await readFile(join(dir, profile, 'acta.json'), 'utf8')) as Acta;

    const result = alignSession(transcript, acta);
    const score = scoreAlignment(result.kept, session.truth);
    expect(score.precision).toBeGreaterThanOrEqual(minPrecision);
    expect(score.recall).toBeGreaterThanOrEqual(minRecall);
    expect(score.overlaps).toBe(0);
    // Summaries are rarely the words said: they end up rejected or unmatched, never as mislabelled segments.
    const summaries = new Set(acta.fragments.filter((f) => !f.verbatim).map((f) => f.id));
    for (const segment of result.kept.filter((s) => summaries.has(s.fragmentId)))
      expect(segment.cer).toBeLessThanOrEqual(0.15);

    const context: ManifestContext = {
      audioFilepath: `file://${dir}/${profile}.wav`,
      tenantId: 't',
      sessionId: `synthetic-${profile}`,
      sourceUrl: 'https://example.org/v',
      lang: 'es',
    };
    await writeFile(
      join(dir, `${profile}.train.jsonl`),
      formatJsonl(result.kept.map((s) => toManifestLine(s, context))),
    );
    await writeFile(
      join(dir, `${profile}.rejected.jsonl`),
      formatJsonl(result.rejected.map((s) => toRejectedLine(s, context))),
    );
    const train = (await readFile(join(dir, `${profile}.train.jsonl`), 'utf8')).trimEnd().split('\n');
    expect(train).toHaveLength(result.kept.length);
    for (const row of train) manifestLineSchema.parse(JSON.parse(row));
    const rejected = (await readFile(join(dir, `${profile}.rejected.jsonl`), 'utf8'))
      .split('\n')
      .filter((l) => l !== '');
    expect(rejected).toHaveLength(result.rejected.length);
    for (const row of rejected) rejectedLineSchema.parse(JSON.parse(row));
  });

  it('the scorer catches a wrong alignment (shifted labels score low)', () => {
    const session = generateSession({ seed: 2, profile: 'typical', targetWords: 3000 });
    const { kept } = alignSession(session.transcript, session.acta);
    const shifted = kept.map((segment, k) => ({ ...segment, text: kept[(k + 1) % kept.length]?.text ?? '' }));
    expect(scoreAlignment(shifted, session.truth).precision).toBeLessThan(0.2);
    expect(scoreAlignment(kept, session.truth).precision).toBeGreaterThan(0.9);
  });
});
