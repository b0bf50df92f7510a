import { sessionIdFor } from '@astra/contracts';
import { ensureAudio } from '@astra/mining/audio';
import { sessionKeys } from '@astra/storage';
import { checkTenantArgument } from '../check-arguments';
import { warnAboutTools } from '../check-tools';
import { UsageError, type CliConfig } from '../config';
import type { Output } from '../output';
import { withProcessTempDir } from '../process-temp-dir';
import { withStorage } from '../with-storage';

export type DownloadCommandFlags = { tenant: string };

/** `astra-ingest download <url> --tenant <id>`: audio → storage at mining/{tenant}/{uuid}.wav (+ source.json). */
export async function runDownloadCommand(
  url: string,
  flags: DownloadCommandFlags,
  config: CliConfig,
  output: Output,
): Promise<number> {
  checkTenantArgument('--tenant', flags.tenant);
  const tenantId = flags.tenant;
  let id: string;
  try {
    id = sessionIdFor(tenantId, url);
  } catch (error) {
    throw new UsageError((error as Error).message, { code: 'invalid_url', cause: error });
  }
  const keys = sessionKeys(tenantId, id);
  // The versions probed here are remembered by the process (probeTools): the download does not probe again.
  await warnAboutTools(config, output.logger);
  const { record, downloaded, uri } = await withProcessTempDir(config.tmpRoot, output.logger, (tmpDir) =>
    withStorage(config, output, async (storage) => {
      const audio = await ensureAudio(
        storage,
        { tenantId, id, videoUrl: url, metadata: {} },
        {
          download: {
            ...config.tools,
            ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
            allowPrivateNetwork: config.allowPrivateNetwork,
          },
          tmpRoot: tmpDir,
          logger: output.logger,
          onProgress: (event) => output.logger.debug({ ...event }, 'download progress'),
        },
      );
      return { ...audio, uri: storage.uriFor(keys.audio) };
    }),
  );
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
