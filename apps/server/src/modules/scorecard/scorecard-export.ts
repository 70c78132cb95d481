import {
  DUTIES,
  DUTY_LABELS,
  DUTY_REQUIREMENT_LABELS,
  DUTY_STATUS_LABELS,
  type PageQuery,
  type DutyRequirement,
  SECTOR_LABELS,
} from '@hazard-ledger/domain';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { safeCellText, streamingWorkbook } from '../../lib/xlsx.js';
import { listScorecards, type ScorecardListQuery } from './scorecard.service.js';

/** Fills `{name}` placeholders of a requirement's text from its detail. */
export function requirementText(
  code: string,
  detail: Record<string, string | number> | undefined,
): string {
  const label = DUTY_REQUIREMENT_LABELS[code as DutyRequirement]?.zh ?? code;
  return label.replace(/\{(\w+)\}/g, (_, k: string) => String(detail?.[k] ?? ''));
}

/**
 * Streams the scorecards of the filtered enterprises as .xlsx: one row per enterprise, a
 * status column per duty and the unmet requirements spelled out.
 */
export async function exportScorecards(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: Omit<ScorecardListQuery, keyof PageQuery>,
) {
  const { workbook, stream } = streamingWorkbook();
  const sheet = workbook.addWorksheet('五项重点任务落实情况', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: '序号', width: 6 },
    { header: '企业名称', width: 30 },
    { header: '行业领域', width: 12 },
    { header: '属地', width: 14 },
    ...DUTIES.map((d) => ({ header: DUTY_LABELS[d].zh, width: 16 })),
    { header: '未落实事项', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    let n = 0;
    const pageSize = 100;
    for (let page = 1; ; page++) {
      const { items } = await listScorecards(deps, ctx, { ...query, page, pageSize, order: 'asc' });
      for (const card of items) {
        const unmet = card.duties.flatMap((d) =>
          d.requirements.filter((r) => !r.met).map((r) => requirementText(r.code, r.detail)),
        );
        sheet
          .addRow([
            ++n,
            safeCellText(card.enterpriseName),
            SECTOR_LABELS[card.sector].zh,
            card.districtName,
            ...card.duties.map((d) => DUTY_STATUS_LABELS[d.status].zh),
            unmet.join('；'),
          ])
          .commit();
      }
      if (items.length < pageSize) break;
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) =>
    stream.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return stream;
}
