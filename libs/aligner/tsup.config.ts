import { defineLibBuild } from '../../tools/config/tsup.lib';

// `@astra/aligner/options` (the options and their defaults alone): a CLI shows the defaults in its help without
// loading the aligner.
export default defineLibBuild({ entry: { index: 'src/index.ts', options: 'src/align-options.ts' } });
