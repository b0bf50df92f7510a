export { StorageError, isStorageError } from './errors';
export type { StorageErrorCode, StorageErrorOptions } from './errors';
export type { Logger } from './logger';
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
export { openStorage, parseStorageUri, resolveOpenStorageOptions } from './open-storage';
export type { OpenStorageOptions, ResolvedOpenStorageOptions, StorageLocation } from './open-storage';
export { S3Storage, DEFAULT_S3_STORAGE_OPTIONS, resolveS3StorageOptions, isBucketName } from './s3-storage';
export type { S3StorageOptions, ResolvedS3StorageOptions } from './s3-storage';
export { createS3Client, isPathStyleHost, DEFAULT_S3_REGION } from './create-s3-client';
export type { CreateS3ClientOptions, S3Credentials } from './create-s3-client';
export { FileStorage } from './file-storage';
export type { FileStorageOptions } from './file-storage';
export { assertKey, assertKeyPrefix, isKey, MAX_KEY_BYTES, MAX_KEY_SEGMENT_BYTES } from './assert-key';
export { assertTenantId, isTenantId, TENANT_ID_PATTERN } from './tenant-id';
export { sessionKeys, tenantPrefix, isSessionId } from './session-keys';
export type { SessionKeys } from './session-keys';
export { datasetKeys } from './dataset-keys';
export type { DatasetKeys } from './dataset-keys';
export { canonicalVideoUrl } from './canonical-video-url';
export { youtubeVideoId } from './youtube-video-id';
export { sessionIdFor, SESSION_ID_NAMESPACE } from './session-id-for';
