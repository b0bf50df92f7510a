/**
 * Source of the worker thread that runs pdf.js (ESM-only) on the bytes and posts back plain text items. Kept as
 * a string (an `eval` worker) so the same code runs from the TypeScript sources and from both built bundles,
 * with a real dynamic import() that no bundler rewrites into require(); no require() either, so it runs whether
 * Node evaluates it as a script or as a module. Font names come from the operator list,
 * fetched only for pages that use a font not seen before (bold is read from the name, "Arial-BoldMT").
 */
export const PDF_WORKER_SOURCE = String.raw`
const BOLD = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|,b$/i;
import('node:worker_threads').then(async ({ parentPort, workerData }) => {
  const pdfjs = await import(workerData.pdfjsUrl);
  const task = pdfjs.getDocument({
    data: workerData.bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
  });
  const doc = await task.promise;
  if (doc.numPages > workerData.maxPages) {
    parentPort.postMessage({ ok: false, code: 'too_large', message: 'the PDF has ' + doc.numPages + ' pages (limit ' + workerData.maxPages + ')' });
    await doc.destroy();
    return;
  }
  const fonts = new Map();
  const pages = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items = content.items.filter((item) => typeof item.str === 'string');
    if (items.some((item) => item.fontName && !fonts.has(item.fontName))) {
      await page.getOperatorList();
      for (const item of items) {
        if (!item.fontName || fonts.has(item.fontName)) continue;
        let name = '';
        try { name = page.commonObjs.has(item.fontName) ? String(page.commonObjs.get(item.fontName).name || '') : ''; } catch { name = ''; }
        fonts.set(item.fontName, name);
      }
    }
    pages.push({
      width: viewport.width,
      height: viewport.height,
      items: items.map((item) => {
        const [a, b, c, d, e, f] = item.transform;
        return {
          text: item.str,
          x: e,
          y: f,
          width: item.width,
          fontSize: Math.hypot(c, d) || Math.abs(d) || item.height || 0,
          bold: BOLD.test(fonts.get(item.fontName) || ''),
          rotated: Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a < 0,
        };
      }),
    });
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ ok: true, pages });
}).catch(async (error) => {
  const { parentPort } = await import('node:worker_threads');
  parentPort.postMessage({ ok: false, name: String((error && error.name) || 'Error'), message: String((error && error.message) || error) });
});
`;
