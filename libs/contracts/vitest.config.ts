import { defineLibTest } from '../../tools/config/vitest.lib';

export default defineLibTest();
