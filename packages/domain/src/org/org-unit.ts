import { z } from 'zod';

/** Kinds of org unit in the tree region → city → district → office/brigade. */
export const OrgKind = {
  Region: 'region',
  City: 'city',
  District: 'district',
  Office: 'office',
  Brigade: 'brigade',
} as const;
export type OrgKind = (typeof OrgKind)[keyof typeof OrgKind];
export const ORG_KINDS = Object.values(OrgKind) as readonly OrgKind[];

export const ORG_KIND_LABELS: Record<OrgKind, { zh: string; en: string }> = {
  region: { zh: '省/自治区', en: 'Region' },
  city: { zh: '市', en: 'City' },
  district: { zh: '区县', en: 'District' },
  office: { zh: '科室', en: 'Office' },
  brigade: { zh: '执法大队', en: 'Enforcement brigade' },
};

/** Which kinds of unit may sit under which. */
export const ORG_CHILD_KINDS: Record<OrgKind, readonly OrgKind[]> = {
  region: ['city'],
  city: ['district', 'office'],
  district: ['office', 'brigade'],
  office: [],
  brigade: [],
};

/** Kinds whose subtree is a data territory (enterprises live in districts). */
export const TERRITORY_KINDS: readonly OrgKind[] = ['region', 'city', 'district'];

export const orgUnitSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  kind: z.enum(ORG_KINDS as [OrgKind, ...OrgKind[]]),
  name: z.string(),
  code: z.string(),
  path: z.string(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

/** Materialized path of a child unit given its parent's path (e.g. "/1/4/"). */
export function childPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` lies in the subtree rooted at `rootPath` (inclusive). */
export function isInSubtree(path: string, rootPath: string): boolean {
  return path.startsWith(rootPath);
}
