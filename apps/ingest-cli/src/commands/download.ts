import { mkdir } from 'node:fs/promises';
import { ensureAudio } from '@astra/mining';
import { assertTenantId, sessionIdFor, sessionKeys } from '@astra/storage';
import {
  resolveAllowPrivateNetwork,
  resolveTmpRoot,
  resolveToolPaths,
  resolveToolVersionsCacheFile,
  type Env,
} from '../config';
import type { Output } from '../output';
import { withStorage } from '../with-storage';

export type DownloadCommandFlags = { tenant: string; storage?: string; s3Endpoint?: string };

/** `astra-ingest download <url> --tenant <id>`: audio → storage at mining/{tenant}/{uuid}.wav (+ source.json). */
export async function runDownloadCommand(
  url: string,
  flags: DownloadCommandFlags,
  env: Env,
  output: Output,
): Promise<number> {
  const tenantId = assertTenantId(flags.tenant);
  const id = sessionIdFor(tenantId, url);
  const keys = sessionKeys(tenantId, id);
  const tmpRoot = resolveTmpRoot(env);
  if (tmpRoot) await mkdir(tmpRoot, { recursive: true });
  const { record, downloaded, uri } = await withStorage(flags, env, output, async (storage) => {
    const audio = await ensureAudio(
      storage,
      { tenantId, id, videoUrl: url, metadata: {} },
      {
        download: {
          ...resolveToolPaths(env),
          allowPrivateNetwork: resolveAllowPrivateNetwork(env),
          toolVersionsCacheFile: resolveToolVersionsCacheFile(env),
        },
        ...(tmpRoot ? { tmpRoot } : {}),
        logger: output.logger,
        onProgress: (event) => output.logger.debug({ ...event }, 'download progress'),
      },
    );
    return { ...audio, uri: storage.uriFor(keys.audio) };
  });
  const result = {
    tenant: tenantId,
    id,
    key: keys.audio,
    uri,
    durationSec: record.durationSec,
    sampleRate: record.sampleRate,
    channels: record.channels,
    bytes: record.bytes,
    sha256: record.sha256,
    downloaded,
  };
  output.result(result, () =>
    [
      `${downloaded ? 'Stored' : 'Already stored'} ${result.uri}`,
      `  ${record.durationSec.toFixed(2)} s, ${record.sampleRate} Hz, ${record.channels} channel, ${record.bytes} bytes`,
      `  sha256 ${record.sha256}`,
    ].join('\n'),
  );
  return 0;
}
