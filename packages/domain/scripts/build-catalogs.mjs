#!/usr/bin/env node
// Builds the criteria catalogs in packages/domain/src/catalog/data/ from the research reference
// (criteria-items.json, kept outside the repo in ../shared/reference/) and the hand-written
// mapping (catalog-mapping.mjs, one mapping-<id>.mjs per catalog). It refuses to write anything
// unless every reference record is placed exactly once and no item without reference text
// carries a requirement.
//
//   node packages/domain/scripts/build-catalogs.mjs [path/to/criteria-items.json]
//
// Output: <id>.json per catalog, and reference-map.json (which record went where, without the
// record text) so the tests can check coverage on a clone that lacks the reference.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { CATALOG_SPECS } from './catalog-mapping.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');
const referencePath =
  process.argv[2] ?? path.resolve(repoRoot, '../shared/reference/criteria-items.json');
const outDir = path.resolve(here, '../src/catalog/data');

const VERIFIED = ['found', 'found-code-only'];
const DEFAULT_GAP_NOTES = {
  partial: '原文不全（摘录截断或仅见项标题），待补充',
  'found-clause-unverified': '条款号未核实，待对照原文核对',
  'not-found': '原文未找到，待补充',
};

const records = JSON.parse(readFileSync(referencePath, 'utf8'));
const problems = [];

// Ordinal of a record among records with the same standard, section and clause, so duplicates
// (项号未核实, fragments) can be told apart without storing their text.
const ordinals = new Map();
const recordKeys = records.map((r) => {
  const key = `${r.standard}\u0000${r.section}\u0000${r.clause}`;
  const ordinal = ordinals.get(key) ?? 0;
  ordinals.set(key, ordinal + 1);
  return ordinal;
});

const placement = new Map(); // record index → { list, code?, index? }

/** The one reference record an entry's match selects; records a problem otherwise. */
function claim(standard, match, where) {
  const hits = [];
  records.forEach((r, i) => {
    if (r.standard !== standard) return;
    if (!r.section.startsWith(match.section) || r.clause !== match.clause) return;
    if (match.text !== undefined && !(r.text ?? '').startsWith(match.text)) return;
    hits.push(i);
  });
  if (hits.length !== 1) {
    problems.push(`${where}: matches ${hits.length} reference records (${JSON.stringify(match)})`);
    return undefined;
  }
  const [i] = hits;
  if (placement.has(i)) problems.push(`${where}: reference record ${i} already placed`);
  return i;
}

/** Item from a mapping entry and its reference record. */
function buildItem(standard, entry, record) {
  const status = record.status;
  const complete = VERIFIED.includes(status);
  const where = entry.code;
  if (status === 'fragment-unattributed') problems.push(`${where}: a fragment cannot be an item`);
  if (status === 'not-found' && entry.requirement !== null) {
    problems.push(`${where}: the reference has no text, so the requirement must be null`);
  }
  if (status !== 'not-found' && entry.requirement === null) {
    problems.push(`${where}: the reference has text; paraphrase it`);
  }
  if (status === 'partial' && !entry.requirement?.includes('……')) {
    problems.push(`${where}: a partial requirement must show where the text stops (……)`);
  }
  if ([...entry.title].length > 20) problems.push(`${where}: title longer than 20 characters`);
  return {
    code: entry.code,
    standard,
    section: entry.section,
    clause: entry.clause,
    parentCode: entry.parentCode,
    title: entry.title,
    requirement: entry.requirement,
    completeness: complete ? 'complete' : 'incomplete',
    gapNote: complete ? null : (entry.gapNote ?? DEFAULT_GAP_NOTES[status]),
    sourceStatus: status,
    appliesTo: entry.appliesTo,
    local: false,
  };
}

const outputs = CATALOG_SPECS.map((spec) => {
  const id = spec.descriptor.id;
  const items = spec.items.map((entry) => {
    const i = claim(id, entry.match, entry.code);
    if (i === undefined) return undefined;
    placement.set(i, { list: 'items', code: entry.code, index: null });
    return buildItem(id, entry, records[i]);
  });
  const aside = (list) =>
    spec[list].map((entry, n) => {
      const i = claim(id, entry.match, `${id} ${list}[${n}]`);
      if (i === undefined) return undefined;
      placement.set(i, { list, code: null, index: n });
      return {
        section: entry.section,
        placementHint: entry.placementHint,
        summary: entry.summary,
        sourceStatus: records[i].status,
      };
    });
  return {
    catalog: spec.descriptor,
    items,
    unattributedFragments: aside('unattributedFragments'),
    unnumberedTexts: aside('unnumberedTexts'),
  };
});

records.forEach((r, i) => {
  if (!placement.has(i))
    problems.push(`reference record ${i} (${r.standard} ${r.clause}) not placed`);
});
const codes = outputs.flatMap((o) => o.items.filter(Boolean).map((item) => item.code));
if (new Set(codes).size !== codes.length) problems.push('duplicate item codes');

if (problems.length > 0) {
  console.error(`build-catalogs: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}

const prettierOptions = (await prettier.resolveConfig(path.join(outDir, 'x.json'))) ?? {};
async function write(name, value) {
  const file = path.join(outDir, name);
  const text = await prettier.format(JSON.stringify(value), { ...prettierOptions, parser: 'json' });
  writeFileSync(file, text);
  return file;
}

for (const output of outputs) {
  await write(`${output.catalog.id}.json`, output);
  const incomplete = output.items.filter((item) => item.completeness === 'incomplete').length;
  console.log(
    `${output.catalog.id}: ${output.items.length} items (${output.items.length - incomplete} complete, ${incomplete} incomplete), ` +
      `${output.unattributedFragments.length} fragments, ${output.unnumberedTexts.length} unnumbered texts`,
  );
}

await write(
  'reference-map.json',
  records.map((r, i) => ({
    standard: r.standard,
    section: r.section,
    clause: r.clause,
    ordinal: recordKeys[i],
    status: r.status,
    ...placement.get(i),
  })),
);
console.log(`reference-map: ${records.length} records placed`);
