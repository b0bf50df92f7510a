import { describe, expect, it } from 'vitest';
import { StorageError } from './errors';
import { FileStorage } from './file-storage';
import { openStorage, parseStorageUri } from './open-storage';
import { S3Storage } from './s3-storage';

const CWD = '/srv/astra';

describe('parseStorageUri', () => {
  it.each([
    ['s3://astra-raw', { kind: 's3', bucket: 'astra-raw', prefix: '' }],
    ['s3://astra-raw/', { kind: 's3', bucket: 'astra-raw', prefix: '' }],
    ['s3://astra-raw/env/prod/', { kind: 's3', bucket: 'astra-raw', prefix: 'env/prod' }],
    ['S3://astra-raw', { kind: 's3', bucket: 'astra-raw', prefix: '' }],
    ['file:///var/lib/astra', { kind: 'file', dir: '/var/lib/astra' }],
    ['file:///var/lib/astra%20data', { kind: 'file', dir: '/var/lib/astra data' }],
    ['file://localhost/var/lib/astra', { kind: 'file', dir: '/var/lib/astra' }],
    ['file://./.astra-data', { kind: 'file', dir: '/srv/astra/.astra-data' }],
    ['file://.astra-data', { kind: 'file', dir: '/srv/astra/.astra-data' }],
    ['file://../shared/data', { kind: 'file', dir: '/srv/shared/data' }],
    ['.astra-data', { kind: 'file', dir: '/srv/astra/.astra-data' }],
    ['/abs/dir/', { kind: 'file', dir: '/abs/dir' }],
  ])('%s → %o', (uri, expected) => {
    expect(parseStorageUri(uri, CWD)).toEqual(expected);
  });

  it.each([
    '',
    '   ',
    'gs://bucket',
    'http://example.com/bucket',
    'file:relative',
    'file://',
    'file:///a?x=1',
    'file:///a#b',
    's3://bucket?versionId=1',
    'data:text/plain,x',
  ])('rejects %j with invalid_uri', (uri) => {
    let thrown: unknown;
    try {
      parseStorageUri(uri, CWD);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageError);
    expect((thrown as StorageError).code).toBe('invalid_uri');
  });
});

describe('openStorage', () => {
  it('opens S3 for s3:// and keeps the bucket and prefix in the URIs', () => {
    const storage = openStorage('s3://astra-raw/pfx', {
      s3: { endpoint: 'http://127.0.0.1:9', credentials: { accessKeyId: 'k', secretAccessKey: 's' } },
    });
    expect(storage).toBeInstanceOf(S3Storage);
    expect(storage.uri).toBe('s3://astra-raw/pfx');
    expect(storage.uriFor('mining/t/x.wav')).toBe('s3://astra-raw/pfx/mining/t/x.wav');
  });

  it('opens the file backend for file:// and plain paths, relative to cwd', () => {
    const storage = openStorage('file://./.astra-data', { cwd: CWD });
    expect(storage).toBeInstanceOf(FileStorage);
    expect(storage.uri).toBe('file:///srv/astra/.astra-data');
    expect(storage.uriFor('mining/t/x.wav')).toBe('file:///srv/astra/.astra-data/mining/t/x.wav');
    expect(openStorage('data', { cwd: CWD }).uri).toBe('file:///srv/astra/data');
  });

  it.each([
    's3://Bad_Bucket',
    's3://ab',
    's3://a..b',
    's3:///x',
    's3://astra-raw/a/../b',
    's3://user@astra-raw',
    's3://astra-raw:9000',
  ])('rejects %j with invalid_uri', (uri) => {
    let thrown: unknown;
    try {
      openStorage(uri, { s3: { endpoint: 'http://127.0.0.1:9' } });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StorageError);
    expect((thrown as StorageError).code).toBe('invalid_uri');
  });

  it('rejects impossible S3 settings with invalid_argument', () => {
    expect(() => openStorage('s3://astra-raw', { s3: { partSizeBytes: 1024 } })).toThrow(StorageError);
    expect(() => openStorage('s3://astra-raw', { s3: { queueSize: 0 } })).toThrow(/queueSize/);
  });
});
