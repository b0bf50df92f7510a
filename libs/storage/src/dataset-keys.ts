import { DATASET_NAME_PATTERN, describeValue, isDatasetName } from '@astra/contracts';
import { StorageError } from './errors';
import { tenantPrefix } from './session-keys';

/** The objects of one built dataset (architecture §3), under `mining/{tenant}/datasets/{name}/`. */
export interface DatasetKeys {
  /** `mining/{tenant}/datasets/{name}/` (ends with '/': usable as a `list` prefix). */
  prefix: string;
  train: string;
  dev: string;
  test: string;
  rejected: string;
  report: string;
}

/** Keys of dataset `name` (validated like a tenant id, else `StorageError('invalid_key')`). */
export function datasetKeys(tenantId: string, name: string): DatasetKeys {
  const tenant = tenantPrefix(tenantId);
  if (!isDatasetName(name)) {
    throw new StorageError(
      'invalid_key',
      `Invalid dataset name ${describeValue(name)}: expected ${DATASET_NAME_PATTERN.source}.`,
    );
  }
  const prefix = `${tenant}datasets/${name}/`;
  return {
    prefix,
    train: `${prefix}train.jsonl`,
    dev: `${prefix}dev.jsonl`,
    test: `${prefix}test.jsonl`,
    rejected: `${prefix}rejected.jsonl`,
    report: `${prefix}report.html`,
  };
}
