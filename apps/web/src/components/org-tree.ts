import type { OrgUnit } from '@hazard-ledger/domain';

/** A TreeSelect node of an org unit. */
export type OrgTreeNode = {
  value: number;
  title: string;
  key: number;
  children: OrgTreeNode[];
};

/**
 * Builds the tree from the flat list of /org-units. Units whose parent is outside the list (the
 * caller sees only its territory) become roots. Siblings keep the server's order by code.
 */
export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const nodes = new Map<number, OrgTreeNode>();
  for (const u of units) nodes.set(u.id, { value: u.id, title: u.name, key: u.id, children: [] });
  const roots: OrgTreeNode[] = [];
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  for (const u of sorted) {
    const node = nodes.get(u.id);
    if (!node) continue;
    const parent = u.parentId === null ? undefined : nodes.get(u.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
