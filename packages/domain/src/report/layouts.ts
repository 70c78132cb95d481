import { z } from 'zod';
import { SECTORS, type Sector } from '../common/sector.js';
import { FIGURE_KEYS, FIGURES, type FigureKey } from './figures.js';

// The layouts of the dispatch tables (附件1–4 进展情况调度表, 附件5 重大事故隐患问题清单;
// issue 9 item 2). The official templates could not be found, so the tables are built from the
// figures; each layout is plain data validated by a schema, so a template received from the city
// is matched by editing the data (the bureau can replace a layout from the reports page), not
// the code. The web page, the .xlsx and the PDF all render from the same layout.

const labelSchema = z.object({ zh: z.string().trim().min(1).max(60), en: z.string().max(120) });

/** Which value of a figure a column shows. */
export const FigurePeriod = { Week: 'week', Cumulative: 'cumulative' } as const;
export type FigurePeriod = (typeof FigurePeriod)[keyof typeof FigurePeriod];
export const FIGURE_PERIOD_LABELS: Record<FigurePeriod, { zh: string; en: string }> = {
  week: { zh: '本周', en: 'This week' },
  cumulative: { zh: '累计', en: 'Cumulative' },
};
/** The label of the period column of a milestone report ("本期": since the previous milestone). */
export const MILESTONE_PERIOD_LABEL = { zh: '本期', en: 'This period' } as const;

const figureKeySchema = z.enum(FIGURE_KEYS as unknown as [FigureKey, ...FigureKey[]], {
  error: '未知的统计指标',
});

/** One figure in a table, with the periods it shows (stock and ratio figures: cumulative only). */
export const figureColumnSchema = z.object({
  figure: figureKeySchema,
  periods: z
    .array(z.enum(['week', 'cumulative']))
    .min(1)
    .max(2),
  /** A shorter header than the figure's own label (e.g. "其中：已整改"). */
  label: labelSchema.optional(),
});
export type FigureColumn = z.infer<typeof figureColumnSchema>;

/** A header group spanning several figures (the first header row, merged across). */
export const figureGroupSchema = z.object({
  title: labelSchema,
  columns: z.array(figureColumnSchema).min(1).max(20),
});
export type FigureGroup = z.infer<typeof figureGroupSchema>;

/** 附件1–4: one per sector; rows are reporting units (a district, or every district and 合计). */
export const progressTableLayoutSchema = z
  .object({
    kind: z.literal('progress'),
    /** 附件 number as printed ("附件1"). */
    annex: z.string().trim().min(1).max(20),
    title: labelSchema,
    sector: z.enum(SECTORS as unknown as [Sector, ...Sector[]]),
    groups: z.array(figureGroupSchema).min(1).max(30),
  })
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.groups.forEach((g, gi) =>
      g.columns.forEach((c, ci) => {
        const path = ['groups', gi, 'columns', ci];
        if (seen.has(c.figure))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'figure'],
            message: '同一指标只能出现一次',
          });
        seen.add(c.figure);
        const def = FIGURES[c.figure];
        if (def.kind !== 'flow' && c.periods.includes('week'))
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'periods'],
            message: `“${def.zh}”是时点数或比率，只有累计数，没有本周数`,
          });
        if (new Set(c.periods).size !== c.periods.length)
          ctx.addIssue({ code: 'custom', path: [...path, 'periods'], message: '统计时段重复' });
      }),
    );
  });
export type ProgressTableLayout = z.infer<typeof progressTableLayoutSchema>;

/** The fields a row of the open major hazards list (附件5) can show. */
export const HAZARD_LIST_FIELDS = [
  'seq',
  'enterprise',
  'sector',
  'description',
  'origin',
  'found_at',
  'responsible',
  'measures',
  'deadline',
  'status',
  'supervision',
  'overdue',
] as const;
export type HazardListField = (typeof HAZARD_LIST_FIELDS)[number];
export const HAZARD_LIST_FIELD_LABELS: Record<HazardListField, { zh: string; en: string }> = {
  seq: { zh: '序号', en: 'No.' },
  enterprise: { zh: '企业名称', en: 'Enterprise' },
  sector: { zh: '行业领域', en: 'Sector' },
  description: { zh: '重大事故隐患具体描述', en: 'Major hazard' },
  origin: { zh: '发现方式', en: 'Found by' },
  found_at: { zh: '发现日期', en: 'Found on' },
  responsible: { zh: '整改责任人', en: 'Responsible' },
  measures: { zh: '整改措施', en: 'Measures' },
  deadline: { zh: '整改期限', en: 'Deadline' },
  status: { zh: '整改进展', en: 'Progress' },
  supervision: { zh: '挂牌督办', en: 'Supervision' },
  overdue: { zh: '是否逾期', en: 'Overdue' },
};

/** 附件5: the open major hazards at the end of the period, one row per hazard. */
export const hazardListLayoutSchema = z.object({
  kind: z.literal('hazard_list'),
  annex: z.string().trim().min(1).max(20),
  title: labelSchema,
  columns: z
    .array(
      z.object({
        field: z.enum(HAZARD_LIST_FIELDS, { error: '未知的清单栏目' }),
        label: labelSchema.optional(),
      }),
    )
    .min(1)
    .max(20)
    .refine(
      (cols) => new Set(cols.map((c) => c.field)).size === cols.length,
      '同一栏目只能出现一次',
    ),
});
export type HazardListLayout = z.infer<typeof hazardListLayoutSchema>;

export const tableLayoutSchema = z.union([progressTableLayoutSchema, hazardListLayoutSchema]);
export type TableLayout = z.infer<typeof tableLayoutSchema>;

/** The tables of a report set, by key: 附件1–4 by sector, and the hazard list. */
export const REPORT_TABLE_KEYS = ['annex1', 'annex2', 'annex3', 'annex4', 'annex5'] as const;
export type ReportTableKey = (typeof REPORT_TABLE_KEYS)[number];

/** The progress table of each sector. */
export const SECTOR_TABLE: Record<Sector, Exclude<ReportTableKey, 'annex5'>> = {
  hazchem: 'annex1',
  fireworks: 'annex2',
  mining: 'annex3',
  industry: 'annex4',
};

const col = (figure: FigureKey, label?: { zh: string; en: string }): FigureColumn => ({
  figure,
  periods: FIGURES[figure].kind === 'flow' ? ['week', 'cumulative'] : ['cumulative'],
  ...(label ? { label } : {}),
});

/** The figure groups every sector's progress table shows by default. */
const DEFAULT_GROUPS: FigureGroup[] = [
  {
    title: { zh: '企业自查自改', en: 'Self-inspection by enterprises' },
    columns: [
      col('enterprises_registered'),
      col('enterprises_self_inspected'),
      col('major_hazards_self_found', {
        zh: '自查发现重大事故隐患',
        en: 'Major hazards self-found',
      }),
      col('major_hazards_self_found_rectified', { zh: '其中：已整改', en: 'of which rectified' }),
    ],
  },
  {
    title: { zh: '部门监督检查', en: 'Inspection by the bureau' },
    columns: [
      col('enterprise_inspections'),
      col('enterprises_inspected'),
      col('assistance_visits', { zh: '其中：帮扶指导', en: 'of which assistance' }),
      col('major_hazards_bureau_found', { zh: '检查发现重大事故隐患', en: 'Major hazards found' }),
      col('major_hazards_bureau_found_rectified', { zh: '其中：已整改', en: 'of which rectified' }),
    ],
  },
  {
    title: { zh: '重大事故隐患整改', en: 'Major hazard rectification' },
    columns: [
      col('major_hazards_found'),
      col('major_hazards_rectified'),
      col('major_hazard_rectification_rate'),
      col('major_hazards_overdue'),
      col('hazards_supervised'),
      col('hazards_supervision_lifted'),
    ],
  },
  {
    title: { zh: '执法处罚', en: 'Enforcement' },
    columns: [
      col('penalty_cases'),
      col('penalty_fines'),
      col('penalty_cases_dual'),
      col('enterprises_suspended'),
      col('closures_proposed'),
      col('judicial_referrals'),
      col('judicial_referral_persons'),
      col('joint_punishments'),
      col('dishonesty_list_entries'),
    ],
  },
  {
    title: { zh: '企业履责', en: "Enterprises' duties" },
    columns: [col('leader_inspections'), col('emergency_drills')],
  },
  {
    title: { zh: '举报奖励', en: 'Tips and rewards' },
    columns: [
      col('tips_received'),
      col('tips_verified'),
      col('tips_substantiated'),
      col('rewards_paid'),
    ],
  },
  {
    title: { zh: '执法队伍', en: 'Enforcement staff' },
    columns: [
      col('enforcement_staff'),
      col('enforcement_staff_certified'),
      col('enforcement_staff_certified_share'),
      col('enforcement_staff_qualified_share'),
    ],
  },
];

const ANNEX_TITLE: Record<Sector, string> = {
  hazchem: '危险化学品',
  fireworks: '烟花爆竹',
  mining: '非煤矿山',
  industry: '冶金等工贸',
};

/** The default layouts, used until the bureau replaces one. */
export const DEFAULT_TABLE_LAYOUTS: Record<ReportTableKey, TableLayout> = {
  annex1: progressLayout('附件1', 'hazchem'),
  annex2: progressLayout('附件2', 'fireworks'),
  annex3: progressLayout('附件3', 'mining'),
  annex4: progressLayout('附件4', 'industry'),
  annex5: {
    kind: 'hazard_list',
    annex: '附件5',
    title: { zh: '重大事故隐患问题清单', en: 'Open major hazards' },
    columns: HAZARD_LIST_FIELDS.map((field) => ({ field })),
  },
};

function progressLayout(annex: string, sector: Sector): ProgressTableLayout {
  return {
    kind: 'progress',
    annex,
    title: {
      zh: `${ANNEX_TITLE[sector]}行业领域重大事故隐患专项排查整治行动进展情况调度表`,
      en: `Campaign progress: ${sector}`,
    },
    sector,
    groups: DEFAULT_GROUPS,
  };
}

/** A leaf column of a progress table: one figure, one period. */
export type LeafColumn = { figure: FigureKey; period: FigurePeriod };

/** The leaf columns of a progress table, left to right. */
export function leafColumns(layout: ProgressTableLayout): LeafColumn[] {
  return layout.groups.flatMap((g) =>
    g.columns.flatMap((c) => c.periods.map((period) => ({ figure: c.figure, period }))),
  );
}

/** A header cell spanning `span` leaf columns. */
export type HeaderCell = { label: { zh: string; en: string }; span: number; figure?: FigureKey };

/**
 * The three header rows of a progress table, after a leading "填报单位" column: group titles,
 * figure labels (with unit), and 本周/累计. A renderer merges each cell over its span; a figure
 * with a single period spans rows 2–3 (its third-row cell is then null).
 */
export function headerRows(
  layout: ProgressTableLayout,
  periodLabel: { zh: string; en: string } = FIGURE_PERIOD_LABELS.week,
): { groups: HeaderCell[]; figures: HeaderCell[]; periods: (HeaderCell | null)[] } {
  const groups: HeaderCell[] = [];
  const figures: HeaderCell[] = [];
  const periods: (HeaderCell | null)[] = [];
  for (const g of layout.groups) {
    groups.push({ label: g.title, span: g.columns.reduce((n, c) => n + c.periods.length, 0) });
    for (const c of g.columns) {
      const def = FIGURES[c.figure];
      const label = c.label ?? { zh: def.zh, en: def.en };
      // A flow figure shown for one period only says which, since its third-row cell is merged.
      const only = def.kind === 'flow' && c.periods.length === 1 ? c.periods[0] : undefined;
      const onlyLabel = only ? (only === 'week' ? periodLabel : FIGURE_PERIOD_LABELS[only]) : null;
      figures.push({
        label: {
          zh: `${label.zh}${onlyLabel ? `·${onlyLabel.zh}` : ''}（${def.unit}）`,
          en: `${label.en}${onlyLabel ? `, ${onlyLabel.en}` : ''} (${def.unit})`,
        },
        span: c.periods.length,
        figure: c.figure,
      });
      if (c.periods.length === 1) periods.push(null);
      else
        for (const p of c.periods)
          periods.push({ label: p === 'week' ? periodLabel : FIGURE_PERIOD_LABELS[p], span: 1 });
    }
  }
  return { groups, figures, periods };
}
