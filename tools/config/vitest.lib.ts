import { defineConfig, type ViteUserConfig } from 'vitest/config';

/** Resolve workspace packages to their TypeScript sources: tests run without a build. */
const conditions = ['@astra/source', 'node', 'import', 'module', 'default'];

/**
 * Unit tests live next to the code (`src/**\/*.test.ts`), integration tests under
 * `test/integration/*.int.test.ts`; both run in `nx test`. Integration tests spawn real
 * yt-dlp/ffmpeg/servers, hence the generous timeouts.
 */
export function defineLibTest(overrides: ViteUserConfig['test'] = {}) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: conditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      pool: 'forks',
      testTimeout: 60_000,
      hookTimeout: 60_000,
      ...overrides,
    },
  });
}
