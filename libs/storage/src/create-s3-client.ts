import { isIP } from 'node:net';
import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { describeValue } from '@astra/contracts';
import { StorageError } from './errors';
import { loadClientS3 } from './load-aws-sdk';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface CreateS3ClientOptions {
  /** Custom endpoint of an S3-compatible server (`http://127.0.0.1:9000`); AWS when absent. */
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
  /** Default: true when `endpoint` is on localhost or an IP address (architecture §3), else false. */
  forcePathStyle?: boolean;
  /** Default: the SDK's provider chain (AWS_* env, profiles, instance roles). */
  credentials?: S3Credentials;
}

export const DEFAULT_S3_REGION = 'us-east-1';

/** The endpoint's URL, or `StorageError('invalid_uri')` if it is not an absolute http(s) URL. */
export function parseS3Endpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (error) {
    throw new StorageError('invalid_uri', `Invalid S3 endpoint ${describeValue(endpoint)}: not an absolute URL.`, {
      cause: error,
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StorageError('invalid_uri', `Invalid S3 endpoint ${describeValue(endpoint)}: http or https expected.`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new StorageError('invalid_uri', 'Invalid S3 endpoint: credentials must not be part of the URL.');
  }
  return url;
}

/** True for `localhost` (and `*.localhost`) and literal IPv4/IPv6 addresses: hosts where virtual-hosted buckets cannot work. */
export function isPathStyleHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isIP(host) !== 0;
}

/**
 * An S3Client for AWS or an S3-compatible server. With a custom endpoint, request checksums
 * and response validation are `WHEN_REQUIRED`: S3-compatible servers (s3rver, older MinIO…)
 * otherwise store the aws-chunked framing inside streamed objects (docs/tooling-notes.md).
 */
export function createS3Client(options: CreateS3ClientOptions = {}): S3Client {
  const config: S3ClientConfig = { region: options.region ?? DEFAULT_S3_REGION };
  if (options.endpoint !== undefined) {
    const url = parseS3Endpoint(options.endpoint);
    config.endpoint = options.endpoint;
    config.forcePathStyle = options.forcePathStyle ?? isPathStyleHost(url.hostname);
    config.requestChecksumCalculation = 'WHEN_REQUIRED';
    config.responseChecksumValidation = 'WHEN_REQUIRED';
  } else {
    config.forcePathStyle = options.forcePathStyle ?? false;
  }
  if (options.credentials !== undefined) config.credentials = { ...options.credentials };
  const { S3Client: Client } = loadClientS3();
  return new Client(config);
}
