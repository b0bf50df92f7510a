import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { startCoreDevServer, type CoreDevServer } from '@astra/core-dev';
import { serveFiles, startS3Server, synthesizeSession, type FileServer, type S3Server } from '@astra/demo';
import { sessionIdFor } from '@astra/contracts';

export type MineFixture = {
  media: FileServer;
  s3: S3Server;
  core: CoreDevServer;
  csvPath: string;
  /** Env for the CLI: S3 variables, astra-core, a temp dir inside `dir`. */
  env: Record<string, string>;
  /** CSV line numbers of the rows that must fail (404 media, corrupt acta). */
  failingLines: number[];
  close(): Promise<void>;
};

/**
 * `count` sessions for `mine` over real servers: three synthesised sessions (espeak-ng, ffmpeg) served under
 * `count` names (symlinks: each name is its own video URL, hence its own session), astra-core dev answering with
 * each one's transcript after `asyncSteps` polls, s3rver as storage. Rows at `missing` get a URL that answers 404
 * and rows at `corrupt` an acta that is not a DOCX.
 */
export async function createMineFixture(
  dir: string,
  options: {
    count: number;
    tenant: string;
    missing?: number[];
    corrupt?: number[];
    throttleBytesPerSec?: number;
    asyncSteps?: number;
    /** Media URLs carry a user name, a password and a signed query string, as a pre-signed link would. */
    urlSecrets?: { user: string; password: string; signature: string };
  },
): Promise<MineFixture> {
  const bases = await Promise.all([1, 2, 3].map((seed) => synthesizeSession({ dir, seed, format: 'webm' })));
  await writeFile(path.join(dir, 'corrupt.docx'), 'PK\u0003\u0004 this is not really a zip');
  const media = await serveFiles(dir, { throttleBytesPerSec: options.throttleBytesPerSec ?? 0 });
  const s3 = await startS3Server();
  const transcripts = new Map<string, unknown>();
  const rows = ['video_url,acta_path,tenant_id'];
  const failingLines: number[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const base = bases[i % bases.length];
    if (!base) throw new Error('no synthesised session');
    const name = `s${String(i + 1).padStart(2, '0')}.webm`;
    const line = i + 2;
    let acta = path.basename(base.actaPath);
    const secrets = options.urlSecrets;
    let url = secrets
      ? `${media.url.replace('://', `://${secrets.user}:${secrets.password}@`)}/${name}?X-Amz-Signature=${secrets.signature}&sig=${secrets.signature}`
      : `${media.url}/${name}`;
    if (options.missing?.includes(i)) {
      url = `${media.url}/missing-${name}`;
      failingLines.push(line);
    } else {
      await symlink(base.mediaPath, path.join(dir, name));
      if (options.corrupt?.includes(i)) {
        acta = 'corrupt.docx';
        failingLines.push(line);
      }
    }
    transcripts.set(
      `s3://astra-raw/mining/${options.tenant}/${sessionIdFor(options.tenant, url)}.wav`,
      base.transcript,
    );
    rows.push(`${url},${acta},${options.tenant}`);
  }
  const core = await startCoreDevServer({
    port: 0,
    transcripts,
    mode: 'async',
    asyncSteps: options.asyncSteps ?? 1,
  });
  const csvPath = path.join(dir, 'sessions.csv');
  await writeFile(csvPath, `${rows.join('\n')}\n`);
  return {
    media,
    s3,
    core,
    csvPath,
    env: {
      ...s3.env,
      ASTRA_CORE_URL: core.url,
      ASTRA_TMPDIR: path.join(dir, 'tmp'),
      ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
    },
    failingLines,
    async close() {
      await Promise.all([media.close(), s3.close(), core.close()]);
    },
  };
}
