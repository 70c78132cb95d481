import { useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Descriptions,
  Flex,
  Grid,
  Popconfirm,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  FIGURE_PERIOD_LABELS,
  FIGURES,
  SECTOR_LABELS,
  type DispatchReportView,
} from '@hazard-ledger/domain';
import { confirmDispatchReport, reportKeys, type DispatchReportQuery } from '../../api/reports-api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { InfoNote } from '../../components/InfoNote';
import { useLocale } from '../../i18n/locale-context';
import { DrillDownDrawer } from './DrillDownDrawer';
import { HazardListTable } from './HazardListTable';
import { ProgressTable, type FigureCell, type ProgressRow } from './ProgressTable';
import {
  isDrillable,
  OnTimeTag,
  periodLabelOf,
  ReportStatusTag,
  useRangeText,
} from './report-labels';
import { ReportVersions } from './ReportVersions';
import { SubmitReportModal } from './SubmitReportModal';

type Props = {
  view: DispatchReportView;
  /** The query the view answers (its versionId when an earlier version is open). */
  query: DispatchReportQuery;
  onOpenVersion: (versionId: number | undefined) => void;
  loading: boolean;
};

/**
 * One report: title and status, who confirmed and when (and what changed since), the actions
 * the viewer may take, the progress table with drill-down, the summary, 附件5 and the versions.
 */
export function DispatchReportContent({ view, query, onOpenVersion, loading }: Props) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const rangeText = useRangeText();
  const [cell, setCell] = useState<FigureCell | null>(null);
  const [modal, setModal] = useState<{ mode: 'submit' | 'correct'; seq: number } | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const { versionId: _shownVersion, ...ref } = query;

  /** Shows the server's new view at once, and marks every other report view stale. */
  const applyView = async (next: DispatchReportView) => {
    await queryClient.invalidateQueries({ queryKey: reportKeys.all, refetchType: 'none' });
    queryClient.setQueryData(reportKeys.dispatch(ref), next);
    if (query.versionId) onOpenVersion(undefined);
  };

  const confirm = useMutation({
    mutationFn: () => confirmDispatchReport(ref),
    onSuccess: async (next) => {
      void message.success(t('reports.confirmed'));
      await applyView(next);
    },
  });

  const openModal = (mode: 'submit' | 'correct') => {
    setModal((m) => ({ mode, seq: (m?.seq ?? 0) + 1 }));
    setModalOpen(true);
  };

  const periodLabel = periodLabelOf(view.kind);
  const latest = view.versions.reduce<number | null>(
    (max, v) => (max === null || v.version > max ? v.version : max),
    null,
  );
  const viewingOld = view.frozen && latest !== null && view.version !== latest;
  // A draft is computed at request time, so its computedAt says whether the deadline has passed.
  const pastDue =
    view.status !== 'submitted' && Date.parse(view.computedAt) > Date.parse(view.dueAt);
  const drillReport: DispatchReportQuery = {
    ...ref,
    versionId: view.frozen && view.versionId ? view.versionId : undefined,
  };
  const rows: ProgressRow[] = [
    { key: String(view.districtId), unitName: view.districtName, figures: view.figures },
  ];
  const changedNames = view.confirmation?.changed.map((k) => FIGURES[k].zh).join('、') ?? '';
  const { can } = view;

  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {`${view.progressLayout.annex} ${label(view.progressLayout.title)}`}
        </Typography.Title>
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <ReportStatusTag status={view.status} version={view.version} />
          {view.onTime !== null ? <OnTimeTag onTime={view.onTime} dueAt={view.dueAt} /> : null}
          {pastDue ? <Tag color="orange">{t('reports.pastDue')}</Tag> : null}
          <Typography.Text type="secondary">
            {t('reports.dueAt', { due: formatDateTime(view.dueAt) })}
          </Typography.Text>
          {view.milestone ? <Tag color="purple">{view.milestone.name}</Tag> : null}
        </Flex>
        <Descriptions size="small" column={screens.lg ? 3 : screens.sm ? 2 : 1}>
          <Descriptions.Item label={t('reports.unit')}>{view.districtName}</Descriptions.Item>
          <Descriptions.Item label={t('reports.sector')}>
            {label(SECTOR_LABELS[view.sector])}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.campaign')}>{view.campaignName}</Descriptions.Item>
          <Descriptions.Item label={label(periodLabel)}>
            {rangeText(view.currentFrom, view.periodTo)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.cumulativePeriod')}>
            {rangeText(view.campaignStart, view.periodTo)}
          </Descriptions.Item>
          <Descriptions.Item label={view.frozen ? t('reports.frozenAt') : t('reports.computedAt')}>
            {formatDateTime(view.computedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.preparedBy')}>
            {view.preparedBy ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.contactPhone')}>
            {view.contactPhone ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('reports.reviewer')}>
            {view.reviewerName ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>

      {viewingOld ? (
        <Alert
          type="info"
          showIcon
          title={t('reports.viewingOld', { version: view.version ?? '' })}
          action={
            <Button size="small" onClick={() => onOpenVersion(undefined)}>
              {t('reports.viewLatest')}
            </Button>
          }
        />
      ) : null}
      {view.confirmation ? (
        <div data-testid="confirmation">
          {view.confirmation.stale && !view.frozen ? (
            <Alert
              type="warning"
              showIcon
              title={t('reports.staleTitle', {
                by: view.confirmation.byName,
                at: formatDateTime(view.confirmation.at),
              })}
              description={t('reports.staleChanged', { names: changedNames })}
            />
          ) : (
            <InfoNote style={{ marginBottom: 0 }}>
              {t('reports.confirmedBy', {
                by: view.confirmation.byName,
                at: formatDateTime(view.confirmation.at),
              })}
            </InfoNote>
          )}
        </div>
      ) : view.frozen ? null : (
        <InfoNote style={{ marginBottom: 0 }}>{t('reports.notConfirmed')}</InfoNote>
      )}
      {view.frozen && !viewingOld ? (
        <InfoNote style={{ marginBottom: 0 }}>{t('reports.frozenNote')}</InfoNote>
      ) : null}

      {can.confirm || can.submit || can.correct ? (
        <Flex wrap gap={8} role="group" aria-label={t('reports.actions')}>
          {can.confirm ? (
            <Popconfirm
              title={t('reports.confirmTitle')}
              description={t('reports.confirmHint')}
              okText={t('reports.confirmOk')}
              cancelText={t('common.cancel')}
              onConfirm={() => confirm.mutate()}
            >
              <Button type={can.submit ? 'default' : 'primary'} loading={confirm.isPending}>
                {t('reports.confirm')}
              </Button>
            </Popconfirm>
          ) : null}
          {can.submit ? (
            <Button type="primary" onClick={() => openModal('submit')}>
              {t('reports.submit')}
            </Button>
          ) : null}
          {can.correct ? (
            <Button onClick={() => openModal('correct')}>{t('reports.correct')}</Button>
          ) : null}
        </Flex>
      ) : null}
      <ErrorAlert error={confirm.error} style={{ marginBottom: 0 }} />

      <Card
        size="small"
        title={t('reports.progressTable')}
        extra={<Typography.Text type="secondary">{t('reports.hoverHint')}</Typography.Text>}
      >
        <ProgressTable
          caption={t('reports.progressTable')}
          layout={view.progressLayout}
          periodLabel={periodLabel}
          rows={rows}
          loading={loading}
          renderNumber={(_row, c, _value, text) =>
            isDrillable(c.figure) ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto' }}
                data-figure={c.figure}
                data-period={c.period}
                aria-label={t('reports.drill.open', {
                  name: FIGURES[c.figure].zh,
                  period: label(
                    c.period === 'week' ? periodLabel : FIGURE_PERIOD_LABELS.cumulative,
                  ),
                  value: text,
                })}
                onClick={() => setCell(c)}
              >
                {text}
              </Button>
            ) : (
              text
            )
          }
        />
      </Card>

      {view.kind === 'milestone' || view.summary ? (
        <Card
          size="small"
          title={view.kind === 'milestone' ? t('reports.summary') : t('reports.remarks')}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {view.summary ?? (
              <Typography.Text type="secondary">{t('reports.summaryMissing')}</Typography.Text>
            )}
          </Typography.Paragraph>
        </Card>
      ) : null}

      <Card
        size="small"
        title={`${view.hazardListLayout.annex} ${label(view.hazardListLayout.title)}`}
        extra={
          <Typography.Text type="secondary">
            {view.hazardListTotal > view.hazardList.length
              ? t('reports.hazards.countLimited', {
                  n: view.hazardListTotal,
                  shown: view.hazardList.length,
                })
              : t('reports.hazards.count', { n: view.hazardListTotal })}
          </Typography.Text>
        }
      >
        <HazardListTable
          caption={label(view.hazardListLayout.title)}
          layout={view.hazardListLayout}
          rows={view.hazardList}
        />
      </Card>

      {view.versions.length > 0 ? (
        <ReportVersions
          versions={view.versions}
          shownVersionId={view.versionId}
          dueAt={view.dueAt}
          onOpen={onOpenVersion}
        />
      ) : null}

      <DrillDownDrawer report={drillReport} cell={cell} onClose={() => setCell(null)} />
      {modal ? (
        <SubmitReportModal
          key={modal.seq}
          mode={modal.mode}
          report={ref}
          view={view}
          open={modalOpen}
          onClose={() => setModalOpen(false)}
          onDone={(next) => void applyView(next)}
        />
      ) : null}
    </Flex>
  );
}
