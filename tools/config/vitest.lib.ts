import { defaultServerConditions } from 'vite';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * Workspace packages resolve to their TypeScript sources (`@astra/source`): tests run without a build.
 * Vite's `module` condition is dropped: it picks bundler-only builds (the AWS SDK's `dist-es`, with
 * extensionless imports) that Node then fails to load when the dependency is externalised.
 */
const conditions = ['@astra/source', ...defaultServerConditions.filter((c) => c !== 'module')];

/**
 * Unit tests live next to the code (`src/**\/*.test.ts`), integration tests under
 * `test/integration/*.int.test.ts`; both run in `nx test`. Integration tests spawn real
 * yt-dlp/ffmpeg/servers, hence the generous timeouts.
 */
export function defineLibTest(overrides: ViteUserConfig['test'] = {}) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
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
