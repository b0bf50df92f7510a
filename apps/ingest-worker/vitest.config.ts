import { defineLibTest } from '../../tools/config/vitest.lib';

const config = defineLibTest({ testTimeout: 120_000, hookTimeout: 120_000 });
// Same workaround as libs/storage until tools/config/vitest.lib.ts drops the bundler-only 'module' condition:
// with it, @aws-sdk/* resolve to dist-es, whose extensionless relative imports Node cannot load.
const withoutModule = (conditions: string[] | undefined): string[] | undefined => conditions?.filter((condition) => condition !== 'module');
export default {
  ...config,
  resolve: { ...config.resolve, conditions: withoutModule(config.resolve?.conditions) },
  ssr: {
    ...config.ssr,
    resolve: {
      ...config.ssr?.resolve,
      conditions: withoutModule(config.ssr?.resolve?.conditions),
      externalConditions: withoutModule(config.ssr?.resolve?.externalConditions),
    },
  },
};
