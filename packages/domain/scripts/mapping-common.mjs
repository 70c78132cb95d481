// Hand-written mapping from the research reference (criteria-items.json) to catalog items:
// for each reference record, the stable code, the clause as cited, a short title, the
// requirement paraphrased in our own words, and which enterprises it applies to.
// build-catalogs.mjs reads these files (one per catalog); the code scheme is documented in
// packages/domain/src/catalog/catalog.ts. Rules kept in every file:
// - A requirement is null exactly when the reference found no text (status not-found): the
//   item is a placeholder carrying its clause, never invented text.
// - A requirement from a truncated or garbled excerpt (status partial) keeps "……" where the
//   text stops, so no one reads it as the whole requirement.
// - Completeness and the 待补充 note follow from the reference status (build script).

/** Chinese numeral for 1–99, as item numbers are written: 七, 十三, 二十一. */
export function cn(n) {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${d[n % 10]}`;
}
export const pad2 = (n) => String(n).padStart(2, '0');

export const hazchem = (subTypes = null) => ({ sectors: ['hazchem'], subTypes, tags: null });
export const fireworks = (subTypes = null) => ({ sectors: ['fireworks'], subTypes, tags: null });
export const mining = (subType) => ({ sectors: ['mining'], subTypes: [subType], tags: null });
export const industry = (subTypes = null, tags = null) => ({
  sectors: ['industry'],
  subTypes,
  tags,
});

/** The integers from..to, inclusive. */
export const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
