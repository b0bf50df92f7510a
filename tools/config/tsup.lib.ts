import { defineConfig, type Options } from 'tsup';

/**
 * Build of a publishable lib: ESM + CJS + .d.ts from src/index.ts into dist/.
 * Dependencies (including other @astra libs) stay external: each lib is its own npm package.
 */
export function defineLibBuild(overrides: Options = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: { compilerOptions: { composite: false } },
    tsconfig: 'tsconfig.lib.json',
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    ...overrides,
  });
}

/** Build of an app: ESM only, one executable entry with a shebang. */
export function defineAppBuild(entry: Record<string, string>, overrides: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    dts: false,
    tsconfig: 'tsconfig.lib.json',
    clean: true,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    outDir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
    ...overrides,
  });
}
