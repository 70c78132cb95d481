// Compiles the server to plain JavaScript for `npm start`: apps/server/src/{server,cli}.ts →
// apps/server/dist/{server,cli}.js. Running compiled code saves tsx's run-time transpiler and
// its caches (about 50 MB of RSS and a slower start); `npm run dev` stays on tsx.
//
// The workspace package @hazard-ledger/domain ships TypeScript source, so it is bundled in;
// every other package stays an import of node_modules (native addons such as better-sqlite3
// and @node-rs/argon2 cannot be bundled, and the rest need no copy).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverDir = path.join(repoRoot, 'apps', 'server');
const outdir = path.join(serverDir, 'dist');

/** Bundles our own code only: a bare specifier is external unless it names a workspace package. */
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@hazard-ledger/')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

const started = Date.now();
// The build overwrites dist/ in place (no rm first): a benchmark or a second `npm start` may be
// starting the previous build at this moment, and the entry names never change.
const result = await build({
  absWorkingDir: serverDir,
  entryPoints: { server: 'src/server.ts', cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  // server.ts imports the application (serve.ts) on demand, so that node:cluster's primary,
  // which only starts processes, never loads it: that needs the bundle split into chunks.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // With `node --enable-source-maps` stack traces name the apps/server/src and domain files.
  sourcemap: true,
  // zh-CN texts stay readable (and smaller) instead of \uXXXX escapes.
  charset: 'utf8',
  plugins: [externalPackages],
  logLevel: 'warning',
  metafile: true,
});
// Chunks of earlier builds that this one no longer writes (their names carry a content hash).
const written = new Set(
  Object.keys(result.metafile.outputs).map((f) => path.resolve(serverDir, f)),
);
const chunksDir = path.join(outdir, 'chunks');
for (const file of fs.existsSync(chunksDir) ? fs.readdirSync(chunksDir) : []) {
  const full = path.join(chunksDir, file);
  if (!written.has(full)) fs.rmSync(full, { force: true });
}
const outputs = Object.entries(result.metafile.outputs)
  .filter(([file]) => file.endsWith('.js'))
  .map(([file, meta]) => {
    const shown = path.relative(repoRoot, path.resolve(serverDir, file));
    return `${shown} ${(meta.bytes / 1024).toFixed(0)} KB`;
  });
console.log(`Server built in ${Date.now() - started} ms: ${outputs.join(', ')}`);
