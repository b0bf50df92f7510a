import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { planSessions, readSessionsCsv, type PlanSessionsOptions } from './plan-sessions';

let baseDir: string;
let outsideDir: string;
const options = (): PlanSessionsOptions => ({
  baseDir,
  requireActa: true,
  transcripts: 'captions',
  defaultProvider: 'deepgram',
  defaultLanguage: 'es',
  maxActaBytes: 1000,
});

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'plan-sessions-'));
  baseDir = path.join(root, 'csv');
  outsideDir = path.join(root, 'outside');
  await mkdir(path.join(baseDir, 'actas'), { recursive: true });
  await mkdir(outsideDir);
  await writeFile(path.join(baseDir, 'actas', 'a.docx'), 'x');
  await writeFile(path.join(baseDir, 'actas', 'big.docx'), Buffer.alloc(2000));
  await writeFile(path.join(outsideDir, 'secret.docx'), 'x');
  await symlink(path.join(outsideDir, 'secret.docx'), path.join(baseDir, 'actas', 'link.docx'));
});

describe('planSessions', () => {
  it('turns good rows into sessions with ids, defaults and metadata', async () => {
    const csv =
      'video_url,acta_path,tenant_id,session_id,notes\nhttps://youtu.be/abcdefghijk,actas/a.docx,t1,s-1,hello\n';
    const plan = await planSessions(csv, options());
    expect(plan.errors).toEqual([]);
    expect(plan.sessions).toHaveLength(1);
    const [session] = plan.sessions;
    expect(session).toMatchObject({
      line: 2,
      tenantId: 't1',
      videoUrl: 'https://youtu.be/abcdefghijk',
      actaPath: path.join(baseDir, 'actas', 'a.docx'),
      externalId: 's-1',
      language: 'es',
      provider: 'deepgram',
      metadata: { notes: 'hello' },
    });
    expect(session?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('detects a semicolon delimiter and tolerates a BOM and CRLF', async () => {
    const csv = '\uFEFFvideo_url;acta_path;tenant_id\r\nhttps://example.org/a.mp3;actas/a.docx;t1\r\n';
    const plan = await planSessions(csv, options());
    expect(plan.errors).toEqual([]);
    expect(plan.sessions.map((s) => s.videoUrl)).toEqual(['https://example.org/a.mp3']);
  });

  it.each([
    ['empty tenant', 'https://example.org/a.mp3,actas/a.docx,', /tenant_id is empty/],
    ['unsafe tenant', 'https://example.org/a.mp3,actas/a.docx,../x', /not a valid tenant id/],
    ['upper-case tenant', 'https://example.org/a.mp3,actas/a.docx,Town', /not a valid tenant id/],
    ['non-http url', 'file:///etc/passwd,actas/a.docx,t1', /video_url/],
    ['option-like url', '--exec=rm,actas/a.docx,t1', /video_url/],
    ['missing acta', 'https://example.org/a.mp3,actas/none.docx,t1', /does not exist/],
    ['acta outside the folder', 'https://example.org/a.mp3,../outside/secret.docx,t1', /is outside/],
    ['acta symlinked outside', 'https://example.org/a.mp3,actas/link.docx,t1', /is outside/],
    ['acta too large', 'https://example.org/a.mp3,actas/big.docx,t1', /over the 1000-byte limit/],
    ['acta is a folder', 'https://example.org/a.mp3,actas,t1', /is not a file/],
    ['empty acta without --no-acta', 'https://example.org/a.mp3,,t1', /acta_path is empty/],
    ['wrong field count', 'https://example.org/a.mp3,actas/a.docx', /expected 3 fields, found 2/],
  ])('reports %s with its line and keeps the other rows', async (_name, badRow, reason) => {
    const csv = `video_url,acta_path,tenant_id\nhttps://example.org/good.mp3,actas/a.docx,t1\n${badRow}\n`;
    const plan = await planSessions(csv, options());
    expect(plan.sessions.map((s) => s.line)).toEqual([2]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]?.line).toBe(3);
    expect(plan.errors[0]?.reason).toMatch(reason);
  });

  it('uses --tenant for rows without tenant_id and skips rows of other tenants', async () => {
    const csv =
      'video_url,acta_path,tenant_id\nhttps://example.org/1.mp3,actas/a.docx,\nhttps://example.org/2.mp3,actas/a.docx,other\n';
    const plan = await planSessions(csv, { ...options(), tenant: 'mine' });
    expect(plan.sessions.map((s) => [s.line, s.tenantId])).toEqual([[2, 'mine']]);
    expect(plan.skipped).toEqual([{ line: 3, tenantId: 'other', reason: 'tenant other is not --tenant mine' }]);
    expect(plan.errors).toEqual([]);
  });

  it('accepts an empty acta_path with requireActa false', async () => {
    const plan = await planSessions('video_url,acta_path,tenant_id\nhttps://example.org/1.mp3,,t1\n', {
      ...options(),
      requireActa: false,
    });
    expect(plan.errors).toEqual([]);
    expect(plan.sessions[0]?.actaPath).toBeUndefined();
  });

  it('reports a repeated session and counts lines across quoted newlines', async () => {
    const csv =
      'video_url,acta_path,tenant_id,notes\nhttps://example.org/1.mp3,actas/a.docx,t1,"two\nlines"\nhttps://example.org/1.mp3,actas/a.docx,t1,x\n';
    const plan = await planSessions(csv, options());
    expect(plan.sessions.map((s) => s.line)).toEqual([2]);
    expect(plan.errors).toEqual([{ line: 4, reason: 'same tenant and video as line 2' }]);
  });

  it('reports a malformed quoted row and keeps parsing', async () => {
    const csv =
      'video_url,acta_path,tenant_id\nhttps://example.org/1.mp3,act"as,t1\nhttps://example.org/2.mp3,actas/a.docx,t1\n';
    const plan = await planSessions(csv, options());
    expect(plan.errors.map((e) => e.line)).toEqual([2]);
    expect(plan.errors[0]?.reason).toMatch(/malformed CSV/);
    expect(plan.sessions.map((s) => s.line)).toEqual([3]);
  });

  it('requires transcript_path with --transcripts file and resolves it', async () => {
    await writeFile(path.join(baseDir, 't.json'), '{}');
    const csv =
      'video_url,acta_path,tenant_id,transcript_path\nhttps://example.org/1.mp3,actas/a.docx,t1,t.json\nhttps://example.org/2.mp3,actas/a.docx,t1,\n';
    const plan = await planSessions(csv, { ...options(), transcripts: 'file' });
    expect(plan.sessions[0]?.transcriptPath).toBe(path.join(baseDir, 't.json'));
    expect(plan.errors).toEqual([{ line: 3, reason: 'transcript_path is empty but --transcripts file was chosen' }]);
  });

  it.each([
    ['', /empty/],
    ['acta_path,tenant_id\nx,y\n', /lacks the column\(s\) video_url/],
  ])('throws for a CSV without a usable header (%#)', async (csv, message) => {
    await expect(planSessions(csv, options())).rejects.toThrow(message);
  });
});

describe('readSessionsCsv', () => {
  const row = 'video_url,acta_path,tenant_id,notes\nhttps://example.org/a.mp3,actas/a.docx,t1,Sesión\n';

  it.each<[string, Buffer]>([
    ['UTF-8', Buffer.from(row, 'utf8')],
    ['UTF-16 LE with a BOM', Buffer.from(`\uFEFF${row}`, 'utf16le')],
    ['UTF-16 BE with a BOM', Buffer.from(`\uFEFF${row}`, 'utf16le').swap16()],
  ])('reads a %s file', async (label, bytes) => {
    const file = path.join(baseDir, `${label.replace(/\W+/g, '-')}.csv`);
    await writeFile(file, bytes);
    const plan = await readSessionsCsv(file, options());
    expect(plan.errors).toEqual([]);
    expect(plan.sessions[0]?.metadata).toEqual({ notes: 'Sesión' });
  });

  it('refuses a Latin-1 file with the line and byte offset of the first bad byte', async () => {
    const file = path.join(baseDir, 'latin1.csv');
    await writeFile(file, Buffer.from(row, 'latin1'));
    await expect(readSessionsCsv(file, options())).rejects.toThrow(
      /not valid UTF-8: byte 0xF3 at line 2, byte offset 82\b/,
    );
  });

  it.each([
    ['a directory', () => baseDir, /is a directory, not a file/],
    ['a missing file', () => path.join(baseDir, 'none.csv'), /none\.csv: no such file or directory \(ENOENT\)/],
    [
      'a path through a file',
      () => path.join(baseDir, 'actas', 'a.docx', 'x.csv'),
      /a\.docx\/x\.csv: not a directory \(ENOTDIR\)/,
    ],
  ])('names the path and the reason for %s', async (_label, file, message) => {
    await expect(readSessionsCsv(file(), options())).rejects.toThrow(message);
  });
});
