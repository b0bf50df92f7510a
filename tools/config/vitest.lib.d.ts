import { type ViteUserConfig } from 'vitest/config';
/**
 * Unit tests live next to the code (`src/**\/*.test.ts`), integration tests under
 * `test/integration/*.int.test.ts`; both run in `nx test`. Integration tests spawn real
 * yt-dlp/ffmpeg/servers, hence the generous timeouts.
 */
export declare function defineLibTest(overrides?: ViteUserConfig['test']): ViteUserConfig;
//# sourceMappingURL=vitest.lib.d.ts.map
