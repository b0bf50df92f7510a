import { defineLibBuild } from '../../tools/config/tsup.lib';

// Three entries (package.json `exports`): the whole pipeline, and two light ones a one-off CLI command loads alone.
// shims: the CJS build gets `import.meta.url` (the dataset report reads package versions relative to this module).
export default defineLibBuild({
  entry: { index: 'src/index.ts', config: 'src/config/index.ts', audio: 'src/audio.ts' },
  shims: true,
});
