export { serveFiles } from './serve-files';
export type { FileServer } from './serve-files';
export { startS3Server } from './start-s3-server';
export type { S3Server } from './start-s3-server';
export { startRedisServer } from './start-redis-server';
export type { RedisServer, RedisServerOptions } from './start-redis-server';
export { synthesizeSession } from './synth-session';
export { writeCaptionsPage } from './write-captions-page';
export type { SynthSession, SynthSessionOptions } from './synth-session';
