import { describe, expect, it } from 'vitest';
import { createS3Client, isPathStyleHost } from './create-s3-client';
import { StorageError } from './errors';

describe('isPathStyleHost', () => {
  it.each([
    ['localhost', true],
    ['minio.localhost', true],
    ['127.0.0.1', true],
    ['10.0.3.7', true],
    ['[::1]', true],
    ['::1', true],
    ['s3.eu-west-1.amazonaws.com', false],
    ['minio.internal', false],
    ['localhost.example.com', false],
  ])('%s → %s', (host, expected) => {
    expect(isPathStyleHost(host)).toBe(expected);
  });
});

describe('createS3Client', () => {
  it('defaults to us-east-1, virtual-hosted style and the SDK checksum defaults on AWS', async () => {
    const client = createS3Client();
    expect(await client.config.region()).toBe('us-east-1');
    expect(client.config.forcePathStyle).toBe(false);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_SUPPORTED');
    client.destroy();
  });

  it('uses path style and WHEN_REQUIRED checksums for a local S3-compatible endpoint', async () => {
    const client = createS3Client({
      endpoint: 'http://127.0.0.1:9000',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    });
    expect(await client.config.region()).toBe('eu-west-1');
    expect(client.config.forcePathStyle).toBe(true);
    expect(await client.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await client.config.responseChecksumValidation()).toBe('WHEN_REQUIRED');
    expect(await client.config.credentials()).toMatchObject({ accessKeyId: 'k', secretAccessKey: 's' });
    client.destroy();
  });

  it('keeps virtual-hosted style for a named endpoint unless forced', async () => {
    const named = createS3Client({ endpoint: 'https://s3.example.net' });
    expect(named.config.forcePathStyle).toBe(false);
    expect(await named.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    const forced = createS3Client({ endpoint: 'https://s3.example.net', forcePathStyle: true });
    expect(forced.config.forcePathStyle).toBe(true);
    const unforced = createS3Client({ endpoint: 'http://localhost:9000', forcePathStyle: false });
    expect(unforced.config.forcePathStyle).toBe(false);
    for (const client of [named, forced, unforced]) client.destroy();
  });

  it.each(['not a url', 'ftp://127.0.0.1', 'http://user:secret@127.0.0.1:9000'])(
    'rejects the endpoint %j with invalid_uri, never echoing secrets',
    (endpoint) => {
      let thrown: unknown;
      try {
        createS3Client({ endpoint });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(StorageError);
      expect((thrown as StorageError).code).toBe('invalid_uri');
      expect((thrown as StorageError).message).not.toContain('secret');
    },
  );
});
