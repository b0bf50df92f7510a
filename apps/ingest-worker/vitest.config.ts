import { defineLibTest } from '../../tools/config/vitest.lib';

export default defineLibTest({ testTimeout: 120_000, hookTimeout: 120_000 });
