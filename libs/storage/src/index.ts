export { StorageError, isStorageError } from './errors';
export type { StorageErrorCode, StorageErrorOptions } from './errors';
export type {
  GetBytesOptions,
  GetFileOptions,
  GetOptions,
  ObjectInfo,
  PutBody,
  PutFileOptions,
  PutOptions,
  PutResult,
  Storage,
} from './model';
export { openStorage, parseStorageUri } from './open-storage';
export type { OpenStorageOptions, StorageLocation } from './open-storage';
export { S3Storage } from './s3-storage';
export type { S3StorageOptions } from './s3-storage';
export { createS3Client } from './create-s3-client';
export type { CreateS3ClientOptions, S3Credentials } from './create-s3-client';
export { FileStorage } from './file-storage';
export type { FileStorageOptions } from './file-storage';
export { assertKey } from './assert-key';
export { assertTenantId } from './tenant-id';
export { sessionKeys, tenantPrefix } from './session-keys';
export type { SessionKeys } from './session-keys';
export { datasetKeys } from './dataset-keys';
export type { DatasetKeys } from './dataset-keys';
