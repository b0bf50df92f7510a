import { chmod } from 'node:fs/promises';
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', main: 'src/main.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts', compilerOptions: { composite: false } },
  tsconfig: 'tsconfig.lib.json',
  clean: true,
  target: 'node20',
  platform: 'node',
  // src/main.ts starts with a shebang (kept by esbuild); the bin must also be executable after a fresh build.
  onSuccess: async () => {
    await chmod('dist/main.js', 0o755);
  },
});
