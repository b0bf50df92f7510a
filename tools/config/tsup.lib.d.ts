import { type Options } from 'tsup';
/**
 * Build of a publishable lib: ESM + CJS + .d.ts from src/index.ts into dist/.
 * Dependencies (including other @astra libs) stay external: each lib is its own npm package.
 */
export declare function defineLibBuild(
  overrides?: Options,
): Options | Options[] | ((overrideOptions: Options) => Options | Options[] | Promise<Options | Options[]>);
/** Build of an app: ESM only, one executable entry with a shebang. */
export declare function defineAppBuild(
  entry: Record<string, string>,
  overrides?: Options,
): Options | Options[] | ((overrideOptions: Options) => Options | Options[] | Promise<Options | Options[]>);
//# sourceMappingURL=tsup.lib.d.ts.map
