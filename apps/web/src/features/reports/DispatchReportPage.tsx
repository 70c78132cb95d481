import { Button, Empty, Flex, Spin } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { ErrorCode, type ReportOptionsView } from '@hazard-ledger/domain';
import { isApiError } from '../../api/client';
import {
  dispatchExportUrl,
  getDispatchReport,
  reportKeys,
  type DispatchReportQuery,
} from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { DispatchReportContent } from './DispatchReportContent';
import type { ResolvedSelection } from './report-selection';
import { ReportSelectors } from './ReportSelectors';
import { useReportSelection } from './use-report-selection';
import { WithReportOptions } from './WithReportOptions';

/** The API query of a resolved selection; null while no week can be picked. */
export function dispatchQueryOf(sel: ResolvedSelection | null): DispatchReportQuery | null {
  if (!sel) return null;
  const base = {
    districtId: sel.unitId,
    sector: sel.sector,
    campaignId: sel.campaign.id,
    versionId: sel.versionId,
  };
  if (sel.kind === 'milestone')
    return sel.milestone ? { ...base, kind: 'milestone', milestone: sel.milestone } : null;
  return sel.week ? { ...base, kind: 'weekly', week: sel.week } : null;
}

/**
 * /reports/dispatch — one district's dispatch report of a sector and period (调度表): pick it
 * (kept in the URL), see its status and figures, drill into any number, confirm, submit, correct,
 * open earlier versions and export it.
 */
export function DispatchReportPage() {
  return (
    <WithReportOptions titleKey="nav.dispatchReport">
      {(options) => <DispatchReportBody options={options} />}
    </WithReportOptions>
  );
}

function DispatchReportBody({ options }: { options: ReportOptionsView }) {
  const { t } = useLocale();
  const { selection, select, setVersion } = useReportSelection(
    options,
    options.districts,
    'districtId',
  );
  const query = dispatchQueryOf(selection);
  const report = useQuery({
    queryKey: query ? reportKeys.dispatch(query) : ['reports', 'dispatch', 'none'],
    queryFn: ({ signal }) => getDispatchReport(query!, signal),
    enabled: query !== null,
  });

  // Offered once the report is there: a city user's export of an unsubmitted one would be a 404.
  const exports =
    query && report.data ? (
      <>
        <Button icon={<DownloadOutlined />} href={dispatchExportUrl(query, 'xlsx')} download>
          {t('reports.exportXlsx')}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          href={dispatchExportUrl(query, 'pdf')}
          target="_blank"
          rel="noopener"
        >
          {t('reports.exportPdf')}
        </Button>
      </>
    ) : null;

  return (
    <>
      <PageHeader title={t('nav.dispatchReport')} extra={exports} />
      {selection ? (
        <ReportSelectors
          options={options}
          units={options.districts}
          unitLabel={t('reports.district')}
          value={selection}
          onChange={select}
        />
      ) : (
        <Empty
          description={
            options.districts.length === 0 ? t('reports.noDistricts') : t('reports.noCampaign')
          }
        />
      )}
      {selection && !query ? <Empty description={t('reports.noWeeks')} /> : null}
      {/* Above the district, only submitted reports exist: a missing one is "not yet". */}
      {!options.seesDrafts && isApiError(report.error, ErrorCode.NotFound) ? (
        <Empty description={t('reports.notSubmittedYet')} />
      ) : (
        <ErrorAlert error={report.error} />
      )}
      {query && report.isPending && !report.isError ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : null}
      {query && report.data ? (
        <DispatchReportContent
          view={report.data}
          query={query}
          onOpenVersion={setVersion}
          loading={report.isFetching}
        />
      ) : null}
    </>
  );
}
