// The worker and `astra-ingest mine` prepare their temp dirs with the same code (owner-marked, swept when the
// owning process is gone): it lives in @astra/mining.
export { prepareProcessTempDir as prepareWorkerTempDir } from '@astra/mining';
