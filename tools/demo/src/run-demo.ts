/**
 * `npm run demo`: the whole product on a fresh offline machine. Synthesises three Spanish council
 * sessions (espeak-ng speech, acta DOCX), serves the media on 127.0.0.1, starts the local astra-core
 * (tools/astra-core-dev) with their transcripts, then runs the real CLI: `astra-ingest mine`.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCoreDevServer } from '@astra/core-dev';
import { sessionIdFor } from '@astra/contracts';
import { openStorage, sessionKeys } from '@astra/storage';
import { serveFiles } from './serve-files';
import { synthesizeSession } from './synth-session';

const TENANT = 'villaverde';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const demoDir = path.join(repoRoot, '.astra-demo');
const mediaDir = path.join(demoDir, 'media');
const storageUri = `file://${path.join(demoDir, 'storage')}`;
const cli = path.join(repoRoot, 'apps/ingest-cli/dist/main.js');

await rm(demoDir, { recursive: true, force: true });
await mkdir(mediaDir, { recursive: true });
process.stderr.write('demo: synthesising 3 sessions with espeak-ng…\n');
const sessions = await Promise.all(
  [1, 2, 3].map((seed) => synthesizeSession({ dir: mediaDir, seed, format: seed === 2 ? 'mp3' : 'webm' })),
);

const media = await serveFiles(mediaDir);
const storage = openStorage(storageUri);
const transcripts = new Map<string, unknown>();
const rows = ['video_url,acta_path,tenant_id,session_id,notes'];
sessions.forEach((session, i) => {
  const videoUrl = `${media.url}/${path.basename(session.mediaPath)}`;
  const audioUri = storage.uriFor(sessionKeys(TENANT, sessionIdFor(TENANT, videoUrl)).audio);
  transcripts.set(audioUri, session.transcript);
  rows.push(
    `${videoUrl},media/${path.basename(session.actaPath)},${TENANT},pleno-2024-03-0${i + 1},synthetic demo session`,
  );
});
const csvPath = path.join(demoDir, 'sessions.csv');
await writeFile(csvPath, `${rows.join('\n')}\n`);
const core = await startCoreDevServer({ port: 0, transcripts, mode: 'async', asyncSteps: 1 });

process.stderr.write(`demo: media on ${media.url}, astra-core (dev) on ${core.url}\n`);
process.stderr.write(`demo: astra-ingest mine --input ${path.relative(repoRoot, csvPath)} --storage ${storageUri}\n\n`);
const exitCode = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    [
      cli,
      'mine',
      '--input',
      csvPath,
      '--storage',
      storageUri,
      '--out',
      path.join(demoDir, 'datasets'),
      '--name',
      'demo',
    ],
    {
      stdio: 'inherit',
      // The demo's media server listens on 127.0.0.1: the egress policy must allow the private network.
      env: {
        ...process.env,
        ASTRA_CORE_URL: core.url,
        ASTRA_TMPDIR: path.join(demoDir, 'tmp'),
        ASTRA_ALLOW_PRIVATE_NETWORK: 'true',
      },
    },
  );
  child.on('exit', (code) => resolve(code ?? 1));
});
await Promise.all([media.close(), core.close()]);

const datasetDir = path.join(demoDir, 'datasets', TENANT, 'demo');
process.stderr.write(
  `\ndemo: ${exitCode === 0 ? 'done' : `mine exited with ${exitCode}`}.\n` +
    `  dataset: ${path.relative(repoRoot, datasetDir)}/{train,dev,test,rejected}.jsonl\n` +
    `  report:  ${path.relative(repoRoot, path.join(datasetDir, 'report.html'))}\n` +
    `  storage: ${path.relative(repoRoot, path.join(demoDir, 'storage'))}/mining/${TENANT}/\n`,
);
process.exitCode = exitCode;
