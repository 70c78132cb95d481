import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The API server (apps/server) listens on 3000 in development; the web dev server proxies to it
// so the session cookie stays same-origin.
const API_TARGET = process.env.HL_API_TARGET ?? 'http://127.0.0.1:3000';

const DOMAIN_SOURCE = /[\\/]packages[\\/]domain[\\/]src[\\/].*\.ts$/;

/**
 * Marks the domain package's top-level `const X = call(…)` declarations pure, so the bundle drops
 * the ones the web app never uses. The domain modules build their zod schemas at the top level
 * (`z.object(…).extend(…)`): without this the bundler must assume those calls have side effects
 * and keeps every schema — and zod itself, ~25 KB gzip — wherever a page imports just a label
 * or a constant from the same module (the home page's campaign card: CAMPAIGN_STATUS_LABELS next
 * to the server's response schema). Each such initialiser becomes an immediately called arrow
 * function annotated pure: a used declaration runs exactly as before, an unused one is removed
 * with its calls. Safe because the package is pure by design (no I/O; its top-level calls only
 * build schemas and constants).
 */
function pureDomainDeclarations(): Plugin {
  return {
    name: 'hazard-ledger:pure-domain-declarations',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!DOMAIN_SOURCE.test(id)) return null;
      const edits: { at: number; text: string }[] = [];
      for (const statement of this.parse(code).body) {
        const declaration =
          statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
        if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
        for (const { init } of declaration.declarations) {
          if (init?.type !== 'CallExpression' && init?.type !== 'NewExpression') continue;
          // An `await` inside would not survive the move into a plain arrow function.
          if (code.slice(init.start, init.end).includes('await')) continue;
          edits.push(
            { at: init.end, text: '))()' },
            { at: init.start, text: '/* @__PURE__ */ (() => (' },
          );
        }
      }
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.at - a.at)) {
        out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), pureDomainDeclarations()],
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
    // dist/.vite/manifest.json: bench/web-bundle.ts follows it to size what the first page loads.
    manifest: true,
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
