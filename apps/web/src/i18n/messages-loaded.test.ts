import { describe, expect, it } from 'vitest';

// The rule of message-registry.ts, checked on the source text: a file that names a UI string key
// (a literal such as 'hazards.title', or a template such as `tipPublic.kind.${kind}`) reaches the
// messages file that defines the key through its static value imports. Module evaluation order
// then guarantees the strings are registered before the key can be used. Type-only imports are
// erased and dynamic import() runs later, so neither counts.

const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Folds `a/./b/../c` into `a/c` (paths are relative to src/, written with `/`). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

const dirOf = (file: string) => file.slice(0, file.lastIndexOf('/') + 1);

// Glob keys are relative to this folder (src/i18n).
const files = new Map<string, string>(
  Object.entries(sources).map(([key, text]) => [normalize(`i18n/${key}`), text]),
);

const CORE = 'i18n/messages.ts';
const isMessagesFile = (file: string) => /^i18n\/messages(-[\w-]+)?\.ts$/.test(file);

const fileOfKey = new Map<string, string>();
const filesOfNamespace = new Map<string, Set<string>>();
const duplicateKeys: string[] = [];
for (const [file, text] of files) {
  if (!isMessagesFile(file)) continue;
  for (const match of text.matchAll(/^\s+'([A-Za-z]+)\.([\w.]+)':/gm)) {
    const key = `${match[1]}.${match[2]}`;
    if (fileOfKey.has(key)) duplicateKeys.push(key);
    fileOfKey.set(key, file);
    const namespace = match[1]!;
    filesOfNamespace.set(namespace, (filesOfNamespace.get(namespace) ?? new Set()).add(file));
  }
}

/** The messages files (other than the core one) a source file names keys of. */
function messagesFilesUsedBy(text: string): Set<string> {
  const used = new Set<string>();
  for (const match of text.matchAll(/(['"`])([A-Za-z]+\.[\w.]+)\1/g)) {
    const file = fileOfKey.get(match[2]!);
    if (file) used.add(file);
  }
  for (const match of text.matchAll(/`([A-Za-z]+)\.[\w.]*\$\{/g)) {
    for (const file of filesOfNamespace.get(match[1]!) ?? []) used.add(file);
  }
  used.delete(CORE);
  return used;
}

/** Resolves a relative import to a file of the map. */
function resolve(from: string, specifier: string): string | undefined {
  const base = normalize(dirOf(from) + specifier);
  return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((f) =>
    files.has(f),
  );
}

/** Relative imports that load a module at run time: bare ones and those with a value binding. */
function valueImports(file: string, text: string): string[] {
  const out: string[] = [];
  const statement =
    /^(import|export)\s+(type\s+)?([^;]*?)\s*from\s+'(\.{1,2}\/[^']+)'|^import\s+'(\.{1,2}\/[^']+)'/gms;
  for (const match of text.matchAll(statement)) {
    const bare = match[5];
    const specifier = bare ?? match[4];
    if (!specifier) continue;
    if (!bare) {
      if (match[2]) continue; // import type / export type
      const clause = match[3] ?? '';
      const braces = /\{([\s\S]*)\}/.exec(clause);
      const outside = braces ? clause.replace(braces[0], '') : clause;
      const valueOutside = /[\w$*]/.test(outside.replace(/,/g, ''));
      const valueInside = braces
        ? braces[1]!.split(',').some((s) => s.trim() !== '' && !/^type\s/.test(s.trim()))
        : false;
      if (!valueOutside && !valueInside) continue;
    }
    const target = resolve(file, specifier);
    if (target) out.push(target);
  }
  return out;
}

const importsOf = new Map<string, string[]>();
for (const [file, text] of files) importsOf.set(file, valueImports(file, text));

function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const stack = [file];
  for (let f = stack.pop(); f !== undefined; f = stack.pop()) {
    if (seen.has(f)) continue;
    seen.add(f);
    stack.push(...(importsOf.get(f) ?? []));
  }
  return seen;
}

describe('UI strings are loaded with the modules that use them', () => {
  it('defines every key once and every namespace in one messages file', () => {
    expect(duplicateKeys).toEqual([]);
    const split = [...filesOfNamespace].filter(([, f]) => f.size > 1).map(([ns]) => ns);
    expect(split).toEqual([]);
    // The scan found the files at all (a wrong glob would make the next test pass vacuously).
    expect(fileOfKey.size).toBeGreaterThan(1000);
    expect(files.has('features/hazards/HazardsPage.tsx')).toBe(true);
  });

  it('every source file reaches the messages files of the keys it names', () => {
    const missing: string[] = [];
    for (const [file, text] of files) {
      if (file.startsWith('i18n/')) continue;
      const needed = messagesFilesUsedBy(text);
      if (needed.size === 0) continue;
      const reached = closure(file);
      for (const m of needed) if (!reached.has(m)) missing.push(`${file} → ${m}`);
    }
    expect(missing).toEqual([]);
  });
});
