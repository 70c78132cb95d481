import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Collapse,
  Flex,
  Popconfirm,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  FIGURE_KEYS,
  FIGURE_PERIOD_LABELS,
  FIGURES,
  HAZARD_LIST_FIELD_LABELS,
  HAZARD_LIST_FIELDS,
  Permission,
  type FigureKey,
  type ReportLayoutView,
} from '@hazard-ledger/domain';
import { listReportLayouts, reportKeys, resetReportLayout } from '../../api/reports-api';
import { useCan } from '../../auth/can';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../components/format';
import { InfoNote } from '../../components/InfoNote';
import { PageHeader } from '../../components/PageHeader';
import { useLocale } from '../../i18n/locale-context';
import { HazardListTable } from './HazardListTable';
import { LayoutEditorModal } from './LayoutEditorModal';
import { ProgressTable } from './ProgressTable';

/**
 * /reports/layouts — the five tables' layouts (附件1–4 progress tables, 附件5 hazard list): a
 * preview of each header, whether it is the default, who changed it last; the bureau edits the
 * layout's data (to match a template received from the city) or puts the default back.
 */
export function ReportLayoutsPage() {
  const { t } = useLocale();
  const canEdit = useCan(Permission.ReportLayout);
  const layouts = useQuery({
    queryKey: reportKeys.layouts,
    queryFn: ({ signal }) => listReportLayouts(signal),
  });
  const [editing, setEditing] = useState<{ view: ReportLayoutView; seq: number } | null>(null);
  const [editorOpen, setEditorOpen] = useState(false);

  return (
    <>
      <PageHeader title={t('nav.reportLayouts')} />
      <InfoNote>
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('reports.layouts.intro')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('reports.layouts.introFrozen')}</Typography.Text>
      </InfoNote>
      <ErrorAlert error={layouts.error} />
      {layouts.isPending ? (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      ) : null}
      <Flex vertical gap={16}>
        {(layouts.data ?? []).map((view) => (
          <LayoutCard
            key={view.table}
            view={view}
            canEdit={canEdit}
            onEdit={() => {
              setEditing((e) => ({ view, seq: (e?.seq ?? 0) + 1 }));
              setEditorOpen(true);
            }}
          />
        ))}
        {layouts.data ? <Reference /> : null}
      </Flex>
      {editing ? (
        <LayoutEditorModal
          key={editing.seq}
          layout={editing.view}
          open={editorOpen}
          onClose={() => setEditorOpen(false)}
        />
      ) : null}
    </>
  );
}

function LayoutCard({
  view,
  canEdit,
  onEdit,
}: {
  view: ReportLayoutView;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const { t, label } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const { layout } = view;
  const title = `${layout.annex} ${label(layout.title)}`;
  const reset = useMutation({
    mutationFn: () => resetReportLayout(view.table),
    onSuccess: async () => {
      void message.success(t('reports.layouts.resetDone'));
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
    },
  });

  return (
    <Card
      size="small"
      title={title}
      data-testid={`layout-${view.table}`}
      extra={
        <Flex gap={8} align="center" wrap>
          {view.isDefault ? (
            <Tag>{t('reports.layouts.default')}</Tag>
          ) : (
            <Tag color="blue">{t('reports.layouts.changed')}</Tag>
          )}
          {canEdit ? (
            <>
              <Button
                size="small"
                onClick={onEdit}
                aria-label={`${t('common.edit')} ${layout.annex}`}
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('reports.layouts.resetTitle')}
                description={t('reports.layouts.resetHint')}
                okText={t('reports.layouts.reset')}
                cancelText={t('common.cancel')}
                onConfirm={() => reset.mutate()}
                disabled={view.isDefault}
              >
                <Button
                  size="small"
                  danger
                  disabled={view.isDefault}
                  loading={reset.isPending}
                  aria-label={`${t('reports.layouts.reset')} ${layout.annex}`}
                >
                  {t('reports.layouts.reset')}
                </Button>
              </Popconfirm>
            </>
          ) : null}
        </Flex>
      }
    >
      <ErrorAlert error={reset.error} />
      <Typography.Paragraph type="secondary">
        {view.isDefault || !view.updatedAt
          ? t('reports.layouts.neverChanged')
          : t('reports.layouts.lastChanged', {
              by: view.updatedByName ?? '—',
              at: formatDateTime(view.updatedAt),
              note: view.note ? `：${view.note}` : '',
            })}
      </Typography.Paragraph>
      {layout.kind === 'progress' ? (
        <ProgressTable
          caption={title}
          layout={layout}
          periodLabel={FIGURE_PERIOD_LABELS.week}
          rows={[]}
          emptyText={t('reports.layouts.previewEmpty')}
        />
      ) : (
        <HazardListTable caption={title} layout={layout} rows={[]} preview />
      )}
    </Card>
  );
}

/** The figure keys and hazard list fields a layout may use, for whoever edits the JSON. */
function Reference() {
  const { t, label } = useLocale();
  const kindText = (k: FigureKey) =>
    FIGURES[k].kind === 'flow'
      ? t('reports.layouts.periodsBoth')
      : t('reports.layouts.periodsCumulative');
  return (
    <Collapse
      items={[
        {
          key: 'figures',
          label: t('reports.layouts.figureKeys'),
          children: (
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={FIGURE_KEYS.map((key) => ({ key }))}
              columns={[
                {
                  key: 'key',
                  title: 'figure',
                  render: (_: unknown, r: { key: FigureKey }) => (
                    <Typography.Text code copyable>
                      {r.key}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'name',
                  title: t('reports.layouts.figureName'),
                  render: (_: unknown, r: { key: FigureKey }) =>
                    `${label(FIGURES[r.key])}（${FIGURES[r.key].unit}）`,
                },
                {
                  key: 'periods',
                  title: 'periods',
                  render: (_: unknown, r: { key: FigureKey }) => kindText(r.key),
                },
                {
                  key: 'supported',
                  title: t('reports.layouts.supported'),
                  render: (_: unknown, r: { key: FigureKey }) =>
                    FIGURES[r.key].supported ? t('common.yes') : t('reports.layouts.noData'),
                },
              ]}
            />
          ),
        },
        {
          key: 'fields',
          label: t('reports.layouts.hazardFields'),
          children: (
            <Flex wrap gap={8}>
              {HAZARD_LIST_FIELDS.map((f) => (
                <Tag key={f}>
                  <Typography.Text code>{f}</Typography.Text> {label(HAZARD_LIST_FIELD_LABELS[f])}
                </Tag>
              ))}
            </Flex>
          ),
        },
      ]}
    />
  );
}
