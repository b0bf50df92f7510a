// Used by docker/Dockerfile (stage prod-deps) on a tree that holds only package.json files and the lockfile:
// keeps the workspaces the image ships (libs/* and the apps given as arguments), drops every other workspace
// folder, and strips devDependencies, so that `npm ci --omit=dev` installs what the runtime needs and nothing
// else (the dev-only workspaces tools/demo and tools/astra-core-dev bring s3rver, docx, koa...).
// Usage: node prune-manifests.mjs apps/ingest-worker apps/ingest-cli
import { readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const apps = process.argv.slice(2);
if (apps.length === 0) throw new Error('usage: prune-manifests.mjs <app dir>...');

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file, value) => writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);

const root = readJson('package.json');
const keep = new Set([
  ...readdirSync('libs').map((name) => path.join('libs', name)),
  ...apps.map((dir) => path.normalize(dir)),
]);
for (const dir of keep) {
  if (!existsSync(path.join(dir, 'package.json'))) throw new Error(`${dir}/package.json not found`);
}

// Drop workspace folders that are not shipped (they hold only a package.json here).
for (const pattern of root.workspaces ?? []) {
  const dirs = pattern.endsWith('/*')
    ? readdirSync(pattern.slice(0, -2)).map((name) => path.join(pattern.slice(0, -2), name))
    : [pattern];
  for (const dir of dirs.map((d) => path.normalize(d))) {
    if (!keep.has(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

root.workspaces = [...keep].sort();
delete root.devDependencies;
delete root.scripts;
writeJson('package.json', root);
for (const dir of keep) {
  const file = path.join(dir, 'package.json');
  const manifest = readJson(file);
  delete manifest.devDependencies;
  writeJson(file, manifest);
}
process.stdout.write(`prune-manifests: workspaces ${root.workspaces.join(', ')}\n`);
