import {
  isTipOverdue,
  SECTOR_LABELS,
  type Sector,
  TIP_CHANNEL_LABELS,
  TIP_REJECT_REASON_LABELS,
  TIP_STATUS_LABELS,
  TIP_VERIFICATION_RESULT_LABELS,
  type TipChannel,
  type TipRejectReason,
  type TipStatus,
  type TipVerificationResult,
} from '@hazard-ledger/domain';
import { requireActor, type RequestContext } from '../../lib/request-context.js';
import type { ServiceDeps } from '../../lib/service-deps.js';
import { streamingWorkbook, safeCellText } from '../../lib/xlsx.js';
import * as repo from './tips.repository.js';
import { chinaDate, tipFilterOf, type TipListQuery, tipScopeOf } from './tips.service.js';

/** The columns of the tip register (举报受理登记表). No identity field, ever. */
export const TIP_EXPORT_COLUMNS = [
  '序号',
  '举报编号',
  '举报渠道',
  '收到日期',
  '所属区县',
  '被举报单位',
  '行业领域',
  '举报事项',
  '举报内容',
  '具体位置',
  '实名/匿名',
  '办理状态',
  '办理期限',
  '承办单位（人员）',
  '核查结果',
  '核查情况',
  '不予受理理由',
  '关联隐患',
] as const;

/** Streams the filtered tip register as .xlsx; memory stays flat whatever the row count. */
export async function exportTips(
  deps: ServiceDeps,
  ctx: RequestContext,
  query: Omit<TipListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
) {
  const actor = requireActor(ctx);
  const scope = await tipScopeOf(deps, ctx);
  const filter = tipFilterOf(deps, actor, query);
  const { workbook, stream } = streamingWorkbook();
  const sheet = workbook.addWorksheet('举报受理登记表', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const widths = [6, 22, 12, 12, 16, 28, 12, 28, 50, 20, 10, 10, 12, 20, 10, 40, 20, 12];
  sheet.columns = TIP_EXPORT_COLUMNS.map((header, i) => ({ header, width: widths[i] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  const write = async () => {
    let n = 0;
    for await (const batch of repo.iterateTips(deps.db.kysely, scope, filter)) {
      for (const t of batch) {
        const status = t.status as TipStatus;
        const overdue = isTipOverdue({ status, dueDate: t.due_date }, filter.today);
        const assignee = [t.assigned_unit_name, t.assigned_user_name].filter(Boolean).join(' ');
        sheet
          .addRow([
            ++n,
            t.number,
            TIP_CHANNEL_LABELS[t.channel as TipChannel].zh,
            chinaDate(t.received_at),
            t.district_name,
            safeCellText(t.enterprise_name ?? t.enterprise_text),
            t.sector ? SECTOR_LABELS[t.sector as Sector].zh : '',
            safeCellText(t.subject),
            safeCellText(t.description),
            safeCellText(t.place),
            t.anonymous === 1 ? '匿名' : '实名',
            `${TIP_STATUS_LABELS[status].zh}${overdue ? '（逾期）' : ''}`,
            t.due_date ?? '',
            safeCellText(assignee),
            t.verification_result
              ? TIP_VERIFICATION_RESULT_LABELS[t.verification_result as TipVerificationResult].zh
              : '',
            safeCellText(t.verification_summary),
            t.reject_reason ? TIP_REJECT_REASON_LABELS[t.reject_reason as TipRejectReason].zh : '',
            t.hazard_number ?? '',
          ])
          .commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) =>
    stream.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return stream;
}
