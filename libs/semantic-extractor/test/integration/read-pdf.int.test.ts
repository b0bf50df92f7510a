import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'tsup';
import { afterAll, describe, expect, it } from 'vitest';
import { extractActa } from '@astra/semantic-extractor';

const here = path.dirname(fileURLToPath(import.meta.url));
const lib = path.resolve(here, '../..');
const pdf = path.join(lib, 'test/fixtures/real-actas/la-zarza-2025-0003.pdf');
const run = promisify(execFile);
const temporary: string[] = [];

afterAll(async () => {
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
});

describe('PDF reader bounds', () => {
  it('stops a PDF that takes longer than the time bound (timeout) and one with too many pages (too_large)', async () => {
    const bytes = await readFile(pdf);
    await expect(extractActa(bytes, { pdfLimits: { timeoutMs: 1 } })).rejects.toMatchObject({ code: 'timeout' });
    await expect(extractActa(bytes, { pdfLimits: { maxPages: 2 } })).rejects.toMatchObject({ code: 'too_large' });
    await expect(extractActa(bytes, { limits: { maxCompressedBytes: 1000 } })).rejects.toMatchObject({
      code: 'too_large',
    });
  });

  it('terminates the reader when the signal aborts', async () => {
    const controller = new AbortController();
    const pending = extractActa(await readFile(pdf), { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});

describe('built bundles', () => {
  it.each(['cjs', 'esm'] as const)(
    'the %s bundle (as tsup builds the lib) reads a PDF: pdf.js is loaded by a real dynamic import',
    async (format) => {
      // Inside the lib (out-tsc/ is ignored by git) so that the bundle resolves its dependencies as a user's would.
      await mkdir(path.join(lib, 'out-tsc'), { recursive: true });
      const outDir = await mkdtemp(path.join(lib, 'out-tsc', `bundle-${format}-`));
      temporary.push(outDir);
      await build({
        entry: [path.join(lib, 'src/index.ts')],
        format: [format],
        outDir,
        shims: true,
        platform: 'node',
        target: 'node20',
        silent: true,
        dts: false,
        tsconfig: path.join(lib, 'tsconfig.lib.json'),
        external: ['mammoth', 'zod', 'pdfjs-dist'],
      });
      const file = path.join(outDir, format === 'cjs' ? 'index.cjs' : 'index.js');
      const script =
        format === 'cjs'
          ? `require(${JSON.stringify(file)}).extractActa(require('node:fs').readFileSync(${JSON.stringify(pdf)})).then((a) => process.stdout.write(String(a.items.length)))`
          : `import(${JSON.stringify(file)}).then((m) => m.extractActa(require('node:fs').readFileSync(${JSON.stringify(pdf)}))).then((a) => process.stdout.write(String(a.items.length)))`;
      const { stdout } = await run(process.execPath, ['-e', script], { cwd: lib });
      expect(stdout.trim()).toBe('4');
    },
  );
});
