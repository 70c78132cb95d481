/** The four supervised sectors of the campaign (DESIGN.md §2). */
export const Sector = {
  Hazchem: 'hazchem',
  Fireworks: 'fireworks',
  Mining: 'mining',
  Industry: 'industry',
} as const;
export type Sector = (typeof Sector)[keyof typeof Sector];
export const SECTORS = Object.values(Sector) as readonly Sector[];

/** Chinese names of the sectors, as the bureau writes them. */
export const SECTOR_LABELS: Record<Sector, { zh: string; en: string }> = {
  hazchem: { zh: '危险化学品', en: 'Hazardous chemicals' },
  fireworks: { zh: '烟花爆竹', en: 'Fireworks' },
  mining: { zh: '非煤矿山', en: 'Non-coal mines' },
  industry: { zh: '冶金等工贸', en: 'Metallurgy & industry-trade' },
};

/** The office in charge of each sector: 危化室 for hazchem and fireworks, 基础室 for mining and industry. */
export const OfficeKind = { Weihua: 'weihua', Jichu: 'jichu' } as const;
export type OfficeKind = (typeof OfficeKind)[keyof typeof OfficeKind];

export const SECTOR_OFFICE: Record<Sector, OfficeKind> = {
  hazchem: 'weihua',
  fireworks: 'weihua',
  mining: 'jichu',
  industry: 'jichu',
};

/** Sectors handled by an office. */
export function sectorsOfOffice(office: OfficeKind): Sector[] {
  return SECTORS.filter((s) => SECTOR_OFFICE[s] === office);
}
