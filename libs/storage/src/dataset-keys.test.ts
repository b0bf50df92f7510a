import { describe, expect, it } from 'vitest';
import { datasetKeys } from './dataset-keys';
import { StorageError } from './errors';

describe('datasetKeys', () => {
  it('lays out a dataset as architecture §3 says', () => {
    expect(datasetKeys('t', 'v1')).toEqual({
      prefix: 'mining/t/datasets/v1/',
      train: 'mining/t/datasets/v1/train.jsonl',
      dev: 'mining/t/datasets/v1/dev.jsonl',
      test: 'mining/t/datasets/v1/test.jsonl',
      rejected: 'mining/t/datasets/v1/rejected.jsonl',
      report: 'mining/t/datasets/v1/report.html',
    });
  });

  it.each([
    ['A', 'v1', 'invalid_tenant'],
    ['t', '', 'invalid_key'],
    ['t', '../v1', 'invalid_key'],
    ['t', 'a/b', 'invalid_key'],
    ['t', 'V1', 'invalid_key'],
    ['t', 'x'.repeat(64), 'invalid_key'],
    ['t', 'año', 'invalid_key'],
  ])('datasetKeys(%j, %j) fails with %s', (tenant, name, code) => {
    let thrown: unknown;
    try {
      datasetKeys(tenant, name);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageError);
    expect((thrown as StorageError).code).toBe(code);
  });
});
