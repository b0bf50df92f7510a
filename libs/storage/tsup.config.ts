import { defineLibBuild } from '../../tools/config/tsup.lib';

// shims: the CommonJS build gets `import.meta.url` (load-aws-sdk.ts resolves the AWS SDK from it).
export default defineLibBuild({ shims: true });
