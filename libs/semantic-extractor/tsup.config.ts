import { defineLibBuild } from '../../tools/config/tsup.lib';

// shims: import.meta.url in the CJS bundle, which locates pdf.js for the PDF reader's worker thread.
export default defineLibBuild({ shims: true });
