import { silentLogger, type Logger } from '@astra/contracts';
import type { AlignOptions } from '@astra/aligner';
import { CoreClient } from '@astra/core-client';
import { openStorage, type Storage } from '@astra/storage';
import {
  createAstraCoreSource,
  createCaptionsSource,
  createFileSource,
  type TranscriptSource,
} from '@astra/transcripts';
import type { RuntimeConfig } from './config/runtime-config';
import { MiningOrchestrator } from './session/mining-orchestrator';

export type PipelineOptions = {
  logger?: Logger;
  /** Parent of this process's temp dirs; default `config.tmpRoot` (the worker passes its own sub-dir). */
  tmpRoot?: string;
  align?: Partial<AlignOptions>;
};

/** The pipeline of one process: storage, the transcript source and the orchestrator over them. */
export type Pipeline = {
  storage: Storage;
  transcripts: TranscriptSource;
  orchestrator: MiningOrchestrator;
  /** Closes the transcript source and the storage (their sockets keep Node alive otherwise). */
  close(): Promise<void>;
};

/**
 * Builds the pipeline from the runtime configuration: the one composition both apps use, so `mine` on a
 * laptop and a worker in the fleet run the same stages with the same settings.
 */
export function createPipeline(config: RuntimeConfig, options: PipelineOptions = {}): Pipeline {
  const logger = options.logger ?? silentLogger;
  const tmpRoot = options.tmpRoot ?? config.tmpRoot;
  const storage = openStorage(config.storage.uri, { ...config.storage.options, logger });
  const transcripts = createTranscriptSource(config, tmpRoot, logger);
  const orchestrator = new MiningOrchestrator({
    storage,
    transcripts,
    download: {
      ...config.tools,
      ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
      allowPrivateNetwork: config.allowPrivateNetwork,
    },
    ...(options.align ? { align: options.align } : {}),
    tmpRoot,
    logger,
  });
  return {
    storage,
    transcripts,
    orchestrator,
    async close() {
      await Promise.allSettled([transcripts.close(), storage.close()]);
    },
  };
}

function createTranscriptSource(config: RuntimeConfig, tmpRoot: string, logger: Logger): TranscriptSource {
  switch (config.transcripts) {
    case 'astra-core': {
      // resolveRuntimeConfig refuses astra-core without ASTRA_CORE_URL; this guards hand-made configs.
      if (!config.core) throw new Error('astra-core transcripts need config.core (ASTRA_CORE_URL)');
      return createAstraCoreSource({ client: new CoreClient({ ...config.core, logger }) });
    }
    case 'captions':
      return createCaptionsSource({
        tmpRoot,
        logger,
        ...(config.tools.ytDlpPath ? { ytDlpPath: config.tools.ytDlpPath } : {}),
        ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
        allowPrivateNetwork: config.allowPrivateNetwork,
      });
    case 'file':
      return createFileSource();
  }
}
