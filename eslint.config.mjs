import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

/**
 * One lint setup for every project (Nx infers a `lint` target for each from this file). The module boundaries
 * are the arrows of docs/architecture.md §1, written as tag rules: contracts import nothing of ours, libs import
 * contracts and other libs, the private composition lib (mining) imports libs, apps import libs and the
 * composition, publishable packages never import private ones. Tests may also use the tools' test servers.
 */
const typeConstraints = (extra = []) => [
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', ...extra] },
  { sourceTag: 'type:composition', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', ...extra] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:composition', ...extra] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:lib', 'type:composition', 'type:tool'] },
  { sourceTag: 'scope:publishable', onlyDependOnLibsWithTags: ['scope:publishable', ...extra] },
];

const boundaries = (depConstraints, { selfImport = false } = {}) => [
  'error',
  { enforceBuildableLibDependency: false, allowCircularSelfDependency: selfImport, depConstraints },
];

export default [
  {
    ignores: ['**/dist/', '**/out-tsc/', '**/node_modules/', '.nx/', 'coverage/', '.astra-*/', 'astra-datasets/'],
  },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs', '**/*.js'],
    rules: { '@nx/enforce-module-boundaries': boundaries(typeConstraints()) },
  },
  {
    files: ['**/*.ts', '**/*.mts'],
    rules: {
      // Stripping control characters from untrusted text is a rule of this codebase, not a mistake.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests and their support code start the tools' real servers (astra-core stand-in, media, S3, Redis), and
    // integration tests import their own package by name, as its users do.
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(typeConstraints(['type:tool']), { selfImport: true }) },
  },
  {
    // Build and test settings of each project come from the shared factories in tools/config.
    files: ['**/tsup.config.ts', '**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
];
