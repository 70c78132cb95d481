// Size of the web app's JavaScript (issue 11 §4): what the browser downloads for the first page —
// the login page and, after sign-in, the home page — against the 350 KB (gzip) target, and the
// lazy chunks each further route adds on top. Builds the app first (`npm run build:web`) unless
// `--no-build`, then reads dist/index.html and the Vite manifest (dist/.vite/manifest.json).
// Gzip sizes are node:zlib gzip at level 9 (what a static server with precompression sends).
// Writes the figures to bench/results/latest-web.json (merged with the render timings of
// bench/ledger-render.ts). Run: npm run bench:web [-- --no-build]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    'target-kb': { type: 'string', default: '350' },
  },
});
const TARGET_BYTES = Number(values['target-kb']) * 1024;
const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'apps', 'web', 'dist');

/** The route modules the first page opens: the login form, then the home page after sign-in. */
const FIRST_PAGE_ROUTES = ['src/features/auth/LoginPage.tsx', 'src/features/home/HomePage.tsx'];

/** One chunk of the Vite manifest (the fields this script reads). */
type ManifestChunk = {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

type Size = { raw: number; gzip: number };

/** Writes these fields into bench/results/latest-web.json, keeping the render timings there. */
function mergeWebResults(fields: Record<string, unknown>): string {
  const file = path.join(ROOT, 'bench', 'results', 'latest-web.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const previous: Record<string, unknown> = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  fs.writeFileSync(file, `${JSON.stringify({ ...previous, ...fields }, null, 2)}\n`);
  return file;
}

if (!values['no-build']) {
  // Quiet build: Vite's per-file listing would bury the table; show it only if the build fails.
  const build = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(build.status ?? 1);
  }
}

const manifestFile = path.join(DIST, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(
    `${manifestFile} is missing: build the web app (build.manifest is on in vite.config.ts).`,
  );
  process.exit(1);
}
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
const indexHtml = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');

const sizeCache = new Map<string, Size>();
/** Raw and gzip (level 9) bytes of one file under dist/. */
function sizeOf(file: string): Size {
  let size = sizeCache.get(file);
  if (!size) {
    const bytes = fs.readFileSync(path.join(DIST, file));
    size = { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
    sizeCache.set(file, size);
  }
  return size;
}

function total(files: Iterable<string>): Size {
  const sum: Size = { raw: 0, gzip: 0 };
  for (const f of files) {
    const s = sizeOf(f);
    sum.raw += s.raw;
    sum.gzip += s.gzip;
  }
  return sum;
}

function getChunk(key: string): ManifestChunk {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no chunk ${key}`);
  return chunk;
}

/** Files loaded with a chunk: itself and its static imports, transitively (not its lazy ones). */
function staticClosure(keys: readonly string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const stack = [...keys];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    if (seen.has(key)) continue;
    seen.add(key);
    const chunk = getChunk(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    stack.push(...(chunk.imports ?? []));
  }
  return files;
}

// The entry as index.html names it, plus what it preloads; the manifest closure must agree.
const entrySrc = /<script type="module"[^>]*src="\/([^"]+)"/.exec(indexHtml)?.[1];
const preloads = [...indexHtml.matchAll(/<link rel="modulepreload"[^>]*href="\/([^"]+)"/g)].map(
  (m) => m[1]!,
);
const entryKey = Object.keys(manifest).find((k) => getChunk(k).isEntry);
if (!entrySrc || !entryKey || getChunk(entryKey).file !== entrySrc) {
  console.error(`dist/index.html's entry script (${entrySrc}) is not the manifest's entry.`);
  process.exit(1);
}
const entryFiles = staticClosure([entryKey]);
for (const p of preloads) entryFiles.add(p);

const firstPageFiles = new Set(entryFiles);
for (const route of FIRST_PAGE_ROUTES) {
  for (const f of staticClosure([route])) firstPageFiles.add(f);
}
const entrySize = total(entryFiles);
const firstPage = total(firstPageFiles);
const jsOnly = (files: Set<string>) => [...files].filter((f) => f.endsWith('.js'));
const firstPageJs = total(jsOnly(firstPageFiles));

/** A lazily loaded module and what opening it downloads beyond the first page. */
type LazyChunk = {
  src: string;
  file: string;
  own: Size;
  /** The chunk and the shared chunks it needs that the first page did not load. */
  extra: Size;
  extraFiles: number;
};
const lazyChunks: LazyChunk[] = Object.entries(manifest)
  .filter(([key, c]) => c.isDynamicEntry && !FIRST_PAGE_ROUTES.includes(key))
  .map(([key, c]) => {
    const extraFiles = [...staticClosure([key])].filter((f) => !firstPageFiles.has(f));
    return {
      src: c.src ?? key,
      file: c.file,
      own: sizeOf(c.file),
      extra: total(extraFiles),
      extraFiles: extraFiles.length,
    };
  })
  .sort((a, b) => b.extra.gzip - a.extra.gzip);

// What the home page pulls in lazily once it shows (the ECharts dashboard): not part of the
// first page by design, but printed so its weight stays visible.
const homeDeferred = (getChunk('src/features/home/HomePage.tsx').dynamicImports ?? []).map((key) =>
  lazyChunks.find((c) => c.src === key || c.file === getChunk(key).file)!,
);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pad = (s: string, n: number) => s.padEnd(n);
const padL = (s: string, n: number) => s.padStart(n);

console.log('Web bundle (gzip = node:zlib level 9)');
console.log(
  `  entry (${entrySrc} + ${entryFiles.size - 1} static imports): ${kb(entrySize.raw)} raw, ${kb(entrySize.gzip)} gzip`,
);
console.log(
  `  first page (entry + login + home, ${firstPageFiles.size} files): ${kb(firstPage.raw)} raw, ${kb(firstPage.gzip)} gzip`,
);
for (const d of homeDeferred) {
  console.log(`  then loaded lazily by the home page: ${d.src} +${kb(d.extra.gzip)} gzip`);
}
const pass = firstPageJs.gzip < TARGET_BYTES;
console.log(
  `  target: first page JavaScript < ${kb(TARGET_BYTES)} gzip → ${pass ? 'PASS' : 'FAIL'} (${kb(firstPageJs.gzip)})`,
);
console.log('');
console.log(
  `Lazy chunks per route, biggest 15 of ${lazyChunks.length} (by what they add to the first page)`,
);
console.log(
  `  ${pad('module', 62)}${padL('own gzip', 11)}${padL('adds gzip', 11)}${padL('adds raw', 11)}  files`,
);
for (const c of lazyChunks.slice(0, 15)) {
  console.log(
    `  ${pad(c.src, 62)}${padL(kb(c.own.gzip), 11)}${padL(kb(c.extra.gzip), 11)}${padL(kb(c.extra.raw), 11)}  ${c.extraFiles}`,
  );
}

const resultFile = mergeWebResults({
  bundle: {
    measuredAt: new Date().toISOString(),
    gzip: 'node:zlib level 9',
    targetGzipBytes: TARGET_BYTES,
    pass,
  },
  firstPageGzipBytes: firstPageJs.gzip,
  firstPageRawBytes: firstPageJs.raw,
  firstPageFiles: [...firstPageFiles].sort(),
  entry: { file: entrySrc, rawBytes: entrySize.raw, gzipBytes: entrySize.gzip },
  homeDeferred: homeDeferred.map((d) => ({ src: d.src, addsGzipBytes: d.extra.gzip })),
  chunks: lazyChunks.map((c) => ({
    src: c.src,
    file: c.file,
    rawBytes: c.own.raw,
    gzipBytes: c.own.gzip,
    addsRawBytes: c.extra.raw,
    addsGzipBytes: c.extra.gzip,
  })),
});
console.log(`\nWritten to ${path.relative(ROOT, resultFile)}`);
if (!pass) process.exitCode = 1;
