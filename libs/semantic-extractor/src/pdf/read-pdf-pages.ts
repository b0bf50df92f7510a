import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ActaError } from '../errors';
import type { PdfPage } from './pdf-page';
import type { PdfLimits } from './pdf-limits';
import { PDF_WORKER_SOURCE } from './pdf-worker-source';

type WorkerReply = { ok: true; pages: PdfPage[] } | { ok: false; code?: 'too_large'; name?: string; message: string };

/**
 * Reads the text items of every page with pdf.js, in a worker thread bounded in heap and time: a hostile PDF
 * can make pdf.js spin or allocate without end, and the worker is terminated on timeout or abort.
 */
export async function readPdfPages(bytes: Uint8Array, limits: PdfLimits, signal?: AbortSignal): Promise<PdfPage[]> {
  signal?.throwIfAborted();
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  const worker = new Worker(PDF_WORKER_SOURCE, {
    eval: true,
    // The parent's flags (a TypeScript loader, --input-type) are not the worker's business.
    execArgv: [],
    workerData: { bytes: copy, pdfjsUrl: pdfjsUrl(), maxPages: limits.maxPages },
    transferList: [copy.buffer],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    stdout: true,
    stderr: true,
  });
  try {
    return await new Promise<PdfPage[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new ActaError('timeout', `reading the PDF took more than ${limits.timeoutMs} ms`));
      }, limits.timeoutMs);
      const onAbort = (): void => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      };
      worker.once('message', (reply: WorkerReply) => {
        settle();
        if (reply.ok) resolve(reply.pages);
        else reject(replyError(reply));
      });
      worker.once('error', (error: Error & { code?: string }) => {
        settle();
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ActaError('too_large', `reading the PDF needs more than ${limits.maxHeapMb} MB`, { cause: error })
            : new ActaError('corrupt', 'the PDF could not be read (pdf.js failed)', { cause: error }),
        );
      });
      worker.once('exit', (exitCode) => {
        settle();
        reject(new ActaError('corrupt', `the PDF reader stopped without an answer (exit code ${exitCode})`));
      });
    });
  } finally {
    await worker.terminate();
  }
}

function replyError(reply: Extract<WorkerReply, { ok: false }>): ActaError {
  if (reply.code === 'too_large') return new ActaError('too_large', reply.message);
  if (reply.name === 'PasswordException') {
    return new ActaError('encrypted', 'the PDF is password-protected', { cause: new Error(reply.message) });
  }
  return new ActaError('corrupt', `the PDF could not be read: ${reply.message}`, { cause: new Error(reply.message) });
}

/** pdf.js's legacy (Node) build, located from this module (import.meta.url is shimmed in the CJS bundle). */
function pdfjsUrl(): string {
  const require = createRequire(import.meta.url);
  return pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
}
