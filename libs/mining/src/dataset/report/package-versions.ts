import { createRequire } from 'node:module';

/** The packages whose code decides what a dataset holds (labels, segments, splits). */
export const REPORTED_PACKAGES = [
  '@astra/mining',
  '@astra/aligner',
  '@astra/semantic-extractor',
  '@astra/transcripts',
  '@astra/contracts',
] as const;

/**
 * Versions of the installed packages (from their package.json) and of Node, for the report's provenance. A
 * package that cannot be resolved is reported as `unknown` rather than failing the build.
 */
export function readPackageVersions(names: readonly string[] = REPORTED_PACKAGES): Record<string, string> {
  const load = packageLoader();
  const versions: Record<string, string> = {};
  for (const name of names) {
    let version: unknown;
    try {
      version = (load(`${name}/package.json`) as { version?: unknown }).version;
    } catch {
      version = undefined; // not installed, or a package.json it does not export: unknown, not a failed build
    }
    versions[name] = typeof version === 'string' ? version : 'unknown';
  }
  versions.node = process.version;
  return versions;
}

/** `require` from this module (the CJS build shims `import.meta.url`, see tsup.config.ts). */
function packageLoader(): (id: string) => unknown {
  return createRequire(import.meta.url);
}
