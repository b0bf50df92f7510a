import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', main: 'src/main.ts' },
  format: ['esm'],
  dts: { entry: 'src/index.ts', compilerOptions: { composite: false } },
  tsconfig: 'tsconfig.lib.json',
  clean: true,
  target: 'node20',
  platform: 'node',
});
