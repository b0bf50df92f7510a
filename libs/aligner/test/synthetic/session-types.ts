import type { alignSession } from '../../src/index';

/** The aligner's input shapes (owned by @astra/contracts), seen through its API. */
export type Transcript = Parameters<typeof alignSession>[0];
export type Acta = Parameters<typeof alignSession>[1];
export type Fragment = Acta['fragments'][number];
