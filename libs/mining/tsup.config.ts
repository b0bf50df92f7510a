import { defineLibBuild } from '../../tools/config/tsup.lib';

// shims: the CJS build gets `import.meta.url` (the dataset report reads package versions relative to this module).
export default defineLibBuild({ shims: true });
