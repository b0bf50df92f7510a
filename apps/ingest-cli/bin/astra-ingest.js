#!/usr/bin/env node
// Committed entry point: npm links a workspace bin at install time only if its target exists, and dist/ is
// built later, so the bin is this file and it loads the build.
const entry = new URL('../dist/main.js', import.meta.url);
try {
  await import(entry.href);
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes(entry.pathname)) {
    process.stderr.write('astra-ingest is not built yet: run `npm run build` at the repository root first\n');
    process.exit(1);
  }
  throw error;
}
