export { serveFiles } from './serve-files';
export type { FileServer } from './serve-files';
export { startS3Server } from './start-s3-server';
export type { S3Server } from './start-s3-server';
export { synthesizeSession } from './synth-session';
export type { SynthSession, SynthSessionOptions } from './synth-session';
