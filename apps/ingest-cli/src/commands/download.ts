import { mkdir } from 'node:fs/promises';
import { isTenantId, sessionIdFor, TENANT_ID_PATTERN } from '@astra/contracts';
import { ensureAudio, type RuntimeConfig } from '@astra/mining';
import { sessionKeys } from '@astra/storage';
import { UsageError } from '../config';
import type { Output } from '../output';
import { withStorage } from '../with-storage';

export type DownloadCommandFlags = { tenant: string };

/** `astra-ingest download <url> --tenant <id>`: audio → storage at mining/{tenant}/{uuid}.wav (+ source.json). */
export async function runDownloadCommand(
  url: string,
  flags: DownloadCommandFlags,
  config: RuntimeConfig,
  output: Output,
): Promise<number> {
  if (!isTenantId(flags.tenant)) {
    throw new UsageError(`--tenant "${flags.tenant.slice(0, 80)}" is not a tenant id (${TENANT_ID_PATTERN.source})`, {
      code: 'invalid_tenant',
    });
  }
  const tenantId = flags.tenant;
  let id: string;
  try {
    id = sessionIdFor(tenantId, url);
  } catch (error) {
    throw new UsageError((error as Error).message, { code: 'invalid_url', cause: error });
  }
  const keys = sessionKeys(tenantId, id);
  await mkdir(config.tmpRoot, { recursive: true });
  const { record, downloaded, uri } = await withStorage(config, output, async (storage) => {
    const audio = await ensureAudio(
      storage,
      { tenantId, id, videoUrl: url, metadata: {} },
      {
        download: { ...config.tools, ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}) },
        tmpRoot: config.tmpRoot,
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
