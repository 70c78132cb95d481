import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (apps/server) listens on 3000 in development; the web dev server proxies to it
// so the session cookie stays same-origin.
const API_TARGET = process.env.HL_API_TARGET ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/healthz': { target: API_TARGET },
      '/readyz': { target: API_TARGET },
    },
  },
  preview: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/healthz': { target: API_TARGET },
      '/readyz': { target: API_TARGET },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Route pages are split with React.lazy (src/app/routes.tsx); antd alone is larger than the
    // default warning threshold.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      treeshake: {
        // The domain package is pure (DESIGN: no I/O) but does not declare `sideEffects: false`;
        // without this the first page would carry every zod schema it exports.
        moduleSideEffects: (id: string) => !/[\\/]packages[\\/]domain[\\/]src[\\/]/.test(id),
      },
    },
  },
});
