import type { Checklist, ChecklistItem } from '@hazard-ledger/domain';

export type ChecklistSection = { name: string; items: ChecklistItem[] };
export type ChecklistGroup = {
  catalog: Checklist['catalogs'][number];
  sections: ChecklistSection[];
  count: number;
};

/** Whether an item matches a search text (code, clause, title, requirement or gap note). */
export function itemMatches(item: ChecklistItem, text: string): boolean {
  const q = text.trim().toLowerCase();
  if (!q) return true;
  return [item.code, item.clause, item.title, item.requirement ?? '', item.gapNote ?? '']
    .join('\n')
    .toLowerCase()
    .includes(q);
}

/**
 * Groups a checklist's items by catalog (in the order of `catalogs`) and by section (in the
 * order the items come, which is catalog order). Catalogs left without items are dropped.
 */
export function groupChecklist(
  checklist: Checklist,
  keep: (item: ChecklistItem) => boolean = () => true,
): ChecklistGroup[] {
  return checklist.catalogs
    .map((catalog) => {
      const sections: ChecklistSection[] = [];
      for (const item of checklist.items) {
        if (item.catalogId !== catalog.catalogId || !keep(item)) continue;
        let section = sections.find((s) => s.name === item.section);
        if (!section) {
          section = { name: item.section, items: [] };
          sections.push(section);
        }
        section.items.push(item);
      }
      return { catalog, sections, count: sections.reduce((n, s) => n + s.items.length, 0) };
    })
    .filter((g) => g.count > 0);
}
