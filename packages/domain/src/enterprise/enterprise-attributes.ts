import type { Sector } from '../common/sector.js';

/** Sub-types of each sector (issue 3): what kind of business the enterprise runs. */
export const SUB_TYPES = {
  hazchem: ['production', 'storage', 'trade', 'use'],
  fireworks: ['production', 'wholesale', 'retail'],
  mining: ['underground', 'open_pit', 'tailings_pond'],
  industry: [
    'metallurgy',
    'nonferrous',
    'building_materials',
    'machinery',
    'light',
    'textile',
    'tobacco',
    'commerce',
  ],
} as const satisfies Record<Sector, readonly string[]>;
export type SubType = (typeof SUB_TYPES)[Sector][number];

export const SUB_TYPE_LABELS: Record<Sector, Record<string, { zh: string; en: string }>> = {
  hazchem: {
    production: { zh: '生产', en: 'Production' },
    storage: { zh: '储存', en: 'Storage' },
    trade: { zh: '经营', en: 'Trade' },
    use: { zh: '使用', en: 'Use' },
  },
  fireworks: {
    production: { zh: '生产', en: 'Production' },
    wholesale: { zh: '批发', en: 'Wholesale' },
    retail: { zh: '零售', en: 'Retail' },
  },
  mining: {
    underground: { zh: '地下矿山', en: 'Underground mine' },
    open_pit: { zh: '露天矿山', en: 'Open-pit mine' },
    tailings_pond: { zh: '尾矿库', en: 'Tailings pond' },
  },
  industry: {
    metallurgy: { zh: '冶金', en: 'Metallurgy' },
    nonferrous: { zh: '有色', en: 'Non-ferrous metals' },
    building_materials: { zh: '建材', en: 'Building materials' },
    machinery: { zh: '机械', en: 'Machinery' },
    light: { zh: '轻工', en: 'Light industry' },
    textile: { zh: '纺织', en: 'Textiles' },
    tobacco: { zh: '烟草', en: 'Tobacco' },
    commerce: { zh: '商贸', en: 'Commerce & trade' },
  },
};

/** Whether a sub-type belongs to a sector. */
export function isSubTypeOf(sector: Sector, subType: string): boolean {
  return (SUB_TYPES[sector] as readonly string[]).includes(subType);
}

/** Special tags that make extra criteria apply (工贸 special items, major hazard sources). */
export const EnterpriseTag = {
  DustExplosion: 'dust_explosion',
  AmmoniaRefrigeration: 'ammonia_refrigeration',
  ConfinedSpace: 'confined_space',
  MajorHazardSource: 'major_hazard_source',
} as const;
export type EnterpriseTag = (typeof EnterpriseTag)[keyof typeof EnterpriseTag];
export const ENTERPRISE_TAGS = Object.values(EnterpriseTag) as readonly EnterpriseTag[];

export const ENTERPRISE_TAG_LABELS: Record<EnterpriseTag, { zh: string; en: string }> = {
  dust_explosion: { zh: '粉尘涉爆', en: 'Combustible dust' },
  ammonia_refrigeration: { zh: '涉氨制冷', en: 'Ammonia refrigeration' },
  confined_space: { zh: '有限空间作业', en: 'Confined-space work' },
  major_hazard_source: { zh: '重大危险源', en: 'Major hazard source' },
};

/** Operating status of an enterprise. */
export const EnterpriseStatus = {
  Operating: 'operating',
  Suspended: 'suspended',
  Closed: 'closed',
} as const;
export type EnterpriseStatus = (typeof EnterpriseStatus)[keyof typeof EnterpriseStatus];
export const ENTERPRISE_STATUSES = Object.values(EnterpriseStatus) as readonly EnterpriseStatus[];
export const ENTERPRISE_STATUS_LABELS: Record<EnterpriseStatus, { zh: string; en: string }> = {
  operating: { zh: '正常生产经营', en: 'Operating' },
  suspended: { zh: '停产停业', en: 'Suspended' },
  closed: { zh: '关闭', en: 'Closed' },
};

/** The facts about an enterprise that decide which criteria apply to it. */
export type EnterpriseProfile = { sector: Sector; subType: string; tags: readonly string[] };
