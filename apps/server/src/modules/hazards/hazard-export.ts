import {
  fenToYuan,
  HAZARD_LIST_COLUMNS,
  HAZARD_ORIGIN_LABELS,
  HAZARD_STATUS_LABELS,
  type HazardOrigin,
  type HazardStatus,
  isOverdue,
  SECTOR_LABELS,
  type Sector,
  SUPERVISION_LABELS,
  type SupervisionLevel,
} from '@hazard-ledger/domain';
import type { RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { outputTaken, streamingWorkbook, safeCellText } from '../../lib/xlsx.js';
import * as repo from './hazards.repository.js';
import { hazardFilterOf, hazardScopeOf, type HazardListQuery } from './hazards.service.js';

/**
 * Streams the filtered ledger as .xlsx in the column order of the major-hazard issue list
 * (重大事故隐患问题清单); memory stays flat whatever the row count.
 */
export async function exportHazards(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: Omit<HazardListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const scope = await hazardScopeOf(deps, ctx);
  const filter = hazardFilterOf(deps, query);
  const { workbook, stream } = streamingWorkbook();
  const sheet = workbook.addWorksheet('重大事故隐患问题清单', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = [6, 30, 22, 12, 40, 18, 14, 12, 12, 40, 14, 12, 14, 14, 24];
  sheet.columns = HAZARD_LIST_COLUMNS.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    let n = 0;
    for await (const batch of repo.iterateHazards(deps.db.kysely, scope, filter)) {
      for (const h of batch) {
        const status = h.status as HazardStatus;
        const overdue = isOverdue({ status, deadline: h.deadline }, filter.today);
        sheet
          .addRow([
            ++n,
            safeCellText(h.enterprise_name),
            h.enterprise_credit_code,
            SECTOR_LABELS[h.sector as Sector].zh,
            safeCellText(`${h.title}：${h.description}`),
            h.catalog_item_code ? `${h.catalog_item_code}` : safeCellText(h.no_catalog_reason),
            HAZARD_ORIGIN_LABELS[h.origin as HazardOrigin].zh,
            h.found_at,
            safeCellText(h.plan_responsible),
            safeCellText(h.plan_measures),
            h.plan_funds_fen === null ? '' : fenToYuan(h.plan_funds_fen),
            h.deadline ?? '',
            `${HAZARD_STATUS_LABELS[status].zh}${overdue ? '（逾期）' : ''}`,
            h.supervision_level
              ? SUPERVISION_LABELS[h.supervision_level as SupervisionLevel].zh
              : '',
            h.verified_at
              ? `已验收 ${h.verified_at.slice(0, 10)}`
              : h.leader_accepted_at
                ? '企业已验收，待部门验收'
                : '',
          ])
          .commit();
      }
      await outputTaken(sheet, stream);
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) =>
    stream.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return stream;
}
