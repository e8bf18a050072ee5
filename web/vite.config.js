// Builds the workbench into web/dist. The models run in a module Web Worker that imports the same
// pure core (../src) as the CLI and the server; Vite resolves the core's `.js` imports to its `.ts` files.
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      // zod's sources carry /* @__PURE__ */ notes where Rollup cannot use them: harmless, and not ours to fix.
      onwarn(warning, warn) {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  logLevel: 'warn',
});
