export { transcriptSchema, wordSchema } from './model';
export type { Transcript, Word } from './model';
